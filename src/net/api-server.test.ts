import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_REPLY_INLINE_MAX, type ApiCall, type ApiReply } from '../protocol/net/api-forward.ts';
import type { ApiResponse } from '../protocol/api.ts';
import { loadClientId, serveApi } from './api-server.ts';
import type { RelaySocket } from './ack.ts';

/** A socket that only records the api_request listener, so a test can play the relay. */
function fakeSocket() {
  let listener: ((call: unknown, reply: (a: ApiReply) => void) => void) | null = null;
  const socket = { on: (event: string, fn: typeof listener) => { if (event === 'api_request') listener = fn; return socket; } };
  const send = (call: unknown) => new Promise<ApiReply>((resolve) => listener!(call, resolve));
  return { socket: socket as unknown as RelaySocket, send };
}

const call = (over: Partial<ApiCall> = {}): ApiCall => ({ request_id: 'ab'.repeat(16), method: 'GET', path: '/scenes', headers: {}, ...over });
const json = (body: unknown, status = 200): ApiResponse => ({ status, headers: { 'content-type': 'application/json' }, body });

afterEach(() => vi.unstubAllGlobals());

describe('serveApi', () => {
  it('answers a small call in the ack, with the body as the JSON text the caller gets', async () => {
    const { socket, send } = fakeSocket();
    const seen: ApiCall[] = [];
    serveApi(socket, async (c) => { seen.push(c); return json({ scenes: ['a'] }); }, 'http://relay');
    const reply = await send(call({ method: 'POST', path: '/api/v2/scene/load?x=1', body: { scene_path: 'p' } }));
    expect(reply).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"scenes":["a"]}' });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/v2/scene/load?x=1', body: { scene_path: 'p' } });
  });

  it('keeps a text/plain answer as it is (GET /metrics)', async () => {
    const { socket, send } = fakeSocket();
    serveApi(socket, async () => ({ status: 200, headers: { 'content-type': 'text/plain; version=0.0.4' }, body: 'fps 60\n' }), '');
    expect(await send(call())).toMatchObject({ body: 'fps 60\n' });
  });

  it('uploads an answer too big for a socket message, then says so in the ack', async () => {
    const posted: Array<{ url: string; init: RequestInit }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => { posted.push({ url, init }); return new Response(null, { status: 204 }); });
    const { socket, send } = fakeSocket();
    const data = 'x'.repeat(API_REPLY_INLINE_MAX + 1);
    serveApi(socket, async () => json({ data }, 200), 'http://relay:8080');
    expect(await send(call())).toEqual({ uploading: true });
    expect(posted).toHaveLength(1);
    expect(posted[0].url).toBe(`http://relay:8080/api/reply/${'ab'.repeat(16)}`);
    const headers = posted[0].init.headers as Record<string, string>;
    expect(headers['x-reply-status']).toBe('200');
    expect(JSON.parse(headers['x-reply-headers'])).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(posted[0].init.body as string)).toEqual({ data });
  });

  it('answers 500 in the seed format when the upload or the handler fails, or the call is malformed', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    const { socket, send } = fakeSocket();
    let fail = false;
    serveApi(socket, async () => { if (fail) throw new Error('boom'); return json({ data: 'x'.repeat(API_REPLY_INLINE_MAX + 1) }); }, '');
    for (const reply of [await send(call()), (fail = true, await send(call())), await send({ request_id: 'nope' })]) {
      expect(reply).toMatchObject({ status: 500 });
      const body = JSON.parse((reply as { body: string }).body);
      expect(body).toMatchObject({ error: 'INTERNAL_ERROR', status_code: 500 });
      expect(body.message).toMatch(/could not answer/);
    }
  });
});

describe('loadClientId', () => {
  it('makes one id per tab and keeps it', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const id = loadClientId(storage);
    expect(id).toMatch(/^page_[a-z0-9]{6,32}$/);
    expect(loadClientId(storage)).toBe(id);
    store.set('spacetime.client', 'garbage!');
    expect(loadClientId(storage)).not.toBe('garbage!');
    expect(loadClientId(null)).toMatch(/^page_/);
  });
});
