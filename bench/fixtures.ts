/**
 * The four 34^3 meshing fields the Node mesh bench uses (index x + y*34 + z*34*34, > 0 solid).
 * All are deterministic: fixed formulas, world seed 1337, or a fixed hash seed.
 */
import { FIELD_SIZE, FIELD_VOLUME } from '../src/protocol/world.ts';
import { VoxelStore } from '../src/engine/voxel-store.ts';
import { createMesher } from '../src/engine/surface-nets.ts';

export interface Field { name: string; density: Int8Array; material: Uint8Array; where: string }

const F = FIELD_SIZE;
const WORLD_SEED = 1337;
const NOISE_SEED = 0x5eed;

const clampI8 = (v: number): number => Math.max(-127, Math.min(127, Math.round(v)));

/** A horizontal plane at y = 16.5 in field coordinates. */
function flat(): Field {
  const density = new Int8Array(FIELD_VOLUME), material = new Uint8Array(FIELD_VOLUME);
  for (let z = 0; z < F; z++) for (let y = 0; y < F; y++) for (let x = 0; x < F; x++) {
    const i = x + y * F + z * F * F;
    density[i] = clampI8((16.5 - y) * 24);
    material[i] = density[i] > 0 ? 1 : 0;
  }
  return { name: 'flat', density, material, where: 'plane y=16.5' };
}

/** One mesher for picking fixtures: dozens of throwaway meshers (megabytes of buffers each) skewed the timings. */
let picker: ReturnType<typeof createMesher> | undefined;
function triangles(d: Int8Array, m: Uint8Array): number {
  picker ??= createMesher();
  return picker.mesh(d, m).indexCount / 3;
}

/** Among candidate chunks, the one whose mesh has the most triangles. */
function pickChunk(store: VoxelStore, candidates: [number, number, number][]): Field & { tri: number } {
  let best: (Field & { tri: number }) | undefined;
  for (const [cx, cy, cz] of candidates) {
    const density = new Int8Array(FIELD_VOLUME), material = new Uint8Array(FIELD_VOLUME);
    store.readField(cx, cy, cz, density, material);
    const tri = triangles(density, material);
    if (!best || tri > best.tri) best = { name: '', density, material, where: `seed ${WORLD_SEED} chunk ${cx},${cy},${cz}`, tri };
  }
  return best!;
}

/** Plains/hills columns near the origin (biome plains, surface inside the chunk). */
function plainsColumns(store: VoxelStore): [number, number][] {
  const out: [number, number][] = [];
  for (let cz = -6; cz <= 6 && out.length < 12; cz += 2) for (let cx = -6; cx <= 6 && out.length < 12; cx += 2) {
    const info = store.columnInfo(cx * 32 + 16, cz * 32 + 16);
    if (info.biome === 'plains') out.push([cx, cz]);
  }
  if (out.length === 0) out.push([0, 0]);
  return out;
}

/** A surface chunk of the seed-1337 world under plains/hills, the busiest of a few candidates. */
function hills(store: VoxelStore): Field {
  const cands = plainsColumns(store).map(([cx, cz]): [number, number, number] =>
    [cx, Math.floor(store.columnInfo(cx * 32 + 16, cz * 32 + 16).height / 32), cz]);
  return { ...pickChunk(store, cands), name: 'hills' };
}

/** An underground (cy = -1 or -2) chunk under plains with the most cave surface. */
function caves(store: VoxelStore): Field {
  const cands = plainsColumns(store).flatMap(([cx, cz]): [number, number, number][] => [[cx, -1, cz], [cx, -2, cz]]);
  return { ...pickChunk(store, cands), name: 'caves' };
}

/** Hashed lattice values in -127..127, box-smoothed once (3 taps per axis): many sign changes, the worst case. */
function noise(): Field {
  const raw = new Float32Array(FIELD_VOLUME);
  for (let i = 0; i < FIELD_VOLUME; i++) {
    let h = Math.imul(i ^ NOISE_SEED, 0x9e3779b1);
    h ^= h >>> 15; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    raw[i] = ((h >>> 0) / 0xffffffff) * 254 - 127;
  }
  const density = new Int8Array(FIELD_VOLUME), material = new Uint8Array(FIELD_VOLUME);
  for (let z = 0; z < F; z++) for (let y = 0; y < F; y++) for (let x = 0; x < F; x++) {
    let sum = 0, n = 0;
    for (let dz = -1; dz <= 1; dz++) for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const X = x + dx, Y = y + dy, Z = z + dz;
      if (X < 0 || Y < 0 || Z < 0 || X >= F || Y >= F || Z >= F) continue;
      sum += raw[X + Y * F + Z * F * F]; n++;
    }
    const i = x + y * F + z * F * F;
    density[i] = clampI8((sum / n) * 3); // smoothing shrinks the range; rescale back toward ±127
    material[i] = density[i] > 0 ? 1 : 0;
  }
  return { name: 'noise', density, material, where: `hash seed ${NOISE_SEED}, 3^3 box smoothing` };
}

export function buildFixtures(): Field[] {
  const store = new VoxelStore(WORLD_SEED);
  return [flat(), hills(store), caves(store), noise()];
}
