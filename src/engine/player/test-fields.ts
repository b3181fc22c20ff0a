/**
 * CollisionFields for the player tests and bench: synthetic shapes written directly (flat ground,
 * a wall, a dome), and real planet chunks from VoxelStore through collisionFromField, the same path
 * the terrain workers take. Not used by the game.
 */
import { DENSITY_PER_METRE } from '../fill-box.ts';
import { CHUNK_SIZE, CHUNK_Y_MAX, CHUNK_Y_MIN, DENSITY_MAX, FIELD_VOLUME } from '../../protocol/world.ts';
import { VoxelStore } from '../voxel-store.ts';
import { CollisionField, COLLISION_EDGE, COLLISION_VOLUME, collisionFromField } from './collision-field.ts';

export type DensityFn = (x: number, y: number, z: number) => number;

const S = CHUNK_SIZE, E = COLLISION_EDGE;
/** Density per metre near a surface, as worldgen makes it. */
export const PER_METRE = DENSITY_PER_METRE;

export const toDensity = (metres: number): number => Math.max(-DENSITY_MAX, Math.min(DENSITY_MAX, Math.round(metres * PER_METRE)));

/** Solid below y = h. */
export const flatGround = (h = 0): DensityFn => (_x, y) => toDensity(h - y);

/** Solid between x0 and x1 at every height, united with flat ground at y = 0 when ground is true. */
export const wall = (x0: number, x1: number, ground = true): DensityFn => (x, y) => {
  const w = toDensity(Math.min(x - x0, x1 - x));
  return ground ? Math.max(w, toDensity(-y)) : w;
};

/** A ball of radius r around (cx, cy, cz) united with flat ground at y = 0. */
export const dome = (cx: number, cy: number, cz: number, r: number): DensityFn => (x, y, z) => {
  const d = Math.sqrt((x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2);
  return Math.max(toDensity(r - d), toDensity(-y));
};

/** Open sky (no terrain at all) over chunk columns cx0..cx1 × cz0..cz1: cheap, uniform boxes only. */
export function openSky(cx0: number, cx1: number, cz0: number, cz1: number): CollisionField {
  const field = new CollisionField();
  for (let cz = cz0; cz <= cz1; cz++) for (let cy = CHUNK_Y_MIN; cy <= CHUNK_Y_MAX; cy++) for (let cx = cx0; cx <= cx1; cx++) {
    field.set(cx, cy, cz, null, -DENSITY_MAX);
  }
  return field;
}

/** Fills chunks cx0..cx1 × every streamed row × cz0..cz1 from fn (uniform boxes stored as fills). */
export function fieldFrom(fn: DensityFn, cx0: number, cx1: number, cz0: number, cz1: number, field = new CollisionField()): CollisionField {
  for (let cz = cz0; cz <= cz1; cz++) for (let cy = CHUNK_Y_MIN; cy <= CHUNK_Y_MAX; cy++) for (let cx = cx0; cx <= cx1; cx++) {
    const box = new Int8Array(COLLISION_VOLUME);
    let same = true;
    for (let z = 0, i = 0; z < E; z++) for (let y = 0; y < E; y++) for (let x = 0; x < E; x++, i++) {
      box[i] = fn(cx * S + x, cy * S + y, cz * S + z);
      if (box[i] !== box[0]) same = false;
    }
    field.set(cx, cy, cz, same ? null : box, box[0]);
  }
  return field;
}

/**
 * Real terrain of `seed`: the chunks whose columns lie within `radius` m of (x, z), by default rows
 * from two below to two above the chunk holding the ground height there (other rows stay unloaded,
 * which the sim treats as unknown, so such tests must stay near the ground); allRows loads every row.
 */
export function planetField(seed: number, x: number, z: number, radius: number, allRows = false): { field: CollisionField; store: VoxelStore; ground: number } {
  const field = new CollisionField();
  const store = new VoxelStore(seed);
  const ground = store.columnInfo(x, z).height;
  const density = new Int8Array(FIELD_VOLUME), material = new Uint8Array(FIELD_VOLUME);
  const cy0 = allRows ? CHUNK_Y_MIN : Math.max(CHUNK_Y_MIN, Math.floor(ground / S) - 2);
  const cy1 = allRows ? CHUNK_Y_MAX : Math.min(CHUNK_Y_MAX, Math.floor(ground / S) + 2);
  const kx0 = Math.floor((x - radius) / S), kx1 = Math.floor((x + radius) / S);
  const kz0 = Math.floor((z - radius) / S), kz1 = Math.floor((z + radius) / S);
  for (let cz = kz0; cz <= kz1; cz++) for (let cx = kx0; cx <= kx1; cx++) for (let cy = cy0; cy <= cy1; cy++) {
    store.readField(cx, cy, cz, density, material);
    const box = new Int8Array(COLLISION_VOLUME);
    const fill = collisionFromField(density, box);
    field.set(cx, cy, cz, fill === null ? box : null, fill ?? 0);
  }
  return { field, store, ground };
}

/** Height of the highest rock in column (x, z) of a loaded field, scanning down from `top` (NaN if none). */
export function topOfRock(field: CollisionField, x: number, z: number, top = 250): number {
  for (let y = top; y > -64; y -= 0.25) if (field.sample(x, y, z) > 0) return y;
  return NaN;
}
