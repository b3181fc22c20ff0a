/**
 * The one chunk key: an integer made from chunk coordinates, for the Maps and Sets of every thread
 * (voxel store, collision field, streamer, job queue, renderer, ray cast). Exact for coordinates in
 * −512..511 on each axis; the world spans chunk columns −128..127 and rows −2..7. Numeric order is
 * cx-major, then cy, then cz.
 */
const OFFSET = 512;
const SPAN = 1024;

export const chunkKey = (cx: number, cy: number, cz: number): number => ((cx + OFFSET) * SPAN + (cy + OFFSET)) * SPAN + (cz + OFFSET);

/** The coordinates a chunkKey was made from. */
export const keyToCoord = (k: number): [number, number, number] =>
  [Math.floor(k / (SPAN * SPAN)) - OFFSET, (Math.floor(k / SPAN) % SPAN) - OFFSET, (k % SPAN) - OFFSET];
