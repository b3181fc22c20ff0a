import type { z } from 'zod';

/** Error codes of seed 000 ("Common Error Codes"), with their HTTP status. */
export const ERROR_STATUS = {
  INVALID_TOKEN: 401,
  TOKEN_EXPIRED: 401,
  /** Authenticated, but the token lacks the scope the route declares (seed 000 "403 Forbidden"). */
  FORBIDDEN: 403,
  MISSING_PARAMETER: 400,
  INVALID_PARAMETER: 400,
  RESOURCE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** The request conflicts with what is running (no debug session to continue, a recording already on). */
  CONFLICT: 409,
  RATE_LIMIT_EXCEEDED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A failure that crosses a door (worker call, bridge route): plain data, so it survives structured clone. */
export interface TypedError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: TypedError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});

/** The seed's standard error body. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  status_code: number;
  timestamp: string;
  request_id: string;
  /** Seconds until a rate-limited caller may try again (429 only). */
  retry_after?: number;
}

/**
 * Turns a zod failure into the seed's MISSING_PARAMETER / INVALID_PARAMETER error. With the input
 * at hand, "missing" means the value at the failing path is absent; without it, zod's wording says.
 */
export function zodFailure<T>(error: z.ZodError, source?: { input: unknown }): Result<T> {
  const issue = error.issues[0];
  const path = issue?.path.join('.') || 'body';
  const missing = issue?.code === 'invalid_type' && (source ? valueAt(source.input, issue.path) === undefined : /received undefined/.test(issue.message));
  return fail(missing ? 'MISSING_PARAMETER' : 'INVALID_PARAMETER', `${path}: ${issue?.message ?? 'invalid'}`);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
