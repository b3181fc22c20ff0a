import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, FIELD_VOLUME, MATERIAL_ID, WORLD_BOUNDS } from '../protocol/world.ts';
import { ARENA, createArenaWorldgen } from './arena-gen.ts';
import { createWorldgen } from './worldgen.ts';
import { VoxelStore } from './voxel-store.ts';
import { WorldInitSchema } from '../protocol/terrain.ts';

const g = createWorldgen(1, 'arena');
const one = new Int8Array(1), oneM = new Uint8Array(1);
const at = (x: number, y: number, z: number) => {
  g.fillBox(x, y, z, 1, 1, 1, one, oneM);
  return { d: one[0], m: oneM[0] };
};

describe('arena worldgen', () => {
  it('is selected by kind, defaults to planet, and the schema accepts both', () => {
    expect(WorldInitSchema.parse({ seed: 3 })).toEqual({ seed: 3, kind: 'planet' });
    expect(WorldInitSchema.parse({ seed: 3, kind: 'arena' }).kind).toBe('arena');
    expect(WorldInitSchema.safeParse({ seed: 3, kind: 'moon' }).success).toBe(false);
    expect(g.seed).toBe(1);
    expect(new VoxelStore(1, 'arena').kind).toBe('arena');
    expect(new VoxelStore(1).kind).toBe('planet');
  });

  it('has flat ground with its top exactly at y = 0, grass over soil over rock, bedrock at the floor', () => {
    for (const [x, z] of [[0, 0], [5, -7], [-20, 40], [60, -60], [-95, 95], [500, 0], [-3000, 2000]]) {
      expect(at(x, -1, z).d, `${x},${z}`).toBe(24);
      expect(at(x, 0, z).d, `${x},${z}`).toBe(0);
      expect(at(x, 1, z).d, `${x},${z}`).toBe(-24);
      expect(at(x, -10, z).d).toBe(127);
      expect(at(x, 10, z).d).toBe(-127);
      expect(at(x, -1, z).m).toBe(MATERIAL_ID.grass);
      expect(at(x, -3, z).m).toBe(MATERIAL_ID.soil);
      expect(at(x, -20, z).m).toBe(MATERIAL_ID.rock);
      expect(at(x, WORLD_BOUNDS.minY, z)).toEqual({ d: 127, m: MATERIAL_ID.basalt });
      expect(at(x, 0, z).m).toBe(0);
      const c = g.columnInfo(x, z);
      expect(c).toEqual({ height: 0, biome: 'plains', temperature: 15 });
    }
    expect(g.temperatureAt(0, 100, 0)).toBeLessThan(g.temperatureAt(0, 0, 0));
    expect(g.temperatureAt(0, -5, 0)).toBe(15);
  });

  it('has the hill where ARENA says: a grass dome peaking at its height', () => {
    const { x, z, radius, height } = ARENA.hill;
    expect(g.columnInfo(x, z).height).toBe(height);
    expect(at(x, height - 1, z)).toEqual({ d: 24, m: MATERIAL_ID.grass });
    expect(at(x, height, z).d).toBe(0);
    // Lower away from the centre, flat at and beyond the rim.
    let last: number = height;
    for (let r = 1; r <= radius; r++) {
      const h = g.columnInfo(x + r, z).height;
      expect(h).toBeLessThan(last);
      expect(g.columnInfo(x, z - r).height).toBe(h);
      last = h;
    }
    expect(last).toBe(0);
    expect(g.columnInfo(x + radius + 3, z).height).toBe(0);
    // 6 m out the surface is at 3.375 m: grass on the slope.
    expect(at(x + 6, 3, z)).toEqual({ d: 9, m: MATERIAL_ID.grass });
    expect(at(x + 6, 4, z).d).toBeLessThan(0);
  });

  it('has the cliff where ARENA says: a rock block with vertical faces', () => {
    const { minX, maxX, minZ, maxZ, height } = ARENA.cliff;
    const top = ARENA.groundY + height;
    const midZ = (minZ + maxZ) / 2;
    expect(maxX - minX).toBe(8);
    expect(g.columnInfo(minX + 4, 0).height).toBe(top);
    for (let y = 0; y < top; y++) {
      // Inside: solid rock; the face planes themselves are density 0; outside: air.
      expect(at(minX + 1, y, midZ), `y ${y}`).toEqual({ d: 24, m: MATERIAL_ID.rock });
      expect(at(maxX - 1, y, midZ).d).toBe(24);
      expect(at(minX + 4, y, minZ + 1).d).toBe(24);
      expect(at(minX + 4, y, maxZ - 1).d).toBe(24);
      expect(at(minX, y, midZ).d).toBe(0);
      expect(at(maxX, y, midZ).d).toBe(0);
      expect(at(minX + 4, y, minZ).d).toBe(0);
      if (y === 0) continue; // y = 0 outside is the ground's own surface (density 0)
      expect(at(minX - 1, y, midZ).d).toBeLessThan(0);
      expect(at(maxX + 1, y, midZ).d).toBeLessThan(0);
      expect(at(minX + 4, y, maxZ + 1).d).toBeLessThan(0);
    }
    expect(at(minX + 4, top - 1, midZ).d).toBe(24);
    expect(at(minX + 4, top, midZ).d).toBe(0);
    expect(at(minX + 4, top + 1, midZ).d).toBe(-24);
    expect(at(minX + 4, -1, midZ).m).toBe(MATERIAL_ID.rock);
  });

  it('topBound is an upper bound on solid y, and boxes above y = 20 are all air', () => {
    const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
    for (let cx = -3; cx <= 3; cx++) for (let cz = -2; cz <= 1; cz++) for (let cy = -1; cy <= 1; cy++) {
      const x0 = cx * CHUNK_SIZE - 1, y0 = cy * CHUNK_SIZE - 1, z0 = cz * CHUNK_SIZE - 1;
      const top = g.topBound(x0, z0, 34, 34);
      expect(top).toBeLessThanOrEqual(ARENA.groundY + ARENA.cliff.height);
      expect(g.fillBox(x0, y0, z0, 34, 34, 34, d, m)).toBe(top);
      let highest = -Infinity;
      for (let i = 0; i < FIELD_VOLUME; i++) if (d[i] > 0) highest = Math.max(highest, y0 + Math.floor(i / 34) % 34);
      expect(highest, `${cx},${cy},${cz}`).toBeLessThanOrEqual(top);
    }
    // The cliff's highest solid voxel is y = 19, and the bound sees it.
    expect(g.topBound(ARENA.cliff.minX + 1, 0, 1, 1)).toBeGreaterThanOrEqual(ARENA.cliff.height - 1);
    // Chunk row 1 (field y from 31) is above everything: the store takes the air fast path (no fillBox).
    const s = new VoxelStore(1, 'arena');
    let fills = 0;
    const fillBox = s.gen.fillBox;
    s.gen.fillBox = (...args) => { fills++; return fillBox(...args); };
    for (let cx = -3; cx <= 3; cx++) for (let cz = -3; cz <= 3; cz++) {
      s.readField(cx, 1, cz, d, m);
      expect(d.every((v) => v === -127)).toBe(true);
    }
    expect(fills).toBe(0);
    s.readField(-2, 0, 0, d, m);
    expect(fills).toBe(1);
  });

  it('is pointwise and deterministic: same (seed, kind) gives the same hashes; planet differs', () => {
    const a = new VoxelStore(9, 'arena'), b = new VoxelStore(9, 'arena'), p = new VoxelStore(9, 'planet');
    const chunks: Array<[number, number, number]> = [[0, -1, 0], [-2, 0, -1], [-2, 0, 0], [0, 0, -1], [3, -1, 3], [0, -2, 0]];
    for (const [cx, cy, cz] of chunks) expect(a.chunkHash(cx, cy, cz)).toBe(b.chunkHash(cx, cy, cz));
    const differ = chunks.filter(([cx, cy, cz]) => a.chunkHash(cx, cy, cz) !== p.chunkHash(cx, cy, cz));
    expect(differ.length).toBeGreaterThan(0);
    expect(a.chunkHash(0, -1, 0)).not.toBe(p.chunkHash(0, -1, 0));
    // A box equals the same voxels generated one by one (here around the cliff's corner).
    const gen = createArenaWorldgen(5);
    const d = new Int8Array(FIELD_VOLUME), m = new Uint8Array(FIELD_VOLUME);
    gen.fillBox(-45, -8, -30, 16, 32, 12, d, m);
    for (let i = 0; i < 16 * 32 * 12; i += 5) {
      const x = i % 16, y = Math.floor(i / 16) % 32, z = Math.floor(i / 512);
      gen.fillBox(-45 + x, -8 + y, -30 + z, 1, 1, 1, one, oneM);
      expect([one[0], oneM[0]]).toEqual([d[i], m[i]]);
    }
  });

  it('edits and replays work on the arena', () => {
    const a = new VoxelStore(2, 'arena'), b = new VoxelStore(2, 'arena');
    const edit = { position: { x: 0, y: 0, z: 0 }, radius: 4, strength: 10, operation: 'remove' as const };
    const before = a.chunkHash(0, -1, 0);
    expect(a.applyEdit(edit).voxelsModified).toBeGreaterThan(0);
    b.applyEdit(edit);
    expect(a.chunkHash(0, -1, 0)).not.toBe(before);
    expect(a.chunkHash(0, -1, 0)).toBe(b.chunkHash(0, -1, 0));
    expect(a.sample(0, -1, 0).density).toBeLessThanOrEqual(0);
  });
});
