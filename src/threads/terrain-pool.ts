import * as Comlink from 'comlink';
import type { BrushEdit, WorldInit, ChunkMesh, EditOutcome } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import { JobQueue, type MeshJob } from './job-queue.ts';
import type { TerrainWorkerApi } from './terrain-worker-types.ts';
import type { ChunkSnapshot, LoadOutcome, TerrainOp } from '../engine/terrain-service.ts';

/**
 * Several jobs wait in each worker's inbox so it never idles while the main thread is busy (a long
 * frame, a slow GPU); few enough that re-ranking still steers what runs next.
 */
const JOBS_IN_FLIGHT_PER_WORKER = 6;
/** A job running this long means the worker hangs; it is replaced and the job retried. */
const HANG_TIMEOUT_MS = 10_000;
/** Replacements in a row without one finished job: the worker cannot start here (bad script, CSP). */
const MAX_REPLACEMENTS_IN_A_ROW = 5;

interface Slot {
  index: number;
  worker: Worker;
  api: Comlink.Remote<TerrainWorkerApi>;
  inflight: Map<number, MeshJob>;
  startedAt: Map<number, number>;
  alive: boolean;
  /** Settles when the slot's worker is terminated: Comlink calls to a dead worker never settle. */
  died: Promise<undefined>;
  markDied(): void;
}

export interface PoolStats {
  workers: number;
  meshed: number;
  replaced: number;
  queued: number;
  inflight: number;
  /** Mean time from dispatch to result, over all jobs so far (worker time plus queueing on both sides). */
  jobMsMean: number;
}

export type WorkerFactory = () => Worker;

export interface ApplyEditOptions {
  /**
   * Also answer what the edit moved per material (EditOutcome.moved: mining yields, build costs).
   * One worker counts it; it is absent only if that worker died during the call (the edit stands).
   */
  moved?: boolean;
}

/** The one options object sent to the worker that counts; the others get none, so they count nothing. */
const WITH_MOVED = { moved: true } as const;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/terrain.worker.ts', import.meta.url), { type: 'module', name: 'terrain' });

/** cores − 1 (the main thread needs one), at least 2 so one slow job never stalls streaming, at most 6. */
export function poolSizeFor(cores: number | undefined): number {
  return Math.min(6, Math.max(2, (cores ?? 4) - 1));
}

/**
 * Main-thread side of the terrain workers. Every worker holds a replica of the world (seed + ordered
 * op log: brush edits and chunk snapshots), so any worker can mesh any chunk; ops go to all of them
 * in the same order, and a replacement worker replays the log to the same state.
 */
export class TerrainPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new JobQueue();
  private readonly edits: BrushEdit[] = [];
  /** Every op since the world started, in order: edits (the same objects as `edits`) and snapshots. */
  private readonly ops: TerrainOp[] = [];
  private readonly watchdog: ReturnType<typeof setInterval>;
  private lastWatchdogTick = performance.now();
  private meshed = 0;
  private replaced = 0;
  private replacedInARow = 0;
  private jobMsTotal = 0;

  /** Told of every op as it is logged (the creature worker keeps its own terrain replica from them). */
  private readonly opListeners = new Set<(op: TerrainOp) => void>();
  private readonly resetListeners = new Set<(world: WorldInit) => void>();

  /** Bumped by reset(): results of jobs sent for an earlier world are dropped. */
  private generation = 0;

  constructor(
    private current: WorldInit,
    size: number,
    private readonly onMesh: (mesh: ChunkMesh) => void,
    private readonly onFailure: (message: string) => void = (m) => console.warn(m),
    private readonly createWorker: WorkerFactory = defaultFactory,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(i));
    this.watchdog = setInterval(() => this.checkHangs(), 1000);
  }

  get size(): number {
    return this.slots.length;
  }

  stats(): PoolStats {
    let inflight = 0;
    for (const s of this.slots) inflight += s.inflight.size;
    return {
      workers: this.slots.length, meshed: this.meshed, replaced: this.replaced, queued: this.queue.size, inflight,
      jobMsMean: this.meshed > 0 ? this.jobMsTotal / this.meshed : 0,
    };
  }

  /** The world the workers run (seed and generator). */
  get world(): Readonly<WorldInit> {
    return this.current;
  }

  /** The brush edits applied since the world started (snapshots not included). */
  editLog(): readonly BrushEdit[] {
    return this.edits;
  }

  /** The whole ordered op log a replacement worker replays. */
  opLog(): readonly TerrainOp[] {
    return this.ops;
  }

  /** Hears each reset (a different world), before any op of that world. */
  onReset(listener: (world: WorldInit) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * Calls `listener` with each op as it is logged, in log order (a snapshot the workers then refuse
   * included: a replica checking ops itself refuses it too). Returns the unsubscribe.
   */
  onOp(listener: (op: TerrainOp) => void): () => void {
    this.opListeners.add(listener);
    return () => this.opListeners.delete(listener);
  }

  isInflight(key: number): boolean {
    for (const slot of this.slots) if (slot.inflight.has(key)) return true;
    return false;
  }

  request(key: number, cx: number, cy: number, cz: number, priority: number): void {
    this.queue.upsert(key, cx, cy, cz, priority);
  }

  /** Forgets queued jobs for chunks the viewer no longer wants. */
  retain(keep: (key: number) => boolean): void {
    this.queue.retain(keep);
  }

  /** Starts queued jobs on workers with free capacity. Call after requests and once per frame. */
  pump(): void {
    for (let round = 0; round < JOBS_IN_FLIGHT_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (!slot.alive || slot.inflight.size >= JOBS_IN_FLIGHT_PER_WORKER) continue;
        const job = this.queue.take();
        if (!job) return;
        this.dispatch(slot, job);
      }
    }
  }

  /**
   * Logs and applies an edit on every replica. The edit was validated at the door it came in by
   * (the router, or the game's own brush); each worker still checks it at its message door, so a
   * bad edit is refused there by every replica alike and changes nothing.
   */
  async applyEdit(edit: BrushEdit, options?: ApplyEditOptions): Promise<Result<EditOutcome>> {
    // A copy of just the edit's fields, logged before sending: a worker replaced meanwhile replays the log and so still gets it.
    const logged: BrushEdit = { position: { x: edit.position.x, y: edit.position.y, z: edit.position.z }, radius: edit.radius, strength: edit.strength, operation: edit.operation };
    this.edits.push(logged);
    this.ops.push(logged);
    for (const l of this.opListeners) l(logged);
    if (!options?.moved) return this.everyWorker((api) => api.applyEdit(logged));
    // Every replica applies the edit; only the one whose answer is returned counts what it moved.
    const lead = this.slots.findIndex((s) => s.alive);
    return this.everyWorker((api, index) => (index === lead ? api.applyEdit(logged, WITH_MOVED) : api.applyEdit(logged)), lead);
  }

  /**
   * Logs and installs a chunk snapshot on every replica (a late join, a repair). The compressed
   * bytes are kept in the log and each worker inflates its own copy, so the log stays small. The
   * caller checked nothing: a snapshot every worker refuses is taken out of the log again.
   */
  async loadChunk(cx: number, cy: number, cz: number, data: Uint8Array): Promise<Result<LoadOutcome>> {
    const logged: ChunkSnapshot = { op: 'chunk', cx, cy, cz, data };
    this.ops.push(logged);
    for (const l of this.opListeners) l(logged);
    const generation = this.generation;
    const r = await this.everyWorker((api) => api.loadChunk({ cx, cy, cz, data }));
    if (!r.ok && generation === this.generation) {
      const at = this.ops.indexOf(logged);
      if (at >= 0) this.ops.splice(at, 1);
    }
    return r;
  }

  /**
   * Sends one op to every live worker in log order. The answer of slot `lead` stands for all when it
   * came (replicas agree), else the first that came.
   */
  private async everyWorker<T>(call: (api: Comlink.Remote<TerrainWorkerApi>, index: number) => Promise<Result<T>>, lead = -1): Promise<Result<T>> {
    const answers = await Promise.all(this.slots.map((s, index) =>
      Promise.race([call(s.api, index).catch(() => undefined), s.died])));
    const first = (lead >= 0 ? answers[lead] : undefined) ?? answers.find((a) => a !== undefined);
    return first ?? { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'no terrain worker answered' } };
  }

  /** Runs a read-only call on a live worker (all replicas agree). */
  query<T>(call: (api: Comlink.Remote<TerrainWorkerApi>) => Promise<T>): Promise<T> {
    const slot = this.slots.find((s) => s.alive) ?? this.slots[0];
    return call(slot.api);
  }

  crashWorker(index: number): Result<{ index: number }> {
    if (!Number.isInteger(index) || index < 0 || index >= this.slots.length) {
      return { ok: false, error: { code: 'INVALID_PARAMETER', message: `index must be an integer 0..${this.slots.length - 1}` } };
    }
    void this.slots[index].api.crash();
    return { ok: true, value: { index } };
  }

  /**
   * Starts a different world (a scene load): forgets queued jobs and the edit log, and re-initialises
   * every worker. Messages run in order on each worker, so jobs sent after this use the new world;
   * results of jobs already in flight come back tagged with the old generation and are dropped.
   */
  reset(world: WorldInit): void {
    this.current = world;
    this.generation++;
    this.edits.length = 0;
    this.ops.length = 0;
    this.queue.retain(() => false);
    for (const slot of this.slots) {
      slot.inflight.clear();
      slot.startedAt.clear();
      if (slot.alive) void slot.api.init(world);
    }
    for (const l of this.resetListeners) l(world);
  }

  dispose(): void {
    clearInterval(this.watchdog);
    for (const s of this.slots) {
      s.alive = false;
      s.worker.terminate();
      s.markDied();
    }
  }

  private spawn(index: number): Slot {
    const worker = this.createWorker();
    const api = Comlink.wrap<TerrainWorkerApi>(worker);
    let markDied!: () => void;
    const died = new Promise<undefined>((resolve) => (markDied = () => resolve(undefined)));
    const slot: Slot = { index, worker, api, inflight: new Map(), startedAt: new Map(), alive: true, died, markDied };
    worker.addEventListener('error', (e) => this.replace(slot, `terrain worker ${index} died: ${e.message}`));
    // Messages run in order on the worker, so init and replay land before any job sent after them.
    void api.init(this.current);
    if (this.ops.length > 0) void api.replay([...this.ops]);
    return slot;
  }

  private dispatch(slot: Slot, job: MeshJob): void {
    const generation = this.generation;
    slot.inflight.set(job.key, job);
    slot.startedAt.set(job.key, performance.now());
    slot.api.meshChunk({ cx: job.cx, cy: job.cy, cz: job.cz }).then(
      (result) => {
        if (!slot.alive || generation !== this.generation) return;
        this.jobMsTotal += performance.now() - (slot.startedAt.get(job.key) ?? performance.now());
        slot.inflight.delete(job.key);
        slot.startedAt.delete(job.key);
        if (result.ok) {
          this.meshed++;
          this.replacedInARow = 0;
          this.onMesh(result.value);
        } else {
          this.onFailure(`chunk ${job.cx},${job.cy},${job.cz} failed: ${result.error.message}`);
        }
        this.pump();
      },
      // The worker is alive but the call threw: report it and free the job, so it can be asked again.
      (error: Error) => {
        if (!slot.alive || generation !== this.generation) return;
        slot.inflight.delete(job.key);
        slot.startedAt.delete(job.key);
        this.onFailure(`chunk ${job.cx},${job.cy},${job.cz} threw in its worker: ${error.message}`);
        this.pump();
      },
    );
  }

  private replace(slot: Slot, reason: string): void {
    if (!slot.alive) return;
    slot.alive = false;
    slot.worker.terminate();
    slot.markDied();
    if (++this.replacedInARow > MAX_REPLACEMENTS_IN_A_ROW) {
      this.onFailure(`${reason}; ${MAX_REPLACEMENTS_IN_A_ROW} replacements finished no job, so no more are made`);
      return;
    }
    this.replaced++;
    this.onFailure(`${reason}; replacing it and retrying ${slot.inflight.size} jobs`);
    const fresh = this.spawn(slot.index);
    this.slots[slot.index] = fresh;
    for (const job of slot.inflight.values()) this.queue.upsert(job.key, job.cx, job.cy, job.cz, -1);
    this.pump();
  }

  private checkHangs(): void {
    const now = performance.now();
    // A late tick means the main thread itself stalled; jobs are not to blame for that time.
    const mainStalled = now - this.lastWatchdogTick > 2000;
    this.lastWatchdogTick = now;
    if (mainStalled) {
      for (const s of this.slots) for (const key of s.startedAt.keys()) s.startedAt.set(key, now);
      return;
    }
    for (const slot of [...this.slots]) {
      for (const started of slot.startedAt.values()) {
        if (now - started > HANG_TIMEOUT_MS) {
          this.replace(slot, `terrain worker ${slot.index} hung for ${HANG_TIMEOUT_MS} ms`);
          break;
        }
      }
    }
  }
}
