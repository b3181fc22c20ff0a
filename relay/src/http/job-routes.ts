/**
 * Seed 000's JobRouter and JobDetailRouter on the relay, bare and under /api/v2: POST /jobs and
 * GET /jobs; GET and DELETE (cancel) /jobs/:id; and GET /jobs/:id/result, the world file of a
 * completed world_export or world_backup. Every route needs a bearer token (read scope to look,
 * write to submit or cancel) and sees only the token subject's jobs (another subject's id is 404).
 * Bodies are zod-checked, strict; refusals are seed 000's error body.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { JobError, SubmitJobSchema, type Job } from '../jobs/job-types.ts';
import { BACKUPS_KEPT, EXPORT_KEEP_DAYS } from '../jobs/file-retention.ts';
import type { JobService } from '../jobs/job-service.ts';
import { requireScope, type Verify } from './auth-guard.ts';
import { body } from './json-body.ts';
import { sendError, sendJson } from './respond.ts';
import type { Route } from './router.ts';

/** A world_import may carry its file in the body (base64): up to 48 MB of it. */
export const MAX_JOB_BODY_BYTES = 48 * 1024 * 1024 + 64 * 1024;
const PREFIXES = ['', '/api/v2'];

export interface JobRoutesContext { service: JobService; verify: Verify }

/** The job as answered: its result's download link carries the prefix the caller used. */
const shown = (job: Job, prefix: string): Job => (typeof job.result?.download_url === 'string'
  ? { ...job, result: { ...job.result, download_url: `${prefix}${job.result.download_url}` } } : job);

export function jobRoutes({ service, verify }: JobRoutesContext): Route[] {
  const notFound = (res: Parameters<Route['handle']>[0]['res'], id: string) => sendError(res, 'RESOURCE_NOT_FOUND', `no job ${id}`);
  return PREFIXES.flatMap((p): Route[] => [
    { method: 'POST', path: `${p}/jobs`, write: true, async handle({ req, res }) {
      const who = await requireScope(verify, req, res, 'admin');
      if (!who) return;
      const submitted = await body(req, res, SubmitJobSchema, false, MAX_JOB_BODY_BYTES);
      if (!submitted) return;
      try {
        const job = await service.submit(who.sub, submitted);
        sendJson(res, 202, shown(job, p), { Location: `${p}/jobs/${job.id}` });
      } catch (err) {
        if (!(err instanceof JobError)) throw err;
        sendError(res, err.code, err.message);
      }
    } },
    { method: 'GET', path: `${p}/jobs`, async handle({ req, res }) {
      const who = await requireScope(verify, req, res, 'read');
      if (!who) return;
      const jobs = (await service.list(who.sub)).map((j) => shown(j, p));
      sendJson(res, 200, { jobs, count: jobs.length });
    } },
    { method: 'GET', path: `${p}/jobs/:id`, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'read');
      if (!who) return;
      const job = await service.get(who.sub, params.id);
      if (!job) return notFound(res, params.id);
      sendJson(res, 200, shown(job, p));
    } },
    { method: 'DELETE', path: `${p}/jobs/:id`, write: true, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'admin');
      if (!who) return;
      const before = await service.get(who.sub, params.id);
      if (!before) return notFound(res, params.id);
      if (before.status !== 'queued' && before.status !== 'running') {
        return sendError(res, 'CONFLICT', `job ${before.id} is already ${before.status}; only a queued or running job can be cancelled`);
      }
      const job = await service.cancel(who.sub, params.id);
      if (!job) return notFound(res, params.id);
      // A queued job is cancelled at once; a running one stops at its next step (poll GET for `cancelled`).
      sendJson(res, job.status === 'cancelled' ? 200 : 202, { ...shown(job, p), cancel_requested: true });
    } },
    { method: 'GET', path: `${p}/jobs/:id/result`, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'read');
      if (!who) return;
      const found = await service.resultFile(who.sub, params.id);
      if (!found) return notFound(res, params.id);
      if (!found.path) return sendError(res, 'CONFLICT', `job ${found.job.id} has no file to download (it is a ${found.job.type}, ${found.job.status})`);
      const size = await stat(found.path).then((s) => s.size, () => null);
      if (size === null) return sendError(res, 'RESOURCE_NOT_FOUND', `the file of job ${found.job.id} is gone (exports are kept ${EXPORT_KEEP_DAYS} days, and the newest ${BACKUPS_KEPT} backups of each world)`);
      res.writeHead(200, {
        'Content-Type': 'application/gzip', 'Content-Length': size,
        'Content-Disposition': `attachment; filename="${basename(found.path)}"`,
      });
      if (req.method === 'HEAD') return void res.end();
      await pipeline(createReadStream(found.path), res).catch(() => res.destroy());
    } },
  ]);
}
