/**
 * The relay's background jobs: a queue run at most `concurrency` (2) at a time, off the hot paths.
 * Each job works in steps; between two steps it records its progress, yields a turn of the event
 * loop and stops if it was cancelled. Jobs belong to a token subject. Every change of status (and,
 * at most every PROGRESS_SAVE_MS, progress) is written to the `jobs` table, so GET answers after a
 * restart; a job still queued or running when the relay stopped is marked failed when it starts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from '../log.ts';
import type { Database } from '../db/schema.ts';
import type { HubPort } from '../socket/hub-port.ts';
import type { JobStore } from './job-store.ts';
import { FINISHED, JobCancelled, JobError, type Job, type JobStep, type SubmitJob } from './job-types.ts';
import { exportWorld } from './world-export.ts';
import { importWorld } from './world-import.ts';
import { pregenerate } from './pregenerate.ts';
import { sha256Hex } from './world-file.ts';
import { BACKUPS_KEPT, EXPORT_KEEP_DAYS, sweepJobFiles } from './file-retention.ts';

export interface JobServiceDeps {
  store: JobStore; hub: HubPort; db: Kysely<Database>; dataDir: string; log: Logger;
  /** Jobs run at once (default 2). */
  concurrency?: number;
  /** Queued or running jobs one subject may have (default 16). */
  maxUnfinishedPerOwner?: number;
}

const PROGRESS_SAVE_MS = 250;
/** How often old export and backup files are swept (file-retention.ts). */
const SWEEP_EVERY_MS = 3_600_000;
const FILE_PATH = /^(exports|backups)\/[\w.-]+$/;
const SHUTDOWN = 'the relay shut down while this job was running; submit it again';

interface Live { job: Job; owner: string; submit: SubmitJob; upload?: Uint8Array; cancel: boolean; savedAt: number; saving: Promise<void> }

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class JobService {
  private readonly live = new Map<string, Live>();
  private readonly queue: Live[] = [];
  private readonly runs = new Set<Promise<void>>();
  private stopping = false;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly d: JobServiceDeps) {}

  /** Marks the jobs a stopped relay left unfinished as failed, and starts the hourly sweep of old files. */
  async start(): Promise<void> {
    const n = await this.d.store.failInterrupted(new Date().toISOString());
    if (n) this.d.log.warn({ jobs: n }, 'jobs left unfinished by the last run marked failed');
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweepTimer.unref();
  }

  /** Removes exports past EXPORT_KEEP_DAYS and backups past the newest BACKUPS_KEPT per world. */
  async sweep(now?: number): Promise<string[]> {
    const removed = await sweepJobFiles(this.d.dataDir, { now });
    if (removed.length) this.d.log.info({ files: removed.length, export_keep_days: EXPORT_KEEP_DAYS, backups_kept: BACKUPS_KEPT }, 'old world files removed');
    return removed;
  }

  /** Queues a job; a JobError says why not (404 world or job, 409 too many, 400 file). */
  async submit(owner: string, input: SubmitJob): Promise<Job> {
    if (this.stopping) throw new JobError('SERVICE_UNAVAILABLE', 'the relay is shutting down');
    const max = this.d.maxUnfinishedPerOwner ?? 16;
    if (await this.d.store.countUnfinished(owner) >= max) throw new JobError('CONFLICT', `a token subject may have at most ${max} queued or running jobs`);
    let params: Record<string, unknown> = { ...input.params };
    let upload: Uint8Array | undefined;
    if (input.type === 'world_import') {
      if (input.params.file !== undefined) {
        upload = Buffer.from(input.params.file.replace(/\s+/g, ''), 'base64');
        if (upload.length === 0) throw new JobError('INVALID_PARAMETER', 'file is empty');
        params = { file_bytes: upload.length, file_sha256: sha256Hex(upload), ...(input.params.world_name ? { world_name: input.params.world_name } : {}) };
      } else {
        const source = await this.get(owner, input.params.job_id ?? '');
        if (!source) throw new JobError('RESOURCE_NOT_FOUND', `no job ${input.params.job_id}`);
        const file = source.result?.file;
        if (source.status !== 'completed' || typeof file !== 'string') throw new JobError('CONFLICT', `job ${source.id} has no world file (it is a ${source.type}, ${source.status})`);
        params = { ...params, file };
      }
    } else if (!(await this.d.hub.get(input.params.world_id))) {
      throw new JobError('RESOURCE_NOT_FOUND', `no world ${input.params.world_id}`);
    }
    const job: Job = {
      id: `job_${randomBytes(12).toString('hex')}`, type: input.type, status: 'queued', progress: 0, params,
      result: null, error: null, created_at: new Date().toISOString(), started_at: null, finished_at: null,
    };
    await this.d.store.insert(owner, job);
    const live: Live = { job, owner, submit: input, upload, cancel: false, savedAt: 0, saving: Promise.resolve() };
    this.live.set(job.id, live);
    this.queue.push(live);
    const submitted = { ...job };
    this.pump();
    return submitted;
  }

  async get(owner: string, id: string): Promise<Job | null> {
    const l = this.live.get(id);
    if (l) return l.owner === owner ? { ...l.job } : null;
    return this.d.store.get(owner, id);
  }

  async list(owner: string): Promise<Job[]> {
    return (await this.d.store.list(owner)).map((j) => { const l = this.live.get(j.id); return l ? { ...l.job } : j; });
  }

  /** null: no such job of this owner; a finished job comes back unchanged (the route says 409). */
  async cancel(owner: string, id: string): Promise<Job | null> {
    const l = this.live.get(id);
    if (!l || l.owner !== owner) return this.d.store.get(owner, id);
    const queued = this.queue.indexOf(l);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      await this.finish(l, 'cancelled', null, null);
    } else {
      l.cancel = true;
    }
    return { ...l.job };
  }

  /** The world file a completed export or backup wrote, as an absolute path. */
  async resultFile(owner: string, id: string): Promise<{ job: Job; path: string | null } | null> {
    const job = await this.get(owner, id);
    if (!job) return null;
    const file = job.result?.file;
    return { job, path: job.status === 'completed' && typeof file === 'string' && FILE_PATH.test(file) ? join(this.d.dataDir, file) : null };
  }

  /** Fails what is queued, stops what runs at its next step (recorded as failed: the relay stopped) and waits for it. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const l of this.queue.splice(0)) await this.finish(l, 'failed', null, { code: 'SERVICE_UNAVAILABLE', message: 'the relay shut down before this job started; submit it again' });
    await Promise.all([...this.runs]);
  }

  private pump(): void {
    while (!this.stopping && this.runs.size < (this.d.concurrency ?? 2) && this.queue.length) {
      const run = this.run(this.queue.shift()!).finally(() => { this.runs.delete(run); this.pump(); });
      this.runs.add(run);
    }
  }

  private async run(l: Live): Promise<void> {
    Object.assign(l.job, { status: 'running', started_at: new Date().toISOString() });
    await this.save(l);
    const step: JobStep = async (p) => {
      if (l.cancel || this.stopping) throw new JobCancelled();
      l.job.progress = Math.max(l.job.progress, Math.min(1, Math.max(0, p)));
      if (Date.now() - l.savedAt >= PROGRESS_SAVE_MS) await this.save(l);
      await turn();
      if (l.cancel || this.stopping) throw new JobCancelled();
    };
    try {
      const result = await this.work(l, step);
      l.job.progress = 1;
      await this.finish(l, 'completed', result, null);
    } catch (e) {
      if (e instanceof JobCancelled) {
        await (this.stopping && !l.cancel ? this.finish(l, 'failed', null, { code: 'SERVICE_UNAVAILABLE', message: SHUTDOWN }) : this.finish(l, 'cancelled', null, null));
      } else if (e instanceof JobError) {
        await this.finish(l, 'failed', null, { code: e.code, message: e.message });
      } else {
        this.d.log.error({ err: e, job: l.job.id, type: l.job.type }, 'job failed');
        await this.finish(l, 'failed', null, { code: 'INTERNAL_ERROR', message: (e as Error).message });
      }
    }
  }

  private async work(l: Live, step: JobStep): Promise<Record<string, unknown>> {
    const { submit, job } = l;
    const download_url = `/jobs/${job.id}/result`;
    switch (submit.type) {
      case 'world_export':
        return { ...await exportWorld(this.d, submit.params.world_id, 'exports', `${job.id}.stworld.gz`, step), download_url };
      case 'world_backup': {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        return { ...await exportWorld(this.d, submit.params.world_id, 'backups', `world-${submit.params.world_id}-${stamp}.stworld.gz`, step), download_url };
      }
      case 'world_import': {
        const bytes = l.upload ?? await readFile(join(this.d.dataDir, String(job.params.file))).catch(() => {
          throw new JobError('RESOURCE_NOT_FOUND', `the world file ${String(job.params.file)} is gone`);
        });
        l.upload = undefined;
        return importWorld(this.d, bytes, submit.params.world_name, step);
      }
      case 'region_pregenerate':
        return pregenerate(this.d, submit.params, step);
    }
  }

  private async finish(l: Live, status: Job['status'], result: Job['result'], error: Job['error']): Promise<void> {
    Object.assign(l.job, { status, result, error, finished_at: new Date().toISOString() });
    l.upload = undefined;
    try {
      await this.save(l);
    } finally {
      if (FINISHED.has(l.job.status)) this.live.delete(l.job.id);
    }
  }

  /** Saves in order (one write at a time per job); a failed write is logged, the job goes on. */
  private save(l: Live): Promise<void> {
    const snapshot = { ...l.job };
    l.savedAt = Date.now();
    l.saving = l.saving.then(() => this.d.store.save(snapshot)).catch((err: Error) => this.d.log.error({ err, job: snapshot.id }, 'job not saved'));
    return l.saving;
  }
}
