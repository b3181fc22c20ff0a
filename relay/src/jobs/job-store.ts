/**
 * The jobs' rows (migration 006-jobs). The service keeps the live state of running jobs in memory
 * and writes here on every change of status and, throttled, on progress; a job read after a restart
 * comes from here. The table is added with `withTables`, so this file compiles whether or not
 * Database lists it.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import { iso, isoOrNull } from '../db/schema.ts';
import type { Job, JobStatus, JobTables, JobType, JobsTable } from './job-types.ts';

/** Jobs GET /jobs lists per subject (the newest). */
export const LIST_LIMIT = 100;

type Row = Selectable<JobsTable>;

const parse = <T>(text: string | null): T | null => (text === null ? null : JSON.parse(text) as T);

const toJob = (r: Row): Job => ({
  id: r.id, type: r.type as JobType, status: r.status as JobStatus, progress: Number(r.progress),
  params: parse<Record<string, unknown>>(r.params) ?? {}, result: parse(r.result), error: parse(r.error),
  created_at: iso(r.created_at), started_at: isoOrNull(r.started_at), finished_at: isoOrNull(r.finished_at),
});

export class JobStore {
  private readonly db: Kysely<Database & JobTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<JobTables>();
  }

  async insert(owner: string, job: Job): Promise<void> {
    await this.db.insertInto('jobs').values({
      id: job.id, owner, type: job.type, status: job.status, progress: job.progress,
      params: JSON.stringify(job.params), result: null, error: null,
      created_at: job.created_at, started_at: null, finished_at: null, updated_at: job.created_at,
    }).execute();
  }

  /** Writes the job's mutable fields as they are now. */
  async save(job: Job): Promise<void> {
    await this.db.updateTable('jobs').set({
      status: job.status, progress: job.progress,
      result: job.result === null ? null : JSON.stringify(job.result),
      error: job.error === null ? null : JSON.stringify(job.error),
      started_at: job.started_at, finished_at: job.finished_at, updated_at: new Date().toISOString(),
    }).where('id', '=', job.id).execute();
  }

  async get(owner: string, id: string): Promise<Job | null> {
    const r = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).where('owner', '=', owner).executeTakeFirst();
    return r ? toJob(r) : null;
  }

  async list(owner: string): Promise<Job[]> {
    const rows = await this.db.selectFrom('jobs').selectAll().where('owner', '=', owner)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(LIST_LIMIT).execute();
    return rows.map((r) => toJob(r));
  }

  async countUnfinished(owner: string): Promise<number> {
    const r = await this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner', '=', owner).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /**
   * At start: jobs still queued or running belong to a relay that stopped without finishing them
   * (a crash, kill -9). They become failed with a message saying so; returns how many.
   */
  async failInterrupted(at: string): Promise<number> {
    const rows = await this.db.selectFrom('jobs').select(['id', 'status']).where('status', 'in', ['queued', 'running']).execute();
    for (const r of rows) {
      const message = r.status === 'running'
        ? 'the relay stopped while this job was running; submit it again'
        : 'the relay stopped before this job started; submit it again';
      await this.db.updateTable('jobs').set({
        status: 'failed', error: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message }), finished_at: at, updated_at: at,
      }).where('id', '=', r.id).execute();
    }
    return rows.length;
  }
}
