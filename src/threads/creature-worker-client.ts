/**
 * Main-thread side of the creature worker (engine/creatures/creature-worker-api.ts): starts it,
 * forwards calls, and keeps what it takes to rebuild it: the world, every terrain op, the last save
 * (one a second comes with the tick messages) and every input call sent since that save. When the
 * worker dies (its `error` event) or goes silent while running (no tick message for heartbeatMs),
 * a new one is started and sent, in order: init, the terrain ops, restoreState(last save), then the
 * input calls the save does not hold. Everything is posted at once, so a call the page makes
 * meanwhile lands after them. An input call's promise settles with the first worker that answers it.
 */
import * as Comlink from 'comlink';
import type { Result } from '../protocol/errors.ts';
import type { WorldInit } from '../protocol/terrain.ts';
import type { CreatureTypeName } from '../protocol/creatures.ts';
import type { Vec3 } from '../protocol/vec3.ts';
import type { TerrainOp } from '../engine/terrain-service.ts';
import type { CreatureApi, CreatureTickMessage } from '../engine/creatures/creature-worker-api.ts';
import type { SavedCreatures, SpawnInput } from '../engine/creatures/creature-api-schemas.ts';
import { savedCreatures, type SavedCreature } from '../engine/creatures/sim-save.ts';
import { CreatureStore } from '../engine/creatures/creature-store.ts';
import { snapshotCount } from '../engine/creatures/creature-snapshot.ts';

/** What a creature worker exposes: the API plus its crash() test hook. */
export type CreatureWorkerApi = CreatureApi;
export type CreatureWorkerFactory = () => Worker;

export type CreatureRestartEvent =
  | { phase: 'error'; message: string; restarts: number }
  | { phase: 'ready'; restarts: number; restored: boolean; resent: number };

export interface CreatureClientHooks {
  /** Each tick's message; hand `snapshot` back with recycle() once read. */
  onTick?(message: CreatureTickMessage): void;
  /** A replacement began (telemetry ai:error) and finished (ai:ready). */
  onRestart?(event: CreatureRestartEvent): void;
}

export interface CreatureClientOptions {
  factory?: CreatureWorkerFactory;
  /** No tick message for this long while running means the worker hangs. */
  heartbeatMs?: number;
}

const defaultFactory: CreatureWorkerFactory = () =>
  new Worker(new URL('../../workers/creatures.worker.ts', import.meta.url), { type: 'module', name: 'creatures' });

/** Replacements in a row that never answered: the worker cannot start here (bad script, CSP); stop trying. */
export const MAX_RESTARTS_IN_A_ROW = 5;

const unavailable = <T>(): Result<T> => ({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'the creature worker stopped; it is being replaced' } });

type Remote = Comlink.Remote<CreatureWorkerApi>;
interface LoggedInput { index: number; send(api: Remote): void; fail(): void }
interface Generation { worker: Worker; api: Remote; died: Promise<undefined>; markDied(): void; alive: boolean }

export class CreatureWorkerClient {
  restarts = 0;
  /** Replacements since the last tick message. */
  private restartsInARow = 0;
  /** True once MAX_RESTARTS_IN_A_ROW replacements never answered: calls answer SERVICE_UNAVAILABLE. */
  gaveUp = false;
  /** Creatures in the last snapshot. */
  count = 0;
  private gen: Generation;
  private world: WorldInit;
  /** Terrain op batches as sent (a batch the worker refused is dropped), replayed batch by batch. */
  private readonly opBatches: TerrainOp[][] = [];
  private lastSave: SavedCreatures | null = null;
  private log: LoggedInput[] = [];
  private sent = 0;
  private running = false;
  private paused = false;
  private lastMessageAt = performance.now();
  private lastWatchdog = performance.now();
  private readonly watchdog: ReturnType<typeof setInterval>;
  private readonly factory: CreatureWorkerFactory;
  private readonly heartbeatMs: number;
  private readonly onTickProxy = Comlink.proxy((m: CreatureTickMessage) => this.received(m));

  constructor(world: WorldInit, private readonly hooks: CreatureClientHooks = {}, options: CreatureClientOptions = {}) {
    this.world = world;
    this.factory = options.factory ?? defaultFactory;
    // Generous: a worker that is only slow (a loaded machine replaying a world's chunks) must not be replaced;
    // a crash is seen at once through the error event, not through this.
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.gen = this.spawnWorker();
    void this.gen.api.init(world);
    this.watchdog = setInterval(() => this.checkHeartbeat(), Math.min(1000, this.heartbeatMs / 2));
  }

  /** Starts a different world: no creatures, no ops, nothing to restore. */
  init(world: WorldInit): Promise<Result<{ seed: number; kind: string }>> {
    this.world = world;
    this.opBatches.length = 0;
    this.lastSave = null;
    this.log = [];
    this.sent = 0;
    this.count = 0;
    return this.call((api) => api.init(world));
  }

  /** Terrain ops in the page's order (TerrainPool's op log, as they happen). */
  async terrainOps(ops: readonly TerrainOp[]): Promise<Result<{ applied: number; ops: number }>> {
    const batch = [...ops];
    this.opBatches.push(batch);
    const r = await this.call((api) => api.terrainOps(batch));
    if (!r.ok && r.error.code !== 'SERVICE_UNAVAILABLE') {
      const at = this.opBatches.indexOf(batch);
      if (at >= 0) this.opBatches.splice(at, 1); // refused: it changed nothing, and a replacement must not get it either
    }
    return r;
  }

  groundNear(type: CreatureTypeName, position: Vec3): Promise<Result<Vec3>> {
    return this.call((api) => api.groundNear({ type, position }));
  }

  spawn(input: SpawnInput): Promise<Result<Vec3>> { return this.input((api) => api.spawn(input)); }
  remove(n: number): Promise<Result<{ n: number }>> { return this.input((api) => api.remove(n)); }
  command(n: number, state: number, followKey?: number): Promise<Result<{ n: number; state: number }>> {
    return this.input((api) => api.command(n, state, followKey));
  }
  setOwner(n: number, ownerKey: number): Promise<Result<{ n: number; ownerKey: number }>> { return this.input((api) => api.setOwner(n, ownerKey)); }
  /** [key, x, y, z] per player; copied, so the caller may reuse its array. */
  setPlayers(packed: Float64Array): Promise<Result<{ players: number }>> {
    const copy = packed.slice();
    return this.input((api) => api.setPlayers(copy));
  }
  clear(): Promise<Result<{ cleared: true }>> { return this.input((api) => api.clear()); }

  /** Starts the worker's 20 Hz loop; tick messages go to hooks.onTick. */
  start(): Promise<Result<{ tick: number }>> {
    this.running = true;
    this.lastMessageAt = performance.now();
    return this.call((api) => api.start(this.onTickProxy));
  }
  stop(): Promise<Result<{ tick: number }>> { this.running = false; return this.call((api) => api.stop()); }
  pause(): Promise<Result<{ paused: true }>> { this.paused = true; return this.call((api) => api.pause()); }
  resume(): Promise<Result<{ paused: false }>> {
    this.paused = false;
    this.lastMessageAt = performance.now();
    return this.call((api) => api.resume());
  }
  step(count = 1): Promise<Result<{ tick: number }>> { return this.call((api) => api.step(count)); }
  /** The worker's whole state now (a save on demand; the tick messages bring one a second anyway). */
  saveState(): Promise<Result<SavedCreatures>> { return this.call((api) => api.saveState()); }
  status(): Promise<ReturnType<CreatureApi['status']> | null> {
    const g = this.gen;
    return Promise.race([g.api.status(), g.died.then(() => null)]);
  }

  /** Gives a snapshot back to the worker (transferred) so it packs the next ones into it. */
  recycle(snapshot: Float32Array): void {
    if (snapshot.buffer.byteLength > 0) void this.gen.api.recycle(Comlink.transfer(snapshot, [snapshot.buffer]));
  }

  /** The last save's creatures (about a second old): what the page hands the relay for a zone. */
  saved(): SavedCreature[] {
    return this.lastSave ? savedCreatures(this.lastSave.state, new CreatureStore(8)) : [];
  }

  /** The last save itself, and how many input calls since it wait to be re-sent (for tests and telemetry). */
  get lastSaved(): SavedCreatures | null { return this.lastSave; }
  get unsaved(): number { return this.log.length; }

  /** Test hook: the worker throws from a later task; the client replaces it. */
  crash(): void { void this.gen.api.crash(); }

  dispose(): void {
    clearInterval(this.watchdog);
    this.gen.alive = false;
    this.gen.worker.terminate();
    this.gen.markDied();
  }

  private received(m: CreatureTickMessage): void {
    this.lastMessageAt = performance.now();
    this.restartsInARow = 0;
    this.count = snapshotCount(m.snapshot);
    if (m.save) {
      this.lastSave = m.save;
      this.log = this.log.filter((e) => e.index >= m.save!.inputs);
    }
    this.hooks.onTick?.(m);
  }

  /** A call that is not an input: answered by the current worker, or SERVICE_UNAVAILABLE if it dies first. */
  private call<T>(run: (api: Remote) => Promise<Result<T>>): Promise<Result<T>> {
    const g = this.gen;
    return Promise.race([run(g.api).catch(() => unavailable<T>()), g.died.then(() => unavailable<T>())]);
  }

  /** An input call: numbered, logged until a save holds it, answered by the first worker that does. */
  private input<T>(run: (api: Remote) => Promise<Result<T>>): Promise<Result<T>> {
    if (this.gaveUp) return Promise.resolve(unavailable<T>());
    return new Promise<Result<T>>((resolve) => {
      const entry: LoggedInput = {
        index: this.sent++, send: (api) => void run(api).then(resolve, () => undefined), fail: () => resolve(unavailable<T>()),
      };
      this.log.push(entry);
      entry.send(this.gen.api);
    });
  }

  private spawnWorker(): Generation {
    const worker = this.factory();
    const api = Comlink.wrap<CreatureWorkerApi>(worker);
    let markDied!: () => void;
    const died = new Promise<undefined>((resolve) => (markDied = () => resolve(undefined)));
    const g: Generation = { worker, api, died, markDied, alive: true };
    worker.addEventListener('error', (e) => { if (g.alive) this.restart(`creature worker died: ${(e as ErrorEvent).message ?? 'error'}`); });
    return g;
  }

  private checkHeartbeat(): void {
    const now = performance.now();
    const mainStalled = now - this.lastWatchdog > 2 * Math.min(1000, this.heartbeatMs / 2) + 500;
    this.lastWatchdog = now;
    if (mainStalled) { this.lastMessageAt = now; return; } // our own stall, not the worker's
    if (this.running && !this.paused && now - this.lastMessageAt > this.heartbeatMs) {
      this.restart(`creature worker sent no tick for ${this.heartbeatMs} ms`);
    }
  }

  /** Replaces the worker and rebuilds it: init, terrain ops, last save, the inputs after it, the loop. */
  private restart(reason: string): void {
    const old = this.gen;
    old.alive = false;
    old.worker.terminate();
    old.markDied();
    if (++this.restartsInARow > MAX_RESTARTS_IN_A_ROW) {
      this.running = false;
      this.gaveUp = true;
      for (const e of this.log) e.fail();
      this.hooks.onRestart?.({ phase: 'error', message: `${reason}; ${MAX_RESTARTS_IN_A_ROW} replacements in a row never answered, so no more are made`, restarts: this.restarts });
      return;
    }
    this.restarts++;
    this.hooks.onRestart?.({ phase: 'error', message: reason, restarts: this.restarts });
    const g = this.gen = this.spawnWorker();
    this.lastMessageAt = performance.now();
    const save = this.lastSave;
    const steps: Promise<unknown>[] = [g.api.init(this.world)];
    for (const batch of this.opBatches) steps.push(g.api.terrainOps(batch));
    if (save) steps.push(g.api.restoreState({ state: save.state.slice(), inputs: save.inputs, tick: save.tick }));
    const resend = this.log.filter((e) => e.index >= (save?.inputs ?? 0));
    for (const e of resend) e.send(g.api);
    if (this.paused) steps.push(g.api.pause());
    if (this.running) steps.push(g.api.start(this.onTickProxy));
    void Promise.race([Promise.all(steps), g.died]).then(() => {
      if (!g.alive) return;
      this.restartsInARow = 0; // it answered: it runs
      this.hooks.onRestart?.({ phase: 'ready', restarts: this.restarts, restored: save !== null, resent: resend.length });
    });
  }
}
