/**
 * Test-only data: chunk hashes pinned as literal hex, shared by the unit test
 * (src/engine/pinned-hashes.test.ts, VoxelStore directly) and the e2e spec
 * (e2e/determinism.spec.ts, the running game's workers through the control API).
 * Nothing in the app imports this file.
 *
 * A hash is `chunkHash`: SHA-256 of the chunk's 32³ density bytes, then its material bytes.
 * `before` is the unedited chunk; `after` is the chunk once every edit of its world below has
 * been applied, in order, to a fresh world (the edits of one world are far apart, so each chunk
 * only sees its own three). If a generator or brush change moves these values on purpose,
 * recompute them and say so in the commit; if not, the change broke determinism.
 *
 * The chunks were picked once with the engine's own functions (VoxelStore.columnInfo biomes and
 * heights; air voxels well below the surface for the cave), then hard-coded here.
 */

/** Mirrors protocol/terrain.ts BrushEdit (kept import-free so e2e can load this file as is). */
export interface PinnedEdit {
  position: { x: number; y: number; z: number };
  radius: number;
  strength: number;
  operation: 'add' | 'remove' | 'smooth';
}

export interface PinnedChunk {
  /** What the chunk is. */
  name: string;
  cx: number;
  cy: number;
  cz: number;
  before: string;
  after: string;
}

export interface PinnedWorld {
  kind: 'planet' | 'arena';
  seed: number;
  /** How the e2e opens this world (URL query of the page). */
  query: string;
  /** Applied in this order, through VoxelStore.applyEdit / POST /terrain/deform. */
  edits: PinnedEdit[];
  chunks: PinnedChunk[];
}

const dig = (x: number, y: number, z: number): PinnedEdit => ({ position: { x, y, z }, radius: 4, strength: 8, operation: 'remove' });
const build = (x: number, y: number, z: number): PinnedEdit => ({ position: { x, y, z }, radius: 3, strength: 6, operation: 'add' });
const smooth = (x: number, y: number, z: number): PinnedEdit => ({ position: { x, y, z }, radius: 5, strength: 5, operation: 'smooth' });

export const PINNED_PLANET: PinnedWorld = {
  kind: 'planet',
  seed: 1337,
  query: '?seed=1337&view=64',
  edits: [
    // Plains chunk (0, 0, 1): x 0..31, z 32..63; ground at about y 6.5..7.1 here.
    dig(10.5, 6, 42.5), build(20, 8, 52), smooth(16, 6.5, 48),
    // Mountains chunk (-6, 0, -7): x -192..-161, z -224..-193; ground at about y 17.
    dig(-181.5, 16, -213.5), build(-172, 18, -204), smooth(-176, 17, -208),
    // Cave chunk (-8, -1, -3): x -256..-225, y -32..-1, z -96..-65, 7 m or more under the desert floor;
    // each edit sits at an air voxel of the cave.
    dig(-240, -23, -75), build(-251, -26, -67), smooth(-254, -25, -82),
  ],
  chunks: [
    { name: 'plains surface, near the spawn', cx: 0, cy: 0, cz: 1,
      before: '78736edd3cf1ff310db9f085c345d9be99db80bac964d47223f0ba4e7b9661cc',
      after: '803bc662ec9068f8296a20589b2cfa2718db7d052f2346c576bf2e405d2459ae' },
    { name: 'mountains surface', cx: -6, cy: 0, cz: -7,
      before: '146cd49d5468270da0bc6c2b4205703e8e0ea79e5ee1288bc550e21979b15a42',
      after: 'a45cfa864fa8aed68b52b570b80599929972fd1299226e455d4d65a7401f0e2f' },
    { name: 'buried desert chunk holding a cave (about 2,960 air voxels)', cx: -8, cy: -1, cz: -3,
      before: '9fcc514f25bcdc7587ab581ba37a715919ddd6c913efcbd9e819ed23629a3d6c',
      after: 'b8d3e6b0a12864cd214a160b83fc864ddd58dc86842917a9e367ea7d70c779df' },
  ],
};

export const PINNED_ARENA: PinnedWorld = {
  kind: 'arena',
  // scenes/registry.ts ARENA_SEED (the arena ignores its seed, but the store carries it).
  seed: 4242,
  query: '?scene=test_arena',
  edits: [
    // Chunk (0, 0, 0) holds the flat ground's top (y 0) and the west half of the hill (centre x 24, z 0, 6 m high).
    dig(4.5, 0, 4.5), build(14, 1, 10), smooth(22, 5, 3),
  ],
  chunks: [
    { name: 'arena ground at the spawn and the west half of the hill', cx: 0, cy: 0, cz: 0,
      before: 'dc2385fce52efbbe444b6922c4fbe7aa35156ff610b632acab579d1bd7bf031c',
      after: '9d0b7dcaffdf7ee6fd49c872a1dd39394180715cf780377e6bb86e3d8ff33169' },
  ],
};

export const PINNED_WORLDS: readonly PinnedWorld[] = [PINNED_PLANET, PINNED_ARENA];
