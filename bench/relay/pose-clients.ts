/**
 * The load generator's players: socket.io-client connections (websocket only, no reconnection, one
 * guest identity each) and where each one walks. Players circle around centres spread over a
 * 1000 m x 1000 m square at walking-to-running speeds, so interest sets change slowly, as in play.
 * The layout comes from a seeded generator: the naive and our relay see the same players at the same N.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import type { Ack } from '../../src/protocol/net/errors.ts';
import type { AuthResult, JoinResult } from '../../src/protocol/net/events.ts';

export type Mode = 'relay' | 'naive';

export interface Walker { cx: number; cz: number; r: number; omega: number; phase: number }

/** mulberry32: a tiny seeded PRNG, so every run places the same players. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function placeWalkers(n: number, areaM: number, seed = 42): Walker[] {
  const rand = prng(seed);
  return Array.from({ length: n }, () => {
    const r = 5 + rand() * 35;
    const speed = 1.5 + rand() * 4.5;
    return { cx: (rand() - 0.5) * areaM, cz: (rand() - 0.5) * areaM, r, omega: speed / r, phase: rand() * 2 * Math.PI };
  });
}

/** Position and facing (yaw along the circle's tangent) at `tSec`. */
export function walkerAt(w: Walker, tSec: number, out: { x: number; z: number; yaw: number }): void {
  const a = w.phase + w.omega * tSec;
  out.x = w.cx + w.r * Math.cos(a);
  out.z = w.cz + w.r * Math.sin(a);
  out.yaw = -a;
}

export interface Player { socket: Socket; peerId: number; playerId: string }

function ack<T>(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, reply: Ack<T>) => {
      if (err) reject(new Error(`${event}: no ack within ${timeoutMs} ms`));
      else if (!reply.ok) reject(new Error(`${event}: ${reply.error.code} ${reply.error.error}`));
      else resolve(reply.value);
    });
  });
}

/**
 * Opens one connection and joins the world. For our relay: authenticate, then join_world (the
 * ack carries the peer_id that this player's pose records will carry). For the naive one: `join`.
 */
export async function connectPlayer(url: string, mode: Mode, index: number, tag: string, worldId?: number): Promise<Player> {
  const socket = io(url, {
    transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20_000,
    // Our relay speaks msgpack (one frame per message); the naive baseline keeps socket.io's default parser.
    ...(mode === 'relay' ? { parser: WIRE_PARSER } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  const playerId = `guest_${tag}${String(index).padStart(4, '0')}`;
  if (mode === 'naive') {
    await new Promise<void>((resolve) => socket.emit('join', () => resolve()));
    return { socket, peerId: index, playerId };
  }
  await ack<AuthResult>(socket, 'authenticate', { protocol_version: PROTOCOL_VERSION, guest_id: playerId, name: `bench ${index}` }, 20_000);
  const joined = await ack<JoinResult>(socket, 'join_world', worldId === undefined ? {} : { world_id: worldId }, 30_000);
  return { socket, peerId: joined.peer_id, playerId: joined.player_id };
}

/**
 * Connects `n` players, `concurrency` at a time; failures are counted, not fatal. `first`: the index
 * of the first one (names are `guest_<tag><index>`), so load generators sharing one run name theirs apart.
 */
export async function connectAll(url: string, mode: Mode, n: number, tag: string, worldId?: number, concurrency = 20, first = 0):
  Promise<{ players: Player[]; failures: string[] }> {
  const players: Player[] = new Array(n);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      try { players[i] = await connectPlayer(url, mode, first + i, tag, worldId); } catch (e) { failures.push(String((e as Error).message ?? e)); }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { players: players.filter(Boolean), failures };
}
