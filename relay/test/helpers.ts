/**
 * Relay test plumbing: a real relay on port 0 over a temporary data directory, real socket.io
 * clients (websocket transport, no reconnection), and promises that wait on events instead of time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToRelayEvents, RelayToClientEvents } from '../../src/protocol/net/events.ts';
import type { Ack } from '../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import { createPose, writePose, POSE_BYTES } from '../../src/protocol/net/pose-codec.ts';
import { createRelay, type Relay, type RelayOptions } from '../src/server.ts';

export type Client = Socket<RelayToClientEvents, ClientToRelayEvents>;

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'relay-it-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startRelay(opts: RelayOptions = {}): Promise<Relay & { dataDir: string }> {
  const dataDir = opts.dataDir ?? tempDataDir().dir;
  const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, ...opts });
  return Object.assign(relay, { dataDir });
}

/** A connected client; `connected` is the relay's greeting (seed 003). */
export async function client(url: string): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, parser: WIRE_PARSER });
  await new Promise<void>((resolve, reject) => {
    socket.once('connected', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The next `event` on `socket` (its first argument). */
export function next<E extends keyof RelayToClientEvents>(socket: Client, event: E): Promise<Parameters<RelayToClientEvents[E]>[0]> {
  return new Promise((resolve) => socket.once(event as never, ((data: unknown) => resolve(data as never)) as never));
}

/** Emits with an acknowledgement and resolves with it. */
export function ask<T = unknown>(socket: Client, event: string, payload?: unknown): Promise<Ack<T>> {
  return new Promise((resolve) => (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, payload, resolve));
}

export function send(socket: Client, event: string, ...args: unknown[]): void {
  (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
}

let guests = 0;
export function guest(name = 'Ana'): { protocol_version: number; guest_id: string; name: string } {
  return { protocol_version: PROTOCOL_VERSION, guest_id: `guest_test${(guests++).toString().padStart(4, '0')}`, name };
}

/** Connects, authenticates and joins (the default world unless `worldId`); as `identity` when given (a player coming back). */
export async function player(url: string, name = 'Ana', worldId?: number, identity = guest(name)) {
  const socket = await client(url);
  const auth = await ask(socket, 'authenticate', identity);
  if (!auth.ok) throw new Error(`authenticate refused: ${auth.error.error}`);
  const join = await ask<import('../../src/protocol/net/events.ts').JoinResult>(socket, 'join_world', worldId === undefined ? {} : { world_id: worldId });
  if (!join.ok) throw new Error(`join refused: ${join.error.error}`);
  return { socket, identity, join: join.value };
}

/** A 16-byte pose record at (x, y, z) claiming peer id `claimedId` (the relay overwrites it). */
export function poseAt(x: number, y: number, z: number, claimedId = 999, seq = 0): Uint8Array {
  const pose = createPose();
  Object.assign(pose, { id: claimedId, x, y, z, seq });
  const bytes = new Uint8Array(POSE_BYTES);
  writePose(new DataView(bytes.buffer), 0, pose);
  return bytes;
}

/** The peer ids in a received pose message. */
export function peerIds(records: Uint8Array | ArrayBuffer): number[] {
  const bytes = records instanceof Uint8Array ? records : new Uint8Array(records);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ids: number[] = [];
  for (let at = 0; at < bytes.byteLength;) {
    ids.push(view.getUint16(at, true));
    at += bytes[at + 14] & 2 ? 32 : 16;
  }
  return ids;
}

/** Disconnects clients and resolves once the relay has handled each disconnect (its per-IP count freed). */
export async function disconnectAll(relay: Relay, sockets: Client[]): Promise<void> {
  const done: Promise<unknown>[] = [];
  for (const socket of sockets.splice(0)) {
    const serverSide = socket.id ? relay.io.of('/').sockets.get(socket.id) : undefined;
    if (serverSide) done.push(new Promise((r) => serverSide.once('disconnect', r)));
    socket.disconnect();
  }
  await Promise.all(done);
}
