/**
 * How the relay answers HTTP: JSON bodies, and refusals in seed 000's standard error body
 * ({ error, message, status_code, timestamp, request_id }) so a client parses one format from the
 * page's control API and from the relay alike.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '../../../src/protocol/errors.ts';

let requestCounter = 0;

/** Short, unique within a process, sortable by time: enough to find a request in the logs. */
export function requestId(): string {
  requestCounter = (requestCounter + 1) % 1_679_616; // 36^4
  return `req_${Date.now().toString(36)}${requestCounter.toString(36).padStart(4, '0')}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function errorBody(code: ErrorCode, message: string, id = requestId()): ErrorBody {
  return { error: code, message, status_code: ERROR_STATUS[code], timestamp: new Date().toISOString(), request_id: id };
}

export function sendError(res: ServerResponse, code: ErrorCode, message: string, extra: Partial<ErrorBody> = {}, headers: Record<string, string | number> = {}): void {
  sendJson(res, ERROR_STATUS[code], { ...errorBody(code, message), ...extra }, headers);
}

export class BodyError extends Error {}

/**
 * Reads a JSON body of at most `maxBytes`: a bigger body is refused without buffering the rest, so a
 * client cannot make the relay hold megabytes by lying about nothing.
 */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new BodyError(`body is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyError(`body is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('body is not valid JSON');
  }
}
