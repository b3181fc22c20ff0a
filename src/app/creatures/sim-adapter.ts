/**
 * The creature service's CreatureSimPort over the creature worker's client: inputs go to the worker,
 * each tick's snapshot goes to the interpolator (and back to the worker to be reused), its events
 * and the worker's restarts become SimEvents, and each save (once a second) becomes the per-creature
 * states the service reports.
 */
import type { CreatureRecord, CreatureTypeName } from '../../protocol/creatures.ts';
import { CREATURE_TYPE_NAMES, creatureNumber } from '../../protocol/creatures.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import type { WorldInit } from '../../protocol/terrain.ts';
import type { CreatureTickMessage } from '../../engine/creatures/creature-worker-api.ts';
import type { CreatureRestartEvent, CreatureWorkerClient } from '../../threads/creature-worker-client.ts';
import type { CreatureTimeline } from '../../threads/creature-timeline.ts';
import { COMMAND_STATE } from '../../protocol/creatures.ts';
import type { CreatureSimPort, SimCreatureState, SimEvent } from './sim-port.ts';

export class WorkerSimPort implements CreatureSimPort {
  /** Ticks the worker has run (its own count, for tests that wait on simulated time). */
  ticks = 0;
  private readonly states = new Map<number, SimCreatureState>();
  private onEvents: (events: readonly SimEvent[]) => void = () => undefined;
  private onSaved: () => void = () => undefined;

  constructor(private readonly client: CreatureWorkerClient, private readonly timeline: CreatureTimeline) {}

  /** The client's onTick hook. */
  tick(m: CreatureTickMessage): void {
    this.ticks = m.tick;
    this.timeline.ingestSnapshot(m.snapshot, performance.now());
    this.client.recycle(m.snapshot);
    if (m.events.length > 0) {
      const out: SimEvent[] = [];
      for (const e of m.events) {
        if (e.kind === 'died' || e.kind === 'struck') out.push(e);
        else if (e.kind === 'hunt' || e.kind === 'flee') out.push({ kind: e.kind, n: e.n, target: e.target, state: e.kind === 'flee' ? 5 : 0 });
      }
      if (out.length > 0) this.onEvents(out);
    }
    if (m.save) {
      this.states.clear();
      for (const c of this.client.saved()) {
        this.states.set(c.n, { n: c.n, x: c.position.x, y: c.position.y, z: c.position.z, vx: c.velocity.x, vy: c.velocity.y, vz: c.velocity.z, health: c.health, stamina: c.stamina, state: c.state });
      }
      this.onSaved();
    }
  }

  /** The client's onRestart hook: ai:error when the worker died, ai:ready when its replacement runs. */
  restart(e: CreatureRestartEvent): void {
    this.onEvents([e.phase === 'error'
      ? { kind: 'error', message: e.message, restarts: e.restarts }
      : { kind: 'ready', creatures: this.states.size, restored: e.restored, restarts: e.restarts }]);
  }

  /** A different world: the worker starts over on it (the service re-adds what it still simulates). */
  reset(world: WorldInit): void {
    this.states.clear();
    void this.client.init(world);
  }

  async groundNear(type: CreatureTypeName, p: Vec3): Promise<Vec3 | null> {
    const r = await this.client.groundNear(type, p);
    return r.ok ? r.value : null;
  }

  add(rec: CreatureRecord, ownerKey: number): void {
    void this.client.spawn({
      n: creatureNumber(rec.creature_id), type: rec.creature_type, level: rec.level, position: rec.position, velocity: rec.velocity,
      health: rec.health, stamina: rec.stamina, state: rec.state, seed: rec.seed >>> 0,
      ...(ownerKey >= 0 ? { ownerKey } : {}),
      ...(ownerKey >= 0 && rec.state === COMMAND_STATE.follow ? { followKey: ownerKey } : {}),
    });
  }

  remove(n: number): void {
    this.states.delete(n);
    void this.client.remove(n);
  }

  clear(): void {
    this.states.clear();
    void this.client.clear();
  }

  command(n: number, state: number, followKey: number): void {
    void this.client.command(n, state, followKey >= 0 ? followKey : undefined);
  }

  setOwner(n: number, ownerKey: number): void {
    if (ownerKey >= 0) void this.client.setOwner(n, ownerKey);
  }

  setPlayers(packed: Float64Array, count: number): void {
    void this.client.setPlayers(packed.subarray(0, count * 4));
  }

  saved(): ReadonlyMap<number, SimCreatureState> {
    return this.states;
  }

  listen(onEvents: (events: readonly SimEvent[]) => void, onSaved: () => void): void {
    this.onEvents = onEvents;
    this.onSaved = onSaved;
  }

  get typeNames(): readonly string[] { return CREATURE_TYPE_NAMES; }
}
