/**
 * The request/response envelope every door of the control API shares (the in-page bridge now, the
 * relay's HTTP door later), and the seed's standard error body.
 */
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from './errors.ts';
import { isoTimestamp } from './iso-time.ts';

/** Seed 000 "Version Selection": the media type that asks for v2, and the URL prefix that does. */
export const API_MEDIA_TYPE = 'application/vnd.spacetime.v2+json';
export const API_PREFIX = '/api/v2';
export const API_MAJOR = 2;
/** The API (route table) version; OpenAPI's info.version. */
export const API_VERSION = '2.6.0';

export interface ApiRequest {
  method: string;
  /** `/scene/load`, `/api/v2/scene/load` or with a query: `/terrain/info?x=1&y=2&z=3`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export function errorBody(code: ErrorCode, message: string, requestId: string, now = Date.now()): ErrorBody {
  return { error: code, message, status_code: ERROR_STATUS[code], timestamp: isoTimestamp(now), request_id: requestId };
}
