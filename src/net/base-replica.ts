/**
 * The page's copy of the relay's base layer (issue 12): this player's inventory, the world's
 * structures and their states, the power networks, the fabricators' jobs and the world clock. Filled from the join result
 * and kept current by the relay's events; slow state (it changes on actions and grid changes, never
 * per frame), so it lives in a zustand store the UI and the control API read. Requests go to the
 * relay, which decides; the answer comes back in the ack and as the events everyone gets.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { StoredInventorySchema, type Inventory } from '../engine/inventory/inventory-schema.ts';
import type {
  BaseClientEvents, BaseJoin, FabricatorUpdate, InventoryUpdate, ItemCounts, NetworkReport, StructureInfo, StructureState, WorldClockInfo,
} from '../protocol/net/base-events.ts';
import { relayError } from '../protocol/net/errors.ts';
import { call, type AckOf, type RelaySocket } from './ack.ts';

export interface BaseState {
  /** Null until a shared world is joined (single-player has no relay to own it). */
  inventory: Inventory | null;
  structures: Record<string, StructureInfo>;
  states: Record<string, StructureState>;
  grid: Record<string, NetworkReport>;
  /** The relay's clock and when (performance.now) the page heard it. */
  clock: { info: WorldClockInfo; heardAt: number } | null;
  /** What the last dig could not carry (too heavy or no room). */
  dropped: ItemCounts | null;
  /** Bumped on every change of `structures`, so a renderer can rebuild only then. */
  structuresVersion: number;
  /**
   * Each fabricator's job by structure id, from fabricator_update (progress a tenth at a time; `done`
   * stays until the next job) and the join's states. Optional so older literal states still type.
   */
  fabricators?: Record<string, FabricatorJobView>;
}

export interface FabricatorJobView { recipe_id: string; count: number; progress: number; done: boolean }

export type BaseStore = StoreApi<BaseState>;

export type BaseEvent =
  | { type: 'structure_built'; data: StructureInfo }
  | { type: 'power_grid_update'; data: { networks: NetworkReport[]; gone: string[]; tick: number } };
export type BaseListener = (e: BaseEvent) => void;

const empty = (): BaseState => ({ inventory: null, structures: {}, states: {}, grid: {}, clock: null, dropped: null, structuresVersion: 0, fabricators: {} });

/** Jobs running at join time, from the structures' states. */
function jobsOf(states: Record<string, StructureState>): Record<string, FabricatorJobView> {
  const out: Record<string, FabricatorJobView> = {};
  for (const [id, s] of Object.entries(states)) if (s.job) out[id] = { ...s.job, done: false };
  return out;
}

type Request = keyof BaseClientEvents;
type PayloadOf<E extends Request> = Parameters<BaseClientEvents[E]>[0];

export class BaseReplica {
  readonly store: BaseStore = createStore<BaseState>(empty);

  private readonly listeners = new Set<BaseListener>();

  constructor(private readonly socket: () => RelaySocket | null) {}

  /** Hears structures placed and grid changes as they arrive (the control API sends them as telemetry). */
  listen(listener: BaseListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private tell(e: BaseEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** The relay's events on a (new) connection. */
  bind(socket: RelaySocket): void {
    socket.on('inventory_update', (u: InventoryUpdate) => {
      const inv = StoredInventorySchema.safeParse(u.inventory);
      if (inv.success) this.store.setState({ inventory: inv.data, dropped: u.dropped ?? null });
    });
    socket.on('sync_structure_place', (s) => {
      this.store.setState((st) => ({ structures: { ...st.structures, [s.structure_id]: s }, structuresVersion: st.structuresVersion + 1 }));
      this.tell({ type: 'structure_built', data: s });
    });
    socket.on('sync_structure_remove', ({ structure_id }) => this.store.setState((st) => {
      const structures = { ...st.structures };
      const states = { ...st.states };
      const fabricators = { ...st.fabricators };
      delete structures[structure_id];
      delete states[structure_id];
      delete fabricators[structure_id];
      return { structures, states, fabricators, structuresVersion: st.structuresVersion + 1 };
    }));
    socket.on('sync_structure_state', ({ structure_id, state }) => this.store.setState((st) => (
      st.structures[structure_id] ? { states: { ...st.states, [structure_id]: state }, structures: { ...st.structures, [structure_id]: { ...st.structures[structure_id], enabled: state.enabled, health: state.health } } } : {}
    )));
    socket.on('power_grid_update', (update) => {
      this.store.setState((st) => {
        const grid = { ...st.grid };
        for (const id of update.gone) delete grid[id];
        for (const n of update.networks) grid[n.base_id] = n;
        return { grid };
      });
      this.tell({ type: 'power_grid_update', data: update });
    });
    socket.on('world_clock', (info) => this.store.setState({ clock: { info, heardAt: performance.now() } }));
    socket.on('fabricator_update', ({ structure_id, recipe_id, count, progress, done }: FabricatorUpdate) => this.store.setState((st) => ({
      fabricators: { ...st.fabricators, [structure_id]: { recipe_id, count, progress, done } },
    })));
  }

  /** A (re)join: everything as the relay has it now. A relay without a database sends none. */
  applyJoin(base: BaseJoin | undefined): void {
    if (!base) return this.store.setState(empty());
    const inv = StoredInventorySchema.safeParse(base.inventory);
    this.store.setState((st) => ({
      inventory: inv.success ? inv.data : null,
      structures: Object.fromEntries(base.structures.map((s) => [s.structure_id, s])),
      states: base.states,
      grid: Object.fromEntries(base.grid.map((n) => [n.base_id, n])),
      clock: { info: base.clock, heardAt: performance.now() },
      dropped: null,
      structuresVersion: st.structuresVersion + 1,
      fabricators: jobsOf(base.states),
    }));
  }

  /** Left the shared world: nothing of it stays. */
  clear(): void {
    this.store.setState((st) => ({ ...empty(), structuresVersion: st.structuresVersion + 1 }));
  }

  /** Asks the relay; its refusal comes back as the ack's error. */
  request<E extends Request>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    const socket = this.socket();
    if (!socket) return Promise.resolve({ ok: false, error: relayError('SERVER_ERROR', 'not connected to the shared world') } as AckOf<E>);
    return call(socket, event, payload);
  }

  /** The world clock's tick now, counted on from when the relay last said it. */
  tickNow(now = performance.now()): number | null {
    const c = this.store.getState().clock;
    if (!c) return null;
    return c.info.tick + Math.floor(((now - c.heardAt) * c.info.tick_hz) / 1000);
  }
}
