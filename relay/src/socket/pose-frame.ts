/**
 * A pose batch straight onto the wire. Through socket.emit, one small message costs ~17 µs of relay
 * CPU (socket.io packet, msgpack encoder, engine.io packet and write buffer, ws frame, a corked
 * two-buffer writev and its callbacks) against ~5 µs for the write itself, and poses are nearly all
 * of the relay's messages. So the flush leaves POSE_HEADROOM bytes in front of each receiver's
 * records and this fills them, right-aligned, with exactly the bytes the libraries would have
 * produced (a WebSocket binary frame header, RFC 6455 §5.2, and the msgpack socket.io packet
 * `{type: EVENT, nsp: '/', data: ['sync_player_position', <bin>]}` that socket.io-msgpack-parser
 * decodes; relay/test/pose-frame.test.ts checks both against ws and our WIRE_PARSER), then writes
 * the one buffer to the receiver's TCP socket.
 *
 * Safe because every write to that socket is a whole frame (ws writes its frames synchronously when
 * permessage-deflate is off, which is socket.io's default and checked here), so frames never
 * interleave; poses need no order against other events. Volatile as before: a receiver whose socket
 * already holds POSE_BACKLOG_BYTES unsent skips this batch, since the next one supersedes it. A
 * connection that is not a plain WebSocket (long-polling, a namespace other than '/') gets the batch
 * through socket.io as before.
 */
import type { Socket as NetSocket } from 'node:net';
import type { RelaySocket } from './server-types.ts';

const EVENT = 'sync_player_position';
/** msgpack: map(3) "type" 2, "nsp" "/", "data" array(2) [EVENT, then the bin header and bytes]. */
const PACKET_PREFIX = Buffer.concat([
  Buffer.from([0x83, 0xa4]), Buffer.from('type'), Buffer.from([0x02, 0xa3]), Buffer.from('nsp'), Buffer.from([0xa1, 0x2f, 0xa4]),
  Buffer.from('data'), Buffer.from([0x92, 0xa0 | EVENT.length]), Buffer.from(EVENT),
]);
/** The largest header: a 10-byte frame header, the packet prefix, a 5-byte msgpack bin32 header. */
export const POSE_HEADROOM = 10 + PACKET_PREFIX.length + 5;
/** Unsent bytes on a receiver's socket above which its next batch is dropped (volatile). */
export const POSE_BACKLOG_BYTES = 64 * 1024;

/**
 * Writes the frame and packet header for the `n` record bytes at `buf[at..at+n)` into the bytes just
 * before them; returns where the frame starts. `at` must be at least POSE_HEADROOM.
 */
export function writePoseFrameHeader(buf: Buffer, at: number, n: number): number {
  let p = at;
  if (n <= 0xff) { buf[--p] = n; buf[--p] = 0xc4; }
  else if (n <= 0xffff) { p -= 3; buf[p] = 0xc5; buf.writeUInt16BE(n, p + 1); }
  else { p -= 5; buf[p] = 0xc6; buf.writeUInt32BE(n, p + 1); }
  p -= PACKET_PREFIX.length;
  PACKET_PREFIX.copy(buf, p);
  const len = at + n - p;
  if (len <= 125) { p -= 2; buf[p + 1] = len; }
  else if (len <= 0xffff) { p -= 4; buf[p + 1] = 126; buf.writeUInt16BE(len, p + 2); }
  else { p -= 10; buf[p + 1] = 127; buf.writeUInt32BE(0, p + 2); buf.writeUInt32BE(len, p + 6); }
  buf[p] = 0x82; // FIN, binary; a server's frames are not masked
  return p;
}

/** The TCP socket under a socket.io connection, when poses may be written to it directly. */
interface EngineSocketShape { readyState?: string; transport?: { name?: string; socket?: WsShape } }
interface WsShape { readyState?: number; _socket?: NetSocket | null; _extensions?: Record<string, unknown> }

export function rawPoseSocket(socket: RelaySocket): NetSocket | null {
  if (socket.nsp.name !== '/') return null;
  const conn = socket.conn as unknown as EngineSocketShape;
  const transport = conn.transport;
  if (conn.readyState !== 'open' || transport?.name !== 'websocket') return null;
  const ws = transport.socket;
  // permessage-deflate is the only extension ws negotiates; with it, frames are compressed and queued.
  if (!ws || ws.readyState !== 1 || !ws._socket || (ws._extensions && 'permessage-deflate' in ws._extensions)) return null;
  return ws._socket;
}

/** Sends `socket` the records at `buf[at..]` (headroom before `at`): directly when it can, else through socket.io. */
export function sendPoseBatch(socket: RelaySocket, buf: Buffer, at: number): void {
  const raw = rawPoseSocket(socket);
  if (!raw) {
    socket.volatile.emit(EVENT, buf.subarray(at));
    return;
  }
  if (raw.writableLength > POSE_BACKLOG_BYTES || raw.destroyed) return;
  const start = writePoseFrameHeader(buf, at, buf.length - at);
  raw.write(start === 0 ? buf : buf.subarray(start));
}
