/**
 * A JSON body checked with a zod schema, or the refusal sent: 400 in seed 000's format naming the
 * failing field, with seed 001's `detail` beside it when the route is one of seed 001's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { zodFailure, type ErrorCode } from '../../../src/protocol/errors.ts';
import { BodyError, readJson, sendError } from './respond.ts';

export const MAX_ACCOUNT_BODY_BYTES = 16 * 1024;

/** Seed 001's refusals carry `detail` too, so its clients and seed 000's read the same body. */
export function refuse(res: ServerResponse, code: ErrorCode, message: string, detail: boolean): void {
  sendError(res, code, message, detail ? ({ detail: message } as object) : {});
}

/** The body, read (at most `maxBytes`) and checked with `schema`; null when refused (the answer is sent). */
export async function body<S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S, detail: boolean, maxBytes = MAX_ACCOUNT_BODY_BYTES): Promise<z.output<S> | null> {
  let raw: unknown;
  try {
    raw = await readJson(req, maxBytes);
  } catch (e) {
    if (e instanceof BodyError) {
      refuse(res, 'INVALID_PARAMETER', e.message, detail);
      return null;
    }
    throw e;
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const failure = zodFailure(parsed.error, { input: raw ?? {} });
  if (!failure.ok) refuse(res, failure.error.code, failure.error.message, detail);
  return null;
}
