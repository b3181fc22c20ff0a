/**
 * Background jobs (issue 11 item 7, seed 000's JobRouter and JobDetailRouter): the four job types,
 * their strict parameter schemas, a job as the API shows it, and the `jobs` table (migration
 * 006-jobs) as kysely sees it. Apart from the store so db/schema.ts can list the table without an
 * import cycle.
 */
import type { ColumnType } from 'kysely';
import { z } from 'zod';
import type { ErrorCode } from '../../../src/protocol/errors.ts';
import { PositionSchema } from '../../../src/protocol/terrain.ts';
import { WorldIdSchema } from '../../../src/protocol/net/worlds.ts';

export const JOB_TYPES = ['world_export', 'world_import', 'world_backup', 'region_pregenerate'] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'cancelled']);

/** The largest region a pregenerate job bakes (a sphere of this radius, in metres). */
export const MAX_PREGENERATE_RADIUS_M = 512;

const WorldParams = z.strictObject({ world_id: WorldIdSchema });
export const ImportParamsSchema = z.strictObject({
  /** A world file (docs/world-file.md), base64. */
  file: z.string().min(1).max(48 * 1024 * 1024).regex(/^[A-Za-z0-9+/=\s]+$/, 'file must be base64').optional(),
  /** Or the id of a completed world_export / world_backup job of the same token subject. */
  job_id: z.string().min(1).max(40).optional(),
  /** The new world's name (default: the file's name plus " (imported)"). */
  world_name: z.string().trim().min(1).max(100).optional(),
}).refine((p) => (p.file === undefined) !== (p.job_id === undefined), { message: 'give exactly one of file, job_id' });
export const PregenerateParamsSchema = z.strictObject({
  world_id: WorldIdSchema,
  center: PositionSchema.strict(),
  radius_m: z.number().finite().positive().max(MAX_PREGENERATE_RADIUS_M, `radius_m must be <= ${MAX_PREGENERATE_RADIUS_M}`),
});

/** POST /jobs: `{ type, params }`, the params checked by the type's own schema. */
export const SubmitJobSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('world_export'), params: WorldParams }),
  z.strictObject({ type: z.literal('world_backup'), params: WorldParams }),
  z.strictObject({ type: z.literal('world_import'), params: ImportParamsSchema }),
  z.strictObject({ type: z.literal('region_pregenerate'), params: PregenerateParamsSchema }),
]);
export type SubmitJob = z.output<typeof SubmitJobSchema>;
export type ImportParams = z.output<typeof ImportParamsSchema>;
export type PregenerateParams = z.output<typeof PregenerateParamsSchema>;

/** A job as GET /jobs/:id answers it. */
export interface Job {
  id: string;
  type: JobType;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  /** What was asked (an uploaded file is shown as its size and SHA-256, not its bytes). */
  params: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: { code: ErrorCode; message: string } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A job's failure with the seed's error code (a missing world is RESOURCE_NOT_FOUND, a bad file INVALID_PARAMETER). */
export class JobError extends Error {
  constructor(readonly code: ErrorCode, message: string) { super(message); }
}

/** What a job calls between steps: records progress (0..1), throws JobCancelled if cancelled, and yields a turn of the event loop. */
export type JobStep = (progress: number) => Promise<void>;

/** Thrown between steps once a job was cancelled (or the relay is stopping). */
export class JobCancelled extends Error {}

type Timestamp = ColumnType<string | Date, string, string>;
type NullableTimestamp = ColumnType<string | Date | null, string | null | undefined, string | null>;

export interface JobsTable {
  id: string;
  owner: string;
  type: string;
  status: string;
  progress: number;
  /** JSON */
  params: string;
  /** JSON or null */
  result: string | null;
  /** JSON `{ code, message }` or null */
  error: string | null;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: Timestamp;
}

export type JobTables = { jobs: JobsTable };
