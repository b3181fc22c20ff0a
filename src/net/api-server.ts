/**
 * The page's side of the relay's HTTP door (protocol/net/api-forward.ts): a control-API call the
 * relay hands over on the socket runs through the page's own router, exactly as a call through
 * `window.spacetime.request` would, and the answer goes back in the ack, or, when its body is too
 * big for a socket message, as an upload the relay streams to the caller.
 */
import { API_REPLY_INLINE_MAX, API_REPLY_PATH, ApiCallSchema, replyText, type ApiCall, type ApiReply } from '../protocol/net/api-forward.ts';
import { errorBody, type ApiResponse } from '../protocol/api.ts';
import type { RelaySocket } from './ack.ts';

/** Runs one call through the page's control API. */
export type ApiHandler = (call: ApiCall) => Promise<ApiResponse>;

const CLIENT_KEY = 'spacetime.client';

/** This tab's id for X-Spacetime-Client: kept per tab (sessionStorage), so it outlives reconnects and reloads. */
export function loadClientId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeSession()): string {
  try {
    const saved = storage?.getItem(CLIENT_KEY);
    if (saved && /^page_[a-z0-9]{6,32}$/.test(saved)) return saved;
  } catch { /* blocked storage: a fresh id for this load */ }
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const id = `page_${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`;
  try { storage?.setItem(CLIENT_KEY, id); } catch { /* this load only */ }
  return id;
}

function safeSession(): Storage | null {
  try { return sessionStorage; } catch { return null; }
}

/** Answers the relay's `api_request`s on `socket` with `handle`; `relayUrl` is where uploads go ('' = this origin). */
export function serveApi(socket: RelaySocket, handle: ApiHandler, relayUrl: string): void {
  socket.on('api_request', (raw, reply) => {
    const parsed = ApiCallSchema.safeParse(raw);
    // The caller gets a 500 now rather than the relay's 503 when its wait runs out.
    const failed = (why: string) => reply({
      status: 500, headers: { 'content-type': 'application/json' },
      body: JSON.stringify(errorBody('INTERNAL_ERROR', `the game page could not answer: ${why}`, 'req_page')),
    });
    if (!parsed.success) return failed(`malformed api_request (${parsed.error.issues[0]?.message})`);
    void answer(parsed.data, handle, relayUrl).then(reply, (e: unknown) => failed((e as Error).message));
  });
}

async function answer(call: ApiCall, handle: ApiHandler, relayUrl: string): Promise<ApiReply> {
  const res = await handle(call);
  const body = replyText(res.body, res.headers['content-type']);
  if (body.length <= API_REPLY_INLINE_MAX) return { status: res.status, headers: res.headers, body };
  // Too big for one socket message: upload it; the relay writes it to the waiting caller as it arrives.
  const up = await fetch(`${relayUrl}${API_REPLY_PATH}${call.request_id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-reply-status': String(res.status), 'x-reply-headers': JSON.stringify(res.headers) },
    body,
  });
  if (!up.ok) throw new Error(`the relay refused the upload (${up.status})`);
  return { uploading: true };
}
