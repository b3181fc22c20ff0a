import { z } from 'zod';
import { BRUSH_LIMITS, WORLD_BOUNDS, CHUNK_Y_MIN, CHUNK_Y_MAX } from './world.ts';
import type { BiomeName, MaterialName } from './world.ts';

const inRange = (lo: number, hi: number, axis: string) =>
  z.number().finite(`${axis} must be finite`)
    .min(lo, `${axis} is outside the world (${lo}..${hi})`)
    .max(hi, `${axis} is outside the world (${lo}..${hi})`);

export const PositionSchema = z.object({
  x: inRange(WORLD_BOUNDS.minX, WORLD_BOUNDS.maxX, 'x'),
  y: inRange(WORLD_BOUNDS.minY, WORLD_BOUNDS.maxY, 'y'),
  z: inRange(WORLD_BOUNDS.minZ, WORLD_BOUNDS.maxZ, 'z'),
});
export type Position = z.infer<typeof PositionSchema>;

export const BRUSH_OPERATIONS = ['add', 'remove', 'smooth'] as const;
export type BrushOperation = (typeof BRUSH_OPERATIONS)[number];

/** One brush stroke, named as in seed 000 POST /terrain/deform. */
export const BrushEditSchema = z.object({
  position: PositionSchema,
  radius: z.number().finite().gt(0, 'radius must be > 0').max(BRUSH_LIMITS.maxRadius, `radius must be <= ${BRUSH_LIMITS.maxRadius}`),
  strength: z.number().finite().gt(0, 'strength must be > 0').max(BRUSH_LIMITS.maxStrength, `strength must be <= ${BRUSH_LIMITS.maxStrength}`),
  operation: z.enum(BRUSH_OPERATIONS),
});
export type BrushEdit = z.infer<typeof BrushEditSchema>;

/** Chunk columns a door accepts, each way from the origin (the world is ±4096 m = ±128 chunks). */
const CHUNK_XZ_LIMIT = 128;
export const ChunkCoordSchema = z.object({
  cx: z.number().int().min(-CHUNK_XZ_LIMIT).max(CHUNK_XZ_LIMIT),
  cy: z.number().int().min(CHUNK_Y_MIN).max(CHUNK_Y_MAX),
  cz: z.number().int().min(-CHUNK_XZ_LIMIT).max(CHUNK_XZ_LIMIT),
});
/** The same range as ChunkCoordSchema for integer coordinates, without a parse (hot paths). */
export const chunkInWorld = (cx: number, cy: number, cz: number): boolean =>
  cx >= -CHUNK_XZ_LIMIT && cx <= CHUNK_XZ_LIMIT && cz >= -CHUNK_XZ_LIMIT && cz <= CHUNK_XZ_LIMIT && cy >= CHUNK_Y_MIN && cy <= CHUNK_Y_MAX;
export type ChunkCoord = z.infer<typeof ChunkCoordSchema>;

/**
 * Which generator a world uses: 'planet' is the full procedural planet; 'arena' is the small,
 * flat, fixed test world (src/engine/arena-gen.ts, scene `test_arena`).
 */
export const WORLD_KINDS = ['planet', 'arena'] as const;
export type WorldKind = (typeof WORLD_KINDS)[number];

/** Starts a world: seed (uint32) and kind (default 'planet'). */
export const WorldInitSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  kind: z.enum(WORLD_KINDS).default('planet'),
});
export type WorldInit = z.infer<typeof WorldInitSchema>;

/** Fields of seed 000 GET /terrain/info. density is normalised to -1..1 (> 0 solid). */
export interface TerrainInfo {
  position: Position;
  material: MaterialName;
  density: number;
  temperature: number;
  biome: BiomeName;
}

/**
 * Solid density one edit moved, per material id (index = MATERIAL_ID), as engine/mining/edit-ledger.ts
 * counts it: `removed` under the voxels' old material, `added` under their new one (always soil for a
 * brush). Plain arrays so they cross postMessage cheaply.
 */
export interface MaterialMoved {
  removed: number[];
  added: number[];
}

export interface EditOutcome {
  voxelsModified: number;
  /** Chunks whose meshing field changed (owned voxels or apron), as flat cx,cy,cz triples. */
  touched: number[];
  /** Position in the ordered edit log (1-based). */
  sequence: number;
  /** What the edit moved (mining yields, build costs); present only when the caller asked for it. */
  moved?: MaterialMoved;
}

/** A chunk's mesh, positions local to the chunk origin (cx*32, cy*32, cz*32). */
export interface ChunkMesh {
  cx: number; cy: number; cz: number;
  /** Edit-log length the mesh reflects; the main thread drops results older than what it shows. */
  version: number;
  /** Wholly under the ground and never edited: hidden while the viewer is above ground. */
  buried: boolean;
  positions: Float32Array;
  normals: Float32Array;
  materials: Float32Array;
  indices: Uint32Array;
  /**
   * Density for collision on the main thread: 33³ Int8 samples at chunk-local voxels 0..32, index
   * x + y*33 + z*33*33 (world voxel = chunk origin + local). 33 = the 32 owned voxels plus the first
   * voxel of the +x/+y/+z neighbour, so trilinear sampling anywhere in the chunk needs only this
   * array. null when all 33³ values are equal (most chunks are all air or all solid): see collisionFill.
   */
  collision: Int8Array | null;
  /** The value of every sample when `collision` is null (e.g. -127 all air, 127 all solid); meaningless otherwise. */
  collisionFill: number;
}
