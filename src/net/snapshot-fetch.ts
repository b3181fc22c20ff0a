/**
 * Asks the relay for a world's edited chunks, nearest the spawn first. The relay answers each
 * request_terrain_chunk by emitting the chunk (receive_terrain_chunk) and then acknowledging, so
 * once every acknowledgement is in, every chunk has arrived. Requests are paced under the relay's
 * per-connection budget for such events (RELAY_LIMITS.otherPerSecond), so a world with hundreds of
 * edited chunks loads at full speed without a single refusal.
 */
import { CHUNK_SIZE } from '../protocol/world.ts';
import { RELAY_LIMITS } from '../protocol/net/limits.ts';
import type { ChunkCoords } from '../protocol/net/events.ts';
import { call, type RelaySocket } from './ack.ts';

/** A token bucket well inside the relay's sliding window: burst + rate per second stays under its limit. */
const BURST = 40;
/** Requests in flight at once: the whole burst goes out at once, not round trip by round trip. */
const LANES = BURST;
const RATE_PER_S = Math.floor(RELAY_LIMITS.otherPerSecond * 0.7);

export function nearestFirst<T extends { chunk_coords: ChunkCoords }>(chunks: readonly T[], x: number, z: number): T[] {
  const d = (c: ChunkCoords) => {
    const dx = (c.x + 0.5) * CHUNK_SIZE - x, dz = (c.z + 0.5) * CHUNK_SIZE - z;
    return dx * dx + dz * dz;
  };
  return [...chunks].sort((a, b) => d(a.chunk_coords) - d(b.chunk_coords));
}

/** Resolves once every chunk was asked for and answered; throws if the relay refuses one. */
export async function fetchChunks(socket: RelaySocket, coords: readonly ChunkCoords[]): Promise<void> {
  let next = 0;
  let tokens = BURST;
  let last = performance.now();
  const take = async () => {
    for (;;) {
      const now = performance.now();
      tokens = Math.min(BURST, tokens + ((now - last) / 1000) * RATE_PER_S);
      last = now;
      if (tokens >= 1) {
        tokens--;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / RATE_PER_S) * 1000)));
    }
  };
  const lane = async () => {
    while (next < coords.length) {
      const c = coords[next++];
      await take();
      const r = await call(socket, 'request_terrain_chunk', { chunk_coords: c });
      if (!r.ok) throw new Error(`the relay did not send chunk ${c.x},${c.y},${c.z}: ${r.error.error}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, coords.length) }, lane));
}
