/**
 * Malformed, oversized and out-of-order messages for the relay's event door, each with the refusal
 * it must get. The door's order (relay/src/socket/event-door.ts) decides the code: rate budget →
 * known event → one payload → size (16 KB) → authenticated → in a world → zod → handler. So an edit
 * sent before authenticate is AUTH_FAILED whatever its payload, an oversized one MESSAGE_TOO_LARGE.
 *
 * Messages are grouped by the state of the connection that sends them (fresh, authenticated, in the
 * world) and packed onto connections so that no per-connection rate budget is ever reached: then
 * every message gets exactly the code listed, never RATE_LIMITED, and no connection is dropped as a
 * flood (1,000 refusals a minute). Rate refusals are the relay tests' business.
 */
import type { RelayErrorCode } from '../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION, RELAY_LIMITS } from '../../src/protocol/net/limits.ts';

export type Stage = 'fresh' | 'authenticated' | 'joined';
/** The rate class the door charges (relay/src/socket/rate-window.ts). */
export type Budget = 'other' | 'edit' | 'pose' | 'chat' | 'typing';

export interface BadMessage {
  stage: Stage;
  event: string;
  /** Emitted as socket.emit(event, ...args). */
  args: unknown[];
  code: RelayErrorCode;
  budget: Budget;
  /** What is wrong with it, for failure messages. */
  what: string;
}

const OVERSIZE = 17 * 1024;
const pad = (n: number) => 'x'.repeat(n);
const edit = (i: number) => ({ position: { x: (i % 40) - 20, y: -3, z: ((i * 7) % 40) - 20 }, radius: 3, strength: 5, operation: 'remove' });
const pose16 = (flags = 0) => {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(4096 * 2048 & 0xffff, 2);
  b.writeUInt8(flags, 14);
  return b;
};
const guest = (i: number) => `guest_flood${i.toString(36).padStart(4, '0')}`;
const coords = { x: 0, y: -1, z: 0 };

type Template = (i: number) => Omit<BadMessage, 'stage'>;

const FRESH: Template[] = [
  (i) => ({ event: `teleport_everyone_${i % 5}`, args: [{ x: i }], code: 'UNKNOWN_EVENT', budget: 'other', what: 'unknown event' }),
  () => ({ event: 'hack', args: [], code: 'UNKNOWN_EVENT', budget: 'other', what: 'unknown event, no payload' }),
  () => ({ event: 'constructor', args: [{}], code: 'UNKNOWN_EVENT', budget: 'other', what: 'prototype name as event' }),
  (i) => ({ event: 'join_world', args: [{ world_id: 1 + (i % 3) }], code: 'AUTH_FAILED', budget: 'other', what: 'join before authenticate' }),
  (i) => ({ event: 'sync_terrain_deform', args: [edit(i)], code: 'AUTH_FAILED', budget: 'edit', what: 'edit before authenticate' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: 'everything' }], code: 'AUTH_FAILED', budget: 'other', what: 'request_terrain_edits before authenticate' }),
  () => ({ event: 'sync_player_position', args: [pose16()], code: 'NOT_IN_WORLD', budget: 'pose', what: 'pose before join' }),
  () => ({ event: 'authenticate', args: [{}], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, empty' }),
  () => ({ event: 'authenticate', args: [{ protocol_version: '1', guest_id: 5, name: null }], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, wrong types' }),
  () => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: 'guest_NOT OK!', name: 'x' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, bad guest id' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: guest(i), name: 'n', role: 'admin' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, unknown field' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION + 98, guest_id: guest(i), name: 'Old page' }], code: 'PROTOCOL_MISMATCH', budget: 'other', what: 'authenticate, other protocol' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: guest(i), name: 'Tok', token: 'stolen' }], code: 'INVALID_TOKEN', budget: 'other', what: 'authenticate with a token' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: guest(i), name: pad(OVERSIZE) }], code: 'MESSAGE_TOO_LARGE', budget: 'other', what: 'authenticate > 16 KB' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: guest(i), name: 'Two' }, { again: true }], code: 'VALIDATION_ERROR', budget: 'other', what: 'two payloads' }),
  () => ({ event: 'authenticate', args: ['let me in'], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, a string' }),
  () => ({ event: 'authenticate', args: [[1, 2, 3]], code: 'VALIDATION_ERROR', budget: 'other', what: 'authenticate, an array' }),
  () => ({ event: 'debug_mode', args: [{ enabled: 'yes' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'debug_mode, wrong type' }),
  () => ({ event: 'terrain_sync', args: [{ chunk_coords: coords }], code: 'AUTH_FAILED', budget: 'other', what: 'terrain_sync before authenticate' }),
  () => ({ event: 'leave_world', args: [{}], code: 'AUTH_FAILED', budget: 'other', what: 'leave before authenticate' }),
  () => ({ event: 'chat_message', args: [{ text: 'hi' }], code: 'AUTH_FAILED', budget: 'chat', what: 'chat before authenticate' }),
  () => ({ event: 'sync_player_position', args: [Buffer.alloc(OVERSIZE + 3000, 7)], code: 'NOT_IN_WORLD', budget: 'pose', what: '20 KB pose before join' }),
];

const AUTHENTICATED: Template[] = [
  (i) => ({ event: 'sync_terrain_deform', args: [edit(i)], code: 'NOT_IN_WORLD', budget: 'edit', what: 'edit before join' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: 0 }], code: 'NOT_IN_WORLD', budget: 'other', what: 'request_terrain_edits before join' }),
  (i) => ({ event: 'join_world', args: [{ world_id: 2_000_000_000 + i }], code: 'WORLD_NOT_FOUND', budget: 'other', what: 'join a world that does not exist' }),
  () => ({ event: 'join_world', args: [{ world_id: -5 }], code: 'VALIDATION_ERROR', budget: 'other', what: 'join, negative id' }),
  () => ({ event: 'join_world', args: [{ world_id: 'abc' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'join, id a string' }),
  () => ({ event: 'join_world', args: [{ world_id: 1.5 }], code: 'VALIDATION_ERROR', budget: 'other', what: 'join, fractional id' }),
  () => ({ event: 'join_world', args: [{ world_id: 1, as: 'admin' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'join, unknown field' }),
  (i) => ({ event: 'notification_read', args: [{ notification_id: `n_${i}` }], code: 'VALIDATION_ERROR', budget: 'other', what: 'read a notification that does not exist' }),
  () => ({ event: 'sync_player_position', args: [pose16()], code: 'NOT_IN_WORLD', budget: 'pose', what: 'pose before join' }),
  () => ({ event: 'chat_message', args: [{ text: 'hello' }], code: 'NOT_IN_WORLD', budget: 'chat', what: 'chat before join' }),
  () => ({ event: 'typing_start', args: [], code: 'NOT_IN_WORLD', budget: 'typing', what: 'typing before join' }),
  () => ({ event: 'terrain_sync', args: [{ chunk_coords: coords }], code: 'NOT_IN_WORLD', budget: 'other', what: 'terrain_sync before join' }),
  () => ({ event: 'request_terrain_chunk', args: [{ chunk_coords: coords }], code: 'NOT_IN_WORLD', budget: 'other', what: 'chunk request before join' }),
  () => ({ event: 'sync_player_mode', args: [{ mode: 'walking' }], code: 'NOT_IN_WORLD', budget: 'other', what: 'mode before join' }),
  (i) => ({ event: `sudo_${i % 3}`, args: [{ please: true }], code: 'UNKNOWN_EVENT', budget: 'other', what: 'unknown event' }),
];

const sum64 = (i: number) => (i % 16).toString(16).repeat(64);
const JOINED: Template[] = [
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), radius: -2 }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, negative radius' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), radius: 1e9 }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, huge radius' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), operation: 'explode' }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, unknown operation' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), position: undefined }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, no position' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), strength: null }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, NaN strength (null on the wire)' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), position: { x: '0', y: '-3', z: '0' } }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, position strings' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), position: { x: 1e7, y: 0, z: 0 } }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit outside the world' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), edit_seq: 1 }], code: 'VALIDATION_ERROR', budget: 'edit', what: 'edit, unknown field' }),
  (i) => ({ event: 'sync_terrain_deform', args: [{ ...edit(i), note: pad(OVERSIZE) }], code: 'MESSAGE_TOO_LARGE', budget: 'edit', what: 'edit > 16 KB' }),
  (i) => ({ event: 'sync_player_position', args: [Buffer.alloc(15 + (i % 2) * 2)], code: 'VALIDATION_ERROR', budget: 'pose', what: 'pose of 15 or 17 bytes' }),
  (i) => ({ event: 'sync_player_position', args: [Buffer.alloc(31 + (i % 2) * 2)], code: 'VALIDATION_ERROR', budget: 'pose', what: 'pose of 31 or 33 bytes' }),
  () => ({ event: 'sync_player_position', args: [Buffer.alloc(0)], code: 'VALIDATION_ERROR', budget: 'pose', what: 'empty pose' }),
  () => ({ event: 'sync_player_position', args: [pose16(2)], code: 'VALIDATION_ERROR', budget: 'pose', what: '16 bytes flagged VR (needs 32)' }),
  () => ({ event: 'sync_player_position', args: [Buffer.concat([pose16(), Buffer.alloc(16)])], code: 'VALIDATION_ERROR', budget: 'pose', what: '32 bytes not flagged VR (two records)' }),
  () => ({ event: 'sync_player_position', args: [pose16(0x80)], code: 'VALIDATION_ERROR', budget: 'pose', what: 'pose, unknown flag bits' }),
  () => ({ event: 'sync_player_position', args: ['pose'], code: 'VALIDATION_ERROR', budget: 'pose', what: 'pose, a string' }),
  () => ({ event: 'sync_player_position', args: [{ x: 1, y: 2, z: 3 }], code: 'VALIDATION_ERROR', budget: 'pose', what: 'pose, JSON' }),
  () => ({ event: 'sync_player_position', args: [pose16(), pose16()], code: 'VALIDATION_ERROR', budget: 'pose', what: 'two pose records as two arguments' }),
  () => ({ event: 'sync_player_position', args: [Buffer.alloc(OVERSIZE + 3000, 1)], code: 'VALIDATION_ERROR', budget: 'pose', what: '20 KB pose' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: -1 }], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, negative' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: 'latest' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, a string' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: 1.5 }], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, fractional' }),
  () => ({ event: 'request_terrain_edits', args: [{}], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, no since_seq' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: 0, until_seq: 3 }], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, unknown field' }),
  () => ({ event: 'request_terrain_edits', args: [null], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, null' }),
  () => ({ event: 'request_terrain_edits', args: [[0, 1, 2]], code: 'VALIDATION_ERROR', budget: 'other', what: 'request_terrain_edits, an array' }),
  () => ({ event: 'request_terrain_edits', args: [{ since_seq: pad(OVERSIZE) }], code: 'MESSAGE_TOO_LARGE', budget: 'other', what: 'request_terrain_edits > 16 KB' }),
  () => ({ event: 'request_terrain_chunk', args: [{ chunk_coords: { x: 1e6, y: 0, z: 0 } }], code: 'VALIDATION_ERROR', budget: 'other', what: 'chunk outside the world' }),
  () => ({ event: 'request_terrain_chunk', args: [{ chunk_coords: 'here' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'chunk coords a string' }),
  () => ({ event: 'report_chunk_checksums', args: [{ edit_seq: 0, chunks: [{ chunk_coords: coords, checksum: sum64(1) }] }], code: 'VALIDATION_ERROR', budget: 'other', what: 'checksums at edit 0' }),
  () => ({ event: 'report_chunk_checksums', args: [{ edit_seq: 1, chunks: [] }], code: 'VALIDATION_ERROR', budget: 'other', what: 'no checksums' }),
  () => ({ event: 'report_chunk_checksums', args: [{ edit_seq: 1, chunks: [{ chunk_coords: coords, checksum: 'zz' }] }], code: 'VALIDATION_ERROR', budget: 'other', what: 'checksum not hex' }),
  (i) => ({ event: 'report_chunk_checksums', args: [{ edit_seq: 1, chunks: Array.from({ length: 65 }, () => ({ chunk_coords: coords, checksum: sum64(i) })) }], code: 'VALIDATION_ERROR', budget: 'other', what: '65 checksums' }),
  () => ({ event: 'terrain_sync', args: [{ chunk_coords: { x: 0.5, y: 0, z: 0 } }], code: 'VALIDATION_ERROR', budget: 'other', what: 'terrain_sync, fractional chunk' }),
  () => ({ event: 'chat_message', args: [{ text: '   ' }], code: 'VALIDATION_ERROR', budget: 'chat', what: 'chat, blank' }),
  () => ({ event: 'chat_message', args: [{ text: pad(501) }], code: 'VALIDATION_ERROR', budget: 'chat', what: 'chat, 501 characters' }),
  () => ({ event: 'chat_message', args: [{ text: 5 }], code: 'VALIDATION_ERROR', budget: 'chat', what: 'chat, a number' }),
  () => ({ event: 'typing_start', args: [{ x: 1 }], code: 'VALIDATION_ERROR', budget: 'typing', what: 'typing with a payload' }),
  () => ({ event: 'sync_player_mode', args: [{ mode: 'flying' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'unknown mode' }),
  () => ({ event: 'save_player_state', args: [{ position: { x: 0, y: 0, z: 0 }, rotation: { x: 0, y: 0, z: 0 }, health: -5, oxygen: 100, mode: 'walking' }], code: 'VALIDATION_ERROR', budget: 'other', what: 'negative health' }),
  (i) => ({ event: 'join_world', args: [{ world_id: 2_000_000_000 + i }], code: 'WORLD_NOT_FOUND', budget: 'other', what: 'switch to a world that does not exist' }),
  (i) => ({ event: 'authenticate', args: [{ protocol_version: PROTOCOL_VERSION, guest_id: guest(i), name: 'Impostor' }], code: 'AUTH_FAILED', budget: 'other', what: 'authenticate as someone else while in a world' }),
  () => ({ event: 'debug_mode', args: [{}], code: 'VALIDATION_ERROR', budget: 'other', what: 'debug_mode, no field' }),
  () => ({ event: 'leave_world', args: [{ now: true }], code: 'VALIDATION_ERROR', budget: 'other', what: 'leave, unknown field' }),
  (i) => ({ event: `delete_world_${i % 4}`, args: [{}], code: 'UNKNOWN_EVENT', budget: 'other', what: 'unknown event' }),
];

/** `total` messages cycling through every template of every stage. */
export function badMessages(total: number): BadMessage[] {
  const all: Array<[Stage, Template]> = [
    ...FRESH.map((t) => ['fresh', t] as [Stage, Template]),
    ...AUTHENTICATED.map((t) => ['authenticated', t] as [Stage, Template]),
    ...JOINED.map((t) => ['joined', t] as [Stage, Template]),
  ];
  return Array.from({ length: total }, (_, i) => {
    const [stage, t] = all[i % all.length];
    return { stage, ...t(i) };
  });
}

/**
 * What one connection may be sent without reaching a rate budget: the class limits with room for
 * the connection's own setup calls (authenticate, join_world, the closing round trip).
 */
const PER_CONNECTION: Record<Budget, number> = {
  other: RELAY_LIMITS.otherPerSecond - 10,
  edit: RELAY_LIMITS.editsPerSecond - 1,
  pose: RELAY_LIMITS.posesPerSecond - 1,
  chat: RELAY_LIMITS.chatPerMinute - 1,
  typing: RELAY_LIMITS.typingPerMinute - 1,
};

/** Packs messages of one stage onto as few connections as the budgets allow, keeping their order. */
export function packConnections(messages: BadMessage[]): BadMessage[][] {
  const out: BadMessage[][] = [];
  for (const stage of ['fresh', 'authenticated', 'joined'] as const) {
    let batch: BadMessage[] = [];
    let used: Record<Budget, number> = { other: 0, edit: 0, pose: 0, chat: 0, typing: 0 };
    for (const m of messages.filter((x) => x.stage === stage)) {
      if (used[m.budget] + 1 > PER_CONNECTION[m.budget]) {
        out.push(batch);
        batch = [];
        used = { other: 0, edit: 0, pose: 0, chat: 0, typing: 0 };
      }
      batch.push(m);
      used[m.budget]++;
    }
    if (batch.length) out.push(batch);
  }
  return out;
}
