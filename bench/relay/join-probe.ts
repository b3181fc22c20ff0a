/**
 * The relay's share of a late join, without the page: one socket client joins the world and fetches
 * its edited chunks with the page's own fetcher (src/net/snapshot-fetch.ts, nearest the spawn first,
 * paced as the page paces), so relay.late_join_ms can be split into relay time and page time.
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import type { ChunkPayload, JoinResult } from '../../src/protocol/net/events.ts';
import type { Ack } from '../../src/protocol/net/errors.ts';
import type { RelaySocket } from '../../src/net/ack.ts';
import { fetchChunks, nearestFirst } from '../../src/net/snapshot-fetch.ts';
import { round } from '../stats.ts';

export async function probeJoin(url: string, worldId: number, spawn: { x: number; z: number }): Promise<string> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, parser: WIRE_PARSER }) as unknown as RelaySocket;
  try {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
    const emit = <T>(event: string, payload: unknown) => new Promise<Ack<T>>((resolve) =>
      (socket as unknown as { emit(e: string, p: unknown, cb: (a: Ack<T>) => void): void }).emit(event, payload, resolve));
    await emit('authenticate', { protocol_version: PROTOCOL_VERSION, guest_id: 'guest_joinprobe', name: 'join probe' });
    const t1 = performance.now();
    const join = await emit<JoinResult>('join_world', { world_id: worldId });
    if (!join.ok) throw new Error(`join_world refused: ${join.error.error}`);
    const t2 = performance.now();
    let bytes = 0;
    socket.on('receive_terrain_chunk', (c: ChunkPayload) => { bytes += c.data.byteLength; });
    const chunks = nearestFirst(join.value.edited_chunks, spawn.x, spawn.z).map((c) => c.chunk_coords);
    await fetchChunks(socket, chunks);
    const t3 = performance.now();
    return `relay side (one socket client, the page's fetcher): connect+auth ${round(t1 - t0, 0)} ms, join_world ${round(t2 - t1, 0)} ms ` +
      `(folded_seq ${join.value.folded_seq} of ${join.value.edit_seq}), ${chunks.length} edited chunks (${round(bytes / 1024, 0)} KiB deflated) in ${round(t3 - t2, 0)} ms`;
  } finally {
    socket.disconnect();
  }
}
