/**
 * The main-thread side of the terrain worker: typed async calls, and a replacement when the worker
 * dies. One worker serves every world (keyed by world id) rather than one per world: a brush edit
 * costs well under a millisecond, so one thread keeps up with far more edits than the database can
 * make durable, thread count and memory stay flat however many worlds exist, and there is a single
 * restart path. If one busy world ever starves the others, worlds can be sharded over several hosts.
 *
 * On an unexpected exit every pending call fails, `alive` turns false (GET /health answers 503), a new
 * worker starts, and `onRestart` re-opens the worlds from the database before any queued call runs.
 */
import { Worker } from 'node:worker_threads';
import type { TerrainOp, TerrainRequest, TerrainResponse, TerrainResults } from './messages.ts';

type Payload<K extends TerrainOp> = Omit<Extract<TerrainRequest, { op: K }>, 'id' | 'op'>;

export interface TerrainHostOptions {
  /** Re-opens every world after a replacement worker started (from the database). */
  onRestart?: (host: TerrainHost) => Promise<void>;
  onError?: (err: Error) => void;
  /** Replacements in a row without a successful call before the host gives up. */
  maxRestarts?: number;
}

export class TerrainError extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

const entry = new URL('./terrain.worker.ts', import.meta.url);
// From source (tsx, vitest) the .ts entry needs the boot file; a build would point at the .js entry.
const fromSource = import.meta.url.endsWith('.ts');

export class TerrainHost {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private ready: Promise<void> = Promise.resolve();
  private stopped = false;
  private restarts = 0;
  alive = false;

  constructor(private readonly opts: TerrainHostOptions = {}) {
    this.start();
  }

  private start(): void {
    const w = fromSource
      ? new Worker(new URL('./terrain-boot.mjs', import.meta.url), { workerData: { entry: entry.href } })
      : new Worker(entry);
    this.worker = w;
    this.alive = true;
    w.on('message', (res: TerrainResponse) => {
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      this.restarts = 0;
      if (res.ok) p.resolve(res.value);
      else p.reject(new TerrainError(res.error.code, res.error.message));
    });
    w.on('error', (err) => this.opts.onError?.(err));
    w.on('exit', (code) => { if (this.worker === w) this.died(code); });
  }

  private died(code: number): void {
    this.alive = false;
    const err = new TerrainError('SERVICE_UNAVAILABLE', `terrain worker exited (${code})`);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    if (this.stopped || this.restarts >= (this.opts.maxRestarts ?? 5)) return;
    this.restarts++;
    this.start();
    // Calls made while worlds are re-opened wait for it, so none runs against an empty replica.
    const reopen = this.opts.onRestart?.(this) ?? Promise.resolve();
    this.ready = reopen.catch((e: Error) => this.opts.onError?.(e));
  }

  /** Sends one request; `raw` skips the restart gate (used by onRestart itself). */
  call<K extends TerrainOp>(op: K, payload: Payload<K>, raw = false): Promise<TerrainResults[K]> {
    const send = (): Promise<TerrainResults[K]> => new Promise((resolve, reject) => {
      if (!this.alive) { reject(new TerrainError('SERVICE_UNAVAILABLE', 'terrain worker is down')); return; }
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...payload });
    });
    return raw ? send() : this.ready.then(send);
  }

  /** Sends anything, unchecked: for tests of the worker door. */
  callUnchecked(message: Record<string, unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /** For tests: kills the worker as a crash would. */
  async crashForTest(): Promise<void> { await this.worker.terminate(); }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
    this.alive = false;
  }
}
