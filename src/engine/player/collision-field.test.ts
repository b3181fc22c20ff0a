import { describe, expect, it } from 'vitest';
import { FIELD_SIZE, FIELD_VOLUME } from '../../protocol/world.ts';
import { VoxelStore } from '../voxel-store.ts';
import { CollisionField, COLLISION_EDGE, COLLISION_VOLUME, collisionFromField } from './collision-field.ts';
import { fieldFrom, flatGround, planetField } from './test-fields.ts';

const F = FIELD_SIZE, E = COLLISION_EDGE;

describe('collisionFromField', () => {
  it('copies local voxels 0..32 of the 34³ field', () => {
    const field = new Int8Array(FIELD_VOLUME);
    // A value that encodes its own local coordinates (-1..32), so any shift shows.
    for (let z = 0; z < F; z++) for (let y = 0; y < F; y++) for (let x = 0; x < F; x++) {
      field[x + y * F + z * F * F] = ((x - 1) * 7 + (y - 1) * 3 + (z - 1) * 5) % 127;
    }
    const out = new Int8Array(COLLISION_VOLUME);
    expect(collisionFromField(field, out)).toBeNull();
    for (const [x, y, z] of [[0, 0, 0], [32, 0, 0], [0, 32, 0], [0, 0, 32], [32, 32, 32], [5, 17, 31]]) {
      expect(out[x + y * E + z * E * E]).toBe((x * 7 + y * 3 + z * 5) % 127);
    }
  });

  it('reports a uniform box, ignoring the apron voxels it does not copy', () => {
    const field = new Int8Array(FIELD_VOLUME).fill(-127);
    field[0] = 50; // local (-1,-1,-1): apron, not copied
    field[33 + 33 * F + 33 * F * F] = 50; // local (32,32,32): copied
    const out = new Int8Array(COLLISION_VOLUME);
    expect(collisionFromField(field, out)).toBeNull();
    field[33 + 33 * F + 33 * F * F] = -127;
    expect(collisionFromField(field, out)).toBe(-127);
  });

  it('matches VoxelStore samples on real terrain, across chunk borders', () => {
    const store = new VoxelStore(1);
    const ground = Math.floor(store.columnInfo(40, 40).height);
    const { field } = planetField(1, 40, 40, 40);
    for (const [x, z] of [[31, 40], [32, 40], [63, 64], [40, 31], [47, 33]]) {
      for (let y = ground - 3; y <= ground + 3; y++) {
        expect(field.sample(x, y, z)).toBe(store.sample(x, y, z).density);
      }
    }
  });
});

describe('CollisionField', () => {
  it('samples trilinearly and gives the analytic gradient', () => {
    const field = fieldFrom(flatGround(0.5), -1, 0, -1, 0);
    // Density 24*(0.5 - y): exactly linear between voxels, so trilinear is exact.
    expect(field.sample(3.3, 0.25, -7.1)).toBeCloseTo(6, 9);
    const g = new Float64Array(4);
    expect(field.sampleGradient(-3.3, 1.75, 7.9, g)).toBe(true);
    expect(g[0]).toBeCloseTo(-30, 9);
    expect(g[1]).toBeCloseTo(0, 9);
    expect(g[2]).toBeCloseTo(-24, 9);
    expect(g[3]).toBeCloseTo(0, 9);
  });

  it('answers NaN/false for chunks not loaded, and knows rows outside the streamed range', () => {
    const field = new CollisionField();
    const g = new Float64Array(4);
    expect(field.sample(1, 1, 1)).toBeNaN();
    expect(field.sampleGradient(1, 1, 1, g)).toBe(false);
    expect(field.loadedAround(1, 1, 1, 0.5)).toBe(false);
    expect(field.sample(1, 300, 1)).toBe(-127); // above the world: open sky
    expect(field.sample(1, -100, 1)).toBe(127); // below it: rock
    field.set(0, 0, 0, null, -127);
    expect(field.sample(1, 1, 1)).toBe(-127);
    expect(field.loadedAround(1, 1, 1, 0.5)).toBe(true);
    expect(field.loadedAround(1, 1, 1, 2)).toBe(false); // reaches chunks at -1
    expect(field.has(0, 0, 0)).toBe(true);
    expect(field.size).toBe(1);
    field.delete(0, 0, 0);
    expect(field.sample(1, 1, 1)).toBeNaN();
    expect(field.size).toBe(0);
  });

  it('replaces a chunk (an edit) and forgets the cached lookup', () => {
    const field = new CollisionField();
    field.set(0, 0, 0, null, -127);
    expect(field.sample(5, 5, 5)).toBe(-127);
    const box = new Int8Array(COLLISION_VOLUME).fill(100);
    field.set(0, 0, 0, box, 0);
    expect(field.sample(5, 5, 5)).toBe(100);
    field.clear();
    expect(field.sample(5, 5, 5)).toBeNaN();
  });

  it('rejects a box of the wrong size', () => {
    expect(() => new CollisionField().set(0, 0, 0, new Int8Array(10), 0)).toThrow(RangeError);
  });
});

describe('CollisionField at chunk faces', () => {
  it('samples a hair below a chunk face, where the local coordinate rounds to 32', () => {
    const field = fieldFrom(flatGround(0), -1, 0, -1, 0);
    const z = -3e-16; // chunk -1, local z = 32 - 3e-16, which rounds to 32
    expect(field.sample(5, -1, z)).toBe(24);
    const g = new Float64Array(4);
    expect(field.sampleGradient(5, -0.5, z, g)).toBe(true);
    expect(g[0]).toBe(12);
  });
});
