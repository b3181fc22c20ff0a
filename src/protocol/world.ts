/** Voxels per chunk edge that a chunk owns (1 voxel = 1 m). */
export const CHUNK_SIZE = 32;
/** Samples per edge of the field a chunk is meshed from: its 32 owned voxels plus one apron voxel each side. */
export const FIELD_SIZE = CHUNK_SIZE + 2;
export const FIELD_VOLUME = FIELD_SIZE * FIELD_SIZE * FIELD_SIZE;
export const CHUNK_VOLUME = CHUNK_SIZE * CHUNK_SIZE * CHUNK_SIZE;

/** Density is Int8: > 0 is solid, <= 0 is empty; 127 is fully solid. */
export const DENSITY_MAX = 127;

/** The playable world, in metres. Positions outside are rejected by every door. */
export const WORLD_BOUNDS = {
  minX: -4096, maxX: 4096,
  minY: -64, maxY: 256,
  minZ: -4096, maxZ: 4096,
} as const;

/** Chunk rows that can hold terrain (cy range, inclusive). */
export const CHUNK_Y_MIN = Math.floor(WORLD_BOUNDS.minY / CHUNK_SIZE);
export const CHUNK_Y_MAX = Math.floor((WORLD_BOUNDS.maxY - 1) / CHUNK_SIZE);

export const BRUSH_LIMITS = { maxRadius: 16, maxStrength: 10 } as const;

/**
 * Material ids are stored in chunk bytes (relay snapshots, world files), so a new material is only
 * ever appended: an id never changes meaning. 'ore' is iron ore.
 */
export const MATERIALS = [
  'air', 'rock', 'soil', 'grass', 'sand', 'ice', 'snow', 'ore', 'basalt', 'sandstone', 'copper_ore',
] as const;
export type MaterialName = (typeof MATERIALS)[number];
export const MATERIAL_ID = Object.fromEntries(MATERIALS.map((m, i) => [m, i])) as Record<MaterialName, number>;

export const BIOMES = ['plains', 'mountains', 'desert', 'ice'] as const;
export type BiomeName = (typeof BIOMES)[number];
