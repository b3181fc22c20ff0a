/**
 * The relay's HTTP door hands a control-API call to a game page and takes its answer back
 * (relay/src/http/api-door.ts ↔ src/net/api-server.ts). The call rides the page's socket as an
 * acknowledged `api_request`; the answer comes back in the ack when its body is small, and as an
 * HTTP upload to API_REPLY_PATH when it is not (a screenshot is hundreds of kilobytes, and seed 004
 * caps a socket message at 16 KB). Bodies travel as the text the page serialised, so the relay
 * writes them out without parsing them again.
 */
import { z } from 'zod';

/** Bodies up to this many UTF-16 units ride in the ack (under the 16 KB socket message cap). */
export const API_REPLY_INLINE_MAX = 12_000;
/** Larger bodies: POST <relay>/api/reply/<request_id> with the body and the X-Reply-* headers. */
export const API_REPLY_PATH = '/api/reply/';
/** The longest body an upload may carry. */
export const API_REPLY_MAX_BYTES = 32 * 1024 * 1024;
/** How long the relay waits for a page's answer before answering 503. */
export const API_FORWARD_TIMEOUT_MS = 15_000;
/** What a page sends as `client_id` when it authenticates, and tools send as X-Spacetime-Client. */
export const ClientIdSchema = z.string().regex(/^page_[a-z0-9]{6,32}$/, 'client_id must look like page_<letters and digits>');

export const ApiCallSchema = z.object({
  /** A random capability: only the page it was sent to can upload the answer for it. */
  request_id: z.string().regex(/^[0-9a-f]{32}$/),
  method: z.string().min(1).max(16),
  /** The path as the caller sent it (bare or /api/v2/…), with its query string. */
  path: z.string().min(1).max(4096),
  headers: z.record(z.string(), z.string()),
  /** Absent for GETs (msgpack drops an undefined field). */
  body: z.unknown().optional(),
}).strict();
export type ApiCall = z.infer<typeof ApiCallSchema>;

const Status = z.number().int().min(100).max(599);
const Headers = z.record(z.string().max(64), z.string().max(4096));

/** The page's ack: the whole answer, or word that it is being uploaded. */
export const ApiReplySchema = z.union([
  z.object({ status: Status, headers: Headers, body: z.string().max(API_REPLY_INLINE_MAX) }).strict(),
  z.object({ uploading: z.literal(true) }).strict(),
]);
export type ApiReply = z.infer<typeof ApiReplySchema>;

/** The X-Reply-* headers of an upload. */
export const ReplyHeadersSchema = z.object({ status: Status, headers: Headers });

/** The answer's body as text: the string itself for a non-JSON answer (/metrics' text/plain), else JSON. */
export function replyText(body: unknown, contentType: string | undefined): string {
  const json = !contentType || /json/i.test(contentType);
  return !json && typeof body === 'string' ? body : JSON.stringify(body ?? null);
}
