/**
 * HTTPS (a Quest on the LAN needs a secure context): the relay started with a key and certificate
 * serves its routes over https and its sockets over wss on the one port. The certificate in
 * fixtures/ is self-signed for localhost and 127.0.0.1, valid for a century, and used by nothing
 * but this test.
 */
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import { ask, guest, startRelay, type Client } from './helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const cert = fixture('localhost-cert.pem').toString();
let relay: Awaited<ReturnType<typeof startRelay>>;

beforeAll(async () => { relay = await startRelay({ https: { key: fixture('localhost-key.pem'), cert } }); });
afterAll(async () => { await relay.close(); });

function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    get(url, { ca: cert }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }).on('error', reject);
  });
}

describe('relay over HTTPS', () => {
  it('serves its routes over https and names a wss socket endpoint', async () => {
    expect(relay.url.startsWith('https://')).toBe(true);
    const base = relay.url.replace('localhost', '127.0.0.1');
    expect((await getJson(`${base}/health`)).status).toBe(200);
    const root = await getJson(`${base}/`);
    expect((root.body.websocket as { url: string }).url).toMatch(/^wss:\/\//);
  });

  it('takes socket.io clients over wss: authenticate and join a world', async () => {
    const socket: Client = io(relay.url.replace('localhost', '127.0.0.1'), { transports: ['websocket'], forceNew: true, reconnection: false, parser: WIRE_PARSER, ca: cert });
    try {
      await new Promise<void>((resolve, reject) => { socket.once('connected', () => resolve()); socket.once('connect_error', reject); });
      expect((await ask(socket, 'authenticate', guest())).ok).toBe(true);
      expect((await ask(socket, 'join_world', {})).ok).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a client that does not trust the certificate', async () => {
    const socket: Client = io(relay.url.replace('localhost', '127.0.0.1'), { transports: ['websocket'], forceNew: true, reconnection: false, parser: WIRE_PARSER });
    try {
      const err = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      expect(String(err.message)).toMatch(/websocket error|certificate|self.signed/i);
    } finally {
      socket.disconnect();
    }
  });
});
