/**
 * Test-only helpers for the mining tests: a snapshot of the voxels an edit can reach, the exact
 * material balance between two snapshots (computed from the voxels themselves, not from the brush's
 * formula, so it checks the ledger independently), and a brush target with a fixed density everywhere.
 */
import type { BrushEdit } from '../../protocol/terrain.ts';
import { CHUNK_VOLUME, MATERIALS } from '../../protocol/world.ts';
import type { BrushTarget } from '../brush.ts';
import type { EditLedger } from './edit-ledger.ts';
import { hash3 } from '../noise.ts';

export interface Snapshot { x0: number; y0: number; z0: number; n: number; density: Int8Array; material: Uint8Array }

/** The cube of voxels around the edit's centre that holds its whole sphere. */
export function snapshot(store: BrushTarget, edit: BrushEdit): Snapshot {
  const r = Math.ceil(edit.radius) + 1;
  const n = 2 * r + 1;
  const x0 = Math.floor(edit.position.x) - r, y0 = Math.floor(edit.position.y) - r, z0 = Math.floor(edit.position.z) - r;
  const density = new Int8Array(n * n * n), material = new Uint8Array(n * n * n);
  store.readBox(x0, y0, z0, n, n, n, density, material);
  return { x0, y0, z0, n, density, material };
}

/** What changed between two snapshots of the same cube, voxel by voxel, as a ledger would count it. */
export function balance(before: Snapshot, after: Snapshot): { removed: number[]; added: number[] } {
  const removed = MATERIALS.map(() => 0), added = MATERIALS.map(() => 0);
  for (let i = 0; i < before.density.length; i++) {
    const was = Math.max(before.density[i], 0), now = Math.max(after.density[i], 0);
    if (now < was) removed[before.material[i]] += was - now;
    if (now > was) added[after.material[i]] += now - was;
  }
  return { removed, added };
}

export const asArrays = (l: EditLedger) => ({ removed: [...l.removed], added: [...l.added] });

/** Every voxel reads as `density` of `material`; writes go nowhere (only the ledger is of interest). */
export function uniformTarget(density: number, material: number): BrushTarget {
  const sink = { density: new Int8Array(CHUNK_VOLUME), material: new Uint8Array(CHUNK_VOLUME) };
  return {
    readBox(_x0, _y0, _z0, nx, ny, nz, d, m) {
      d.fill(density, 0, nx * ny * nz);
      m.fill(density > 0 ? material : 0, 0, nx * ny * nz);
    },
    ensureChunk: () => sink,
  };
}

/** Deterministic test inputs in [0, 1) from the engine's own hash, so failures reproduce. */
export function testRandom(seed: number): () => number {
  let i = 0;
  return () => hash3(seed, i++, 0x7e57, 0) / 4294967296;
}
