/**
 * A relay refusal (seed 003's socket codes) as the control API's error code (seed 000's), so a call
 * the relay turned down answers with the status that says why: a build without soil is 409, not 503.
 */
import type { ErrorCode } from '../protocol/errors.ts';
import type { RelayErrorCode } from '../protocol/net/errors.ts';

const CODES: Partial<Record<RelayErrorCode, ErrorCode>> = {
  RATE_LIMITED: 'RATE_LIMIT_EXCEEDED',
  VALIDATION_ERROR: 'INVALID_PARAMETER',
  MESSAGE_TOO_LARGE: 'INVALID_PARAMETER',
  PERMISSION_DENIED: 'FORBIDDEN',
  RESOURCE_NOT_FOUND: 'RESOURCE_NOT_FOUND',
  WORLD_NOT_FOUND: 'RESOURCE_NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

/** Anything else (not connected, not in the world, the relay failed) is the service being unavailable. */
export const apiCodeOf = (code: RelayErrorCode): ErrorCode => CODES[code] ?? 'SERVICE_UNAVAILABLE';
