/**
 * A creature simulation the game can run: the store, the brain, the terrain and the players, driven
 * by ordered inputs. Inputs (spawn, remove, command, setOwner, setPlayers, clear) are queued as they
 * come and applied at the start of the next tick in arrival order, so the same inputs in the same
 * order give the same creatures, whatever the timing. Creatures are addressed by n (creature_<n>),
 * which is their store id. A creature that died in a tick is in that tick's snapshot (health 0)
 * and gone at the start of the next.
 *
 * Out of each tick: events (event-ring.ts, drained into plain objects), a render snapshot
 * (creature-snapshot.ts) and, when asked, a save that a fresh sim continues from bit for bit.
 */
import { CreatureState, CreatureStore } from './creature-store.ts';
import { CreatureBrain } from './creature-brain.ts';
import { TYPE_FLYER, type CreatureWorld } from './creature-world.ts';
import { CREATURE_TYPE_IDS } from './creature-types.ts';
import { EventRing, SimEventKind } from './event-ring.ts';
import { PlayerTable, PLAYER_STRIDE } from './player-table.ts';
import { packSnapshot, snapshotLength } from './creature-snapshot.ts';
import { InputQueue, SimInput, decodeSpawn, encodeSpawn, inputLength, type SimSpawn } from './sim-inputs.ts';
import { readSave, writeSave } from './sim-save.ts';
import { drainEvents, type SimEvent } from './sim-events.ts';
import { FLY_CRUISE } from './flight.ts';

/**
 * What the sim needs of the terrain: the brain's ground and solidity queries, and optionally where
 * the floor nearest a point is (searching up and down; else spawns use groundAt from above).
 */
export type CreatureTerrain = Pick<CreatureWorld, 'groundAt' | 'solidAt'> & {
  /** Writes into p[1] the floor under (p[0], p[1], p[2]) in the open, or over it inside the ground. */
  floorNear?(p: Float64Array): void;
};

export interface Point { x: number; y: number; z: number }

export class CreatureSim implements CreatureWorld {
  readonly store: CreatureStore;
  readonly brain = new CreatureBrain();
  readonly players = new PlayerTable();
  readonly events = new EventRing();
  /** Inputs not yet applied (sim-inputs.ts). */
  private readonly queue = new InputQueue();
  /** Every n that exists once the queued inputs are applied: what the API checks requests against. */
  private readonly known = new Set<number>();
  private readonly probe = new Float64Array(3);
  private readonly look = new Float64Array(3);
  private free: Float32Array[] = [];
  /** Int32 views of snapshot buffers seen before (a buffer recycled in-process comes back as itself). */
  private readonly views = new WeakMap<Float32Array, Int32Array>();

  constructor(readonly terrain: CreatureTerrain, capacity = 64) {
    this.store = new CreatureStore(capacity);
    this.brain.events = this.events;
  }

  // ---- CreatureWorld, for the brain: the terrain's answers and the players' positions ----
  groundAt(p: Float64Array): void { this.terrain.groundAt(p); }
  solidAt(p: Float64Array): boolean { return this.terrain.solidAt(p); }
  ownerPosition(owner: number, out: Float64Array): boolean { return this.players.position(owner, out); }

  /** Ticks run so far. */
  get tick(): number { return this.store.tickCount; }
  /** Creatures in the store now (corpses of the last tick included). */
  get count(): number { return this.store.count; }

  /** True if creature n exists once the queued inputs are applied. */
  has(n: number): boolean { return this.known.has(n); }

  /**
   * Where a creature of type index `type` asked for at (x, y, z) would stand: a walker on the floor
   * the page's placement probe finds from the point (the first below it in the open, the first
   * above it inside the ground), a flyer at its cruising height over the top of the ground. Synchronous, so a caller can answer "where" before the spawn is applied.
   */
  groundNear(x: number, y: number, z: number, type: number): Point {
    const p = this.probe;
    p[0] = x; p[1] = y; p[2] = z;
    if (TYPE_FLYER[type] === 1 || !this.terrain.floorNear) {
      p[1] = Infinity; // from above: the top of the ground
      this.terrain.groundAt(p);
    } else {
      this.terrain.floorNear(p);
    }
    return { x, y: TYPE_FLYER[type] === 1 ? p[1] + FLY_CRUISE : p[1], z };
  }

  /** Queues a creature (its n must be new: see has); returns where it will stand. */
  spawn(c: SimSpawn): Point {
    const at = this.groundNear(c.x, c.y, c.z, c.type);
    encodeSpawn(this.queue, { ...c, x: at.x, y: at.y, z: at.z });
    this.known.add(c.n);
    return at;
  }

  remove(n: number): void { this.queue.push(SimInput.Remove); this.queue.push(n); this.known.delete(n); }
  /** A CreatureState (0..4) and, for follow, the player key to follow (-1: its owner). */
  command(n: number, state: number, followKey = -1): void {
    const q = this.queue;
    q.push(SimInput.Command); q.push(n); q.push(state); q.push(followKey);
  }
  /** Tames (a player key) or frees (-1) creature n; it then follows its new owner. */
  setOwner(n: number, ownerKey: number): void { this.queue.push(SimInput.SetOwner); this.queue.push(n); this.queue.push(ownerKey); }
  /** The players' positions: `count` (all of `packed` if omitted) entries of [key, x, y, z]. */
  setPlayers(packed: ArrayLike<number>, count = Math.floor(packed.length / PLAYER_STRIDE)): void {
    this.queue.push(SimInput.SetPlayers); this.queue.push(count);
    for (let i = 0; i < count * PLAYER_STRIDE; i++) this.queue.push(packed[i]);
  }
  /** Removes every creature. */
  clear(): void { this.queue.push(SimInput.Clear); this.known.clear(); }

  /** One 20 Hz tick: last tick's corpses go, queued inputs apply in order, then the brain runs. */
  step(): void {
    this.events.clear();
    const store = this.store;
    for (let s = store.count - 1; s >= 0; s--) {
      if (store.dead[s]) { this.known.delete(store.id[s]); store.remove(store.id[s]); }
    }
    this.applyInputs();
    this.brain.tick(store, this);
  }

  private applyInputs(): void {
    const q = this.queue.data, len = this.queue.length, store = this.store;
    for (let at = 0; at < len; at += inputLength(q, at)) {
      const n = q[at + 1];
      switch (q[at]) {
        case SimInput.Spawn: {
          const c = decodeSpawn(q, at + 1);
          if (store.slotOf(c.n) >= 0) break;
          store.add({
            type: CREATURE_TYPE_IDS[c.type], level: c.level, x: c.x, y: c.y, z: c.z, vx: c.vx, vy: c.vy, vz: c.vz,
            health: c.health, stamina: c.stamina, state: c.state as CreatureState, owner: c.ownerKey,
            leader: c.followKey >= 0 ? c.followKey : c.ownerKey, seed: c.seed,
          }, c.n);
          const e = this.events.push(SimEventKind.Spawned, c.n, -1);
          if (e >= 0) { this.events.x[e] = c.x; this.events.y[e] = c.y; this.events.z[e] = c.z; }
          break;
        }
        case SimInput.Remove: if (store.slotOf(n) >= 0) store.remove(n); break;
        case SimInput.Command: {
          const s = store.slotOf(n);
          if (s < 0 || store.dead[s]) break;
          store.state[s] = q[at + 2];
          store.leader[s] = q[at + 3] >= 0 ? q[at + 3] : store.owner[s];
          store.target[s] = -1;
          store.vx[s] = 0; store.vy[s] = 0; store.vz[s] = 0;
          const e = this.events.push(SimEventKind.Action, n, store.leader[s]);
          if (e >= 0) this.events.value[e] = q[at + 2];
          break;
        }
        case SimInput.SetOwner: {
          const s = store.slotOf(n);
          if (s >= 0) { store.owner[s] = q[at + 2]; store.leader[s] = q[at + 2]; store.target[s] = -1; }
          break;
        }
        case SimInput.SetPlayers: this.players.set(q, q[at + 1], at + 2); break;
        case SimInput.Clear: while (store.count > 0) store.remove(store.id[store.count - 1]); break;
      }
    }
    this.queue.length = 0;
  }

  /** This tick's events as plain objects (allocates; call after the tick, not in it). */
  drainEvents(): SimEvent[] {
    const out = drainEvents(this.events);
    this.events.clear();
    return out;
  }

  /**
   * The render snapshot of the creatures now (creature-snapshot.ts), in a buffer from the free list
   * (see recycle) when one is big enough, else a new one sized for growth.
   */
  packSnapshot(): Float32Array {
    const need = snapshotLength(this.store.count);
    let out: Float32Array | undefined;
    while ((out = this.free.pop()) !== undefined && out.length < need);
    out ??= new Float32Array(snapshotLength(Math.max(64, this.store.capacity)));
    let ints = this.views.get(out);
    if (ints === undefined) { ints = new Int32Array(out.buffer, out.byteOffset, out.length); this.views.set(out, ints); }
    packSnapshot(this.store, this.players, out, ints, this.look);
    return out;
  }

  /** Gives a snapshot buffer back (the main thread returns them after reading), so packing stops allocating. */
  recycle(buffer: Float32Array): void {
    if (this.free.length < 4 && buffer.buffer.byteLength > 0) this.free.push(buffer);
  }

  /** Everything needed to go on bit-identically: columns, tick count, id counter, players, pending inputs. */
  saveState(): Float64Array {
    return writeSave(this.store, this.players, this.queue.data.subarray(0, this.queue.length));
  }

  /** Replaces this sim's state with a save (from saveState); what runs next is what the saver would run. */
  restoreState(saved: Float64Array): void {
    const r = readSave(saved, this.store);
    this.players.set(saved, r.players, r.playersAt);
    this.queue.load(saved, r.queueAt, r.queueLength);
    this.events.clear();
    this.known.clear();
    for (let s = 0; s < this.store.count; s++) if (!this.store.dead[s]) this.known.add(this.store.id[s]);
    const q = this.queue.data;
    for (let at = 0; at < this.queue.length; at += inputLength(q, at)) {
      if (q[at] === SimInput.Spawn) this.known.add(q[at + 1]);
      else if (q[at] === SimInput.Remove) this.known.delete(q[at + 1]);
      else if (q[at] === SimInput.Clear) this.known.clear();
    }
  }
}
