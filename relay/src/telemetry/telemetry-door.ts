/**
 * Seed 000's telemetry WebSocket at `/telemetry` (and on a port of its own with --telemetry-port):
 * any plain WebSocket client. The relay answers what is the network's — `auth` with an API token
 * (the read scope, as for the HTTP door), `ping` before auth, malformed JSON, floods — and, once a
 * client is in, opens a channel on a game page's telemetry hub (src/control/telemetry-hub.ts) and
 * carries messages both ways: subscriptions, configure and snapshots are the hub's to answer.
 * The page is picked as the HTTP door picks it: X-Spacetime-Client (or `?client=`), or the only one.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../../src/protocol/errors.ts';
import { ClientIdSchema } from '../../../src/protocol/net/api-forward.ts';
import type { AccessCheck } from '../auth/access-tokens.ts';
import { hasScope } from '../auth/scopes.ts';
import type { Logger } from '../log.ts';
import { requestUrl } from '../http/door.ts';
import { pickRefusal, type ApiPages } from '../socket/api-pages.ts';
import type { RelaySocket } from '../socket/server-types.ts';

export const TELEMETRY_PATH = '/telemetry';
/** Seed 004's message cap. */
const MAX_MESSAGE_BYTES = 16 * 1024;
/** Client messages a second past which they are refused (a client asks; the page does the sending). */
const CLIENT_MESSAGES_PER_SECOND = 20;

export interface TelemetryDoorOptions {
  pages: ApiPages;
  verify(token: string): Promise<AccessCheck>;
  log: Logger;
}

interface Channel { ws: WebSocket; socket: RelaySocket; onPageGone: () => void }
/** A client that has not authenticated within this long is closed (idle sockets cost the relay). */
const AUTH_DEADLINE_MS = 10_000;
/** A client this far behind on its stream is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1 << 20;

export function createTelemetryDoor(opts: TelemetryDoorOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const channels = new Map<number, Channel>();
  let nextChannel = 1;

  const stamp = () => new Date().toISOString();
  const send = (ws: WebSocket, message: Record<string, unknown>) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ ...message, timestamp: stamp() }));
  };
  const error = (ws: WebSocket, code: ErrorCode, message: string) => send(ws, { type: 'error', code, message });

  function closeChannel(channel: number, tellPage: boolean): void {
    const c = channels.get(channel);
    if (!c) return;
    channels.delete(channel);
    c.socket.off('disconnect', c.onPageGone);
    if (tellPage && c.socket.connected) c.socket.emit('telemetry_close', { channel });
  }

  function client(ws: WebSocket, req: IncomingMessage): void {
    const url = requestUrl(req) ?? new URL('http://relay.invalid/');
    const header = req.headers['x-spacetime-client'];
    const wanted = typeof header === 'string' ? header : url.searchParams.get('client') ?? undefined;
    let channel = 0;
    let authing = false;
    const deadline = setTimeout(() => {
      error(ws, 'INVALID_TOKEN', `no auth within ${AUTH_DEADLINE_MS / 1000} s`);
      ws.close(1008, 'authenticate first');
    }, AUTH_DEADLINE_MS);
    let windowStart = Date.now();
    let inWindow = 0;

    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      if (now - windowStart >= 1000) { windowStart = now; inWindow = 0; }
      if (++inWindow > CLIENT_MESSAGES_PER_SECOND) return error(ws, 'RATE_LIMIT_EXCEEDED', `at most ${CLIENT_MESSAGES_PER_SECOND} messages a second`);
      if (isBinary) return error(ws, 'INVALID_PARAMETER', 'send JSON text messages');
      let message: unknown;
      try { message = JSON.parse(String(data)); } catch { return error(ws, 'INVALID_PARAMETER', 'message is not valid JSON'); }
      const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      if (channel) {
        const c = channels.get(channel);
        if (!c) return;
        if (type === 'auth') return send(ws, { type: 'auth_success', client_id: `telemetry_${channel}` });
        c.socket.emit('telemetry_in', { channel, message });
        return;
      }
      if (type === 'ping') return send(ws, { type: 'pong' });
      if (type !== 'auth') return error(ws, 'INVALID_TOKEN', 'authenticate first: send {"type":"auth","token":...}');
      const token = (message as { token?: unknown }).token;
      if (typeof token !== 'string') return error(ws, 'MISSING_PARAMETER', 'token: required');
      if (authing) return;
      authing = true;
      void opts.verify(token).then((check) => {
        authing = false;
        if (ws.readyState !== ws.OPEN || channel) return;
        if (!check.ok) return send(ws, { type: 'auth_failed', reason: check.message });
        if (!hasScope(check.claims.scopes, 'read')) return send(ws, { type: 'auth_failed', reason: 'the token lacks the read scope' });
        const named = wanted === undefined ? null : ClientIdSchema.safeParse(wanted);
        const pick = opts.pages.pick(named?.success ? named.data : wanted, { sub: check.claims.sub, admin: hasScope(check.claims.scopes, 'admin') });
        if (!pick.ok) {
          const refusal = pickRefusal(pick, wanted);
          error(ws, refusal.code, refusal.message);
          return void ws.close(1013, 'no game page to stream from');
        }
        channel = nextChannel++;
        clearTimeout(deadline);
        const mine = channel;
        const onPageGone = () => {
          if (!channels.has(mine)) return;
          closeChannel(mine, false);
          error(ws, 'SERVICE_UNAVAILABLE', 'the game page left');
          ws.close(1001, 'the game page left');
        };
        channels.set(channel, { ws, socket: pick.socket, onPageGone });
        pick.socket.once('disconnect', onPageGone);
        pick.socket.emit('telemetry_open', { channel });
        send(ws, { type: 'auth_success', client_id: `telemetry_${channel}` });
      }, (e: unknown) => {
        authing = false;
        opts.log.error({ err: e }, 'telemetry auth failed');
        error(ws, 'INTERNAL_ERROR', 'the relay could not check the token');
      });
    });
    ws.on('close', () => {
      clearTimeout(deadline);
      if (channel) closeChannel(channel, true);
    });
    ws.on('error', (err) => opts.log.warn({ err }, 'telemetry client error'));
  }

  return {
    /** Takes `/telemetry` upgrades on `server`, leaving every other path (socket.io, vite's HMR) alone. */
    attach(server: HttpServer, anyPath = false): void {
      server.on('upgrade', (req: IncomingMessage, stream: Duplex, head: Buffer) => {
        const url = requestUrl(req);
        if (!url) return void stream.destroy();
        if (!anyPath && url.pathname !== TELEMETRY_PATH) return;
        wss.handleUpgrade(req, stream, head, (ws) => client(ws, req));
      });
    },

    /**
     * A page's message for a channel it owns (handlers/telemetry.ts). False: another page's channel.
     * A channel that is gone (its client left while the page was still sending) drops it quietly.
     */
    out(socket: RelaySocket, channel: number, message: Record<string, unknown> | undefined, packet: Uint8Array | ArrayBuffer | undefined): boolean {
      const c = channels.get(channel);
      if (!c) return true;
      if (c.socket !== socket) return false;
      if (c.ws.readyState !== c.ws.OPEN) return true;
      if (c.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        closeChannel(channel, true);
        c.ws.close(1013, 'too far behind: reconnect and subscribe to less');
        return true;
      }
      if (packet) c.ws.send(packet, { binary: true });
      else c.ws.send(JSON.stringify(message));
      return true;
    },

    /** The page closed the channel: so does the client. */
    pageClosed(socket: RelaySocket, channel: number): boolean {
      const c = channels.get(channel);
      if (!c) return true;
      if (c.socket !== socket) return false;
      closeChannel(channel, false);
      c.ws.close(1000, 'closed by the game page');
      return true;
    },

    clients: () => wss.clients.size,

    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

export type TelemetryDoor = ReturnType<typeof createTelemetryDoor>;
