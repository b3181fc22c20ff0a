import * as Comlink from 'comlink';
import { BrushEditSchema, type BrushEdit, type ChunkMesh, type EditOutcome, zodFailure } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import { JobQueue, type MeshJob } from './job-queue.ts';
import type { TerrainWorkerApi } from './terrain-worker-types.ts';

/**
 * Several jobs wait in each worker's inbox so it never idles while the main thread is busy (a long
 * frame, a slow GPU); few enough that re-ranking still steers what runs next.
 */
const JOBS_IN_FLIGHT_PER_WORKER = 6;
/** A job running this long means the worker hangs; it is replaced and the job retried. */
const HANG_TIMEOUT_MS = 10_000;

interface Slot {
  index: number;
  worker: Worker;
  api: Comlink.Remote<TerrainWorkerApi>;
  inflight: Map<string, MeshJob>;
  startedAt: Map<string, number>;
  alive: boolean;
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

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/terrain.worker.ts', import.meta.url), { type: 'module', name: 'terrain' });

/** cores − 1 (the main thread needs one), at least 2 so one slow job never stalls streaming, at most 6. */
export function poolSizeFor(cores: number | undefined): number {
  return Math.min(6, Math.max(2, (cores ?? 4) - 1));
}

/**
 * Main-thread side of the terrain workers. Every worker holds a replica of the world (seed + ordered
 * edit log), so any worker can mesh any chunk; edits go to all of them in the same order.
 */
export class TerrainPool {
  private readonly slots: Slot[] = [];
  private readonly queue = new JobQueue();
  private readonly edits: BrushEdit[] = [];
  private readonly watchdog: ReturnType<typeof setInterval>;
  private lastWatchdogTick = performance.now();
  private meshed = 0;
  private replaced = 0;
  private jobMsTotal = 0;

  constructor(
    private readonly seed: number,
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

  editLog(): readonly BrushEdit[] {
    return this.edits;
  }

  isInflight(key: string): boolean {
    for (const slot of this.slots) if (slot.inflight.has(key)) return true;
    return false;
  }

  request(key: string, cx: number, cy: number, cz: number, priority: number): void {
    this.queue.upsert(key, cx, cy, cz, priority);
  }

  /** Forgets queued jobs for chunks the viewer no longer wants. */
  retain(keep: (key: string) => boolean): void {
    this.queue.retain(keep);
  }

  /** Starts queued jobs on workers with free capacity. Call after requests and once per frame. */
  pump(): void {
    for (let round = 0; round < JOBS_IN_FLIGHT_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.inflight.size >= JOBS_IN_FLIGHT_PER_WORKER) continue;
        const job = this.queue.take();
        if (!job) return;
        this.dispatch(slot, job);
      }
    }
  }

  /** Validates, logs and applies an edit on every replica. Bad input changes nothing. */
  async applyEdit(edit: unknown): Promise<Result<EditOutcome>> {
    const parsed = BrushEditSchema.safeParse(edit);
    if (!parsed.success) return zodFailure(parsed.error);
    // Logged before sending: a worker replaced meanwhile replays the log and so still gets it.
    this.edits.push(parsed.data);
    const answers = await Promise.allSettled(this.slots.map((s) => s.api.applyEdit(parsed.data)));
    const first = answers.find((a): a is PromiseFulfilledResult<Result<EditOutcome>> => a.status === 'fulfilled');
    if (!first) return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'no terrain worker answered' } };
    return first.value;
  }

  /** Runs a read-only call on a live worker (all replicas agree). */
  query<T>(call: (api: Comlink.Remote<TerrainWorkerApi>) => Promise<T>): Promise<T> {
    const slot = this.slots.find((s) => s.alive) ?? this.slots[0];
    return call(slot.api);
  }

  crashWorker(index: number): void {
    void this.slots[index % this.slots.length].api.crash();
  }

  dispose(): void {
    clearInterval(this.watchdog);
    for (const s of this.slots) {
      s.alive = false;
      s.worker.terminate();
    }
  }

  private spawn(index: number): Slot {
    const worker = this.createWorker();
    const api = Comlink.wrap<TerrainWorkerApi>(worker);
    const slot: Slot = { index, worker, api, inflight: new Map(), startedAt: new Map(), alive: true };
    worker.addEventListener('error', (e) => this.replace(slot, `terrain worker ${index} died: ${e.message}`));
    // Messages run in order on the worker, so init and replay land before any job sent after them.
    void api.init({ seed: this.seed });
    if (this.edits.length > 0) void api.replay([...this.edits]);
    return slot;
  }

  private dispatch(slot: Slot, job: MeshJob): void {
    slot.inflight.set(job.key, job);
    slot.startedAt.set(job.key, performance.now());
    slot.api.meshChunk({ cx: job.cx, cy: job.cy, cz: job.cz }).then(
      (result) => {
        if (!slot.alive) return;
        this.jobMsTotal += performance.now() - (slot.startedAt.get(job.key) ?? performance.now());
        slot.inflight.delete(job.key);
        slot.startedAt.delete(job.key);
        if (result.ok) {
          this.meshed++;
          this.onMesh(result.value);
        } else {
          this.onFailure(`chunk ${job.key} failed: ${result.error.message}`);
        }
        this.pump();
      },
      // A rejected call means the worker is gone; replace() retries its jobs.
      () => undefined,
    );
  }

  private replace(slot: Slot, reason: string): void {
    if (!slot.alive) return;
    slot.alive = false;
    slot.worker.terminate();
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
