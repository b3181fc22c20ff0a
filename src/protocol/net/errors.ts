/**
 * Seed 003's socket error event: `{ error, code, details, timestamp }`, sent as the `error` event
 * and as the `error` of a refused acknowledgement. The connection and the world stay intact.
 */
import type { z } from 'zod';

export const RELAY_ERROR_CODES = [
  // Seed 003's common codes.
  'AUTH_FAILED', 'INVALID_TOKEN', 'PERMISSION_DENIED', 'RATE_LIMITED', 'VALIDATION_ERROR', 'SERVER_ERROR',
  // Ours.
  /** The client speaks another PROTOCOL_VERSION: it must reload to match the relay. */
  'PROTOCOL_MISMATCH',
  'MESSAGE_TOO_LARGE',
  /** The event needs a joined world (join_world first). */
  'NOT_IN_WORLD',
  'WORLD_NOT_FOUND',
  /** The edits asked for were folded into chunk snapshots: fetch the chunks again (join_world). */
  'RESYNC_REQUIRED',
  'UNKNOWN_EVENT',
  /** Seed 000's: an id that names nothing (a structure, an item not held). */
  'RESOURCE_NOT_FOUND',
  /** Seed 000's: cannot afford, no room, too heavy, or a spot a structure may not stand on (details.reason says which). */
  'CONFLICT',
] as const;
export type RelayErrorCode = (typeof RELAY_ERROR_CODES)[number];

export interface RelayError {
  error: string;
  code: RelayErrorCode;
  details: Record<string, unknown>;
  timestamp: string;
}

/** An acknowledgement: the value, or the refusal in seed 003's error shape. */
export type Ack<T> = { ok: true; value: T } | { ok: false; error: RelayError };

export function relayError(code: RelayErrorCode, error: string, details: Record<string, unknown> = {}): RelayError {
  return { error, code, details, timestamp: new Date().toISOString() };
}

/** A zod failure as VALIDATION_ERROR with the failing fields in `details` (seed 003's example). */
export function validationError(event: string, err: z.ZodError): RelayError {
  const details: Record<string, unknown> = { event };
  for (const issue of err.issues.slice(0, 8)) details[issue.path.join('.') || 'payload'] = issue.message;
  return relayError('VALIDATION_ERROR', `invalid ${event} payload`, details);
}
