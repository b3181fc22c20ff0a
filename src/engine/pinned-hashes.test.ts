import { describe, expect, it } from 'vitest';
import { createTerrainApi } from './terrain-service.ts';
import { VoxelStore } from './voxel-store.ts';
import { PINNED_ARENA, PINNED_PLANET, PINNED_WORLDS, type PinnedWorld } from './pinned-hashes.fixture.ts';

/** The worker's own API (terrain-service), started as a worker is: init(seed, kind). */
function worldApi(w: PinnedWorld) {
  const api = createTerrainApi();
  const r = api.init({ seed: w.seed, kind: w.kind });
  if (!r.ok) throw new Error(r.error.message);
  return api;
}

function hash(api: ReturnType<typeof createTerrainApi>, c: { cx: number; cy: number; cz: number }): string {
  const r = api.chunkHash({ cx: c.cx, cy: c.cy, cz: c.cz });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('pinned chunk hashes (literal values: any change to generation or brushes shows here)', () => {
  for (const w of PINNED_WORLDS) {
    describe(`${w.kind} seed ${w.seed}`, () => {
      it('unedited chunks hash to the pinned values', () => {
        const api = worldApi(w);
        for (const c of w.chunks) expect(hash(api, c), c.name).toBe(c.before);
      });

      it('the fixed edits change every pinned chunk to its pinned after-value', () => {
        const api = worldApi(w);
        w.edits.forEach((e, i) => {
          const r = api.applyEdit(e);
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.sequence).toBe(i + 1);
          expect(r.value.voxelsModified, `${e.operation} at ${JSON.stringify(e.position)}`).toBeGreaterThan(0);
        });
        for (const c of w.chunks) {
          expect(c.after, c.name).not.toBe(c.before);
          expect(hash(api, c), c.name).toBe(c.after);
        }
      });

      it('a replayed log (a replacement worker) and a different read order give the same hashes', () => {
        const api = worldApi(w);
        // Read every pinned chunk and its neighbours first, in reverse order, then replay.
        for (const c of [...w.chunks].reverse()) for (let d = -1; d <= 1; d++) hash(api, { cx: c.cx + d, cy: c.cy, cz: c.cz - d });
        const r = api.replay(w.edits);
        expect(r.ok && r.value.editCount).toBe(w.edits.length);
        for (const c of w.chunks) expect(hash(api, c), c.name).toBe(c.after);
      });
    });
  }

  it('the chunks are what the fixture says they are', () => {
    const planet = new VoxelStore(PINNED_PLANET.seed, 'planet');
    const centre = (c: { cx: number; cz: number }) => planet.columnInfo(c.cx * 32 + 16, c.cz * 32 + 16);
    const [plains, mountains, cave] = PINNED_PLANET.chunks;
    expect(centre(plains).biome).toBe('plains');
    expect(centre(mountains).biome).toBe('mountains');
    // The surface crosses both surface chunks' y range.
    for (const c of [plains, mountains]) {
      const h = centre(c).height;
      expect(h).toBeGreaterThan(c.cy * 32);
      expect(h).toBeLessThan(c.cy * 32 + 32);
    }
    // The cave chunk lies wholly under the ground, yet holds air.
    let air = 0, lowest = Infinity;
    for (let z = 0; z < 32; z++) for (let x = 0; x < 32; x++) {
      lowest = Math.min(lowest, planet.columnInfo(cave.cx * 32 + x, cave.cz * 32 + z).height);
      for (let y = 0; y < 32; y++) if (planet.sample(cave.cx * 32 + x, cave.cy * 32 + y, cave.cz * 32 + z).density <= 0) air++;
    }
    expect(lowest).toBeGreaterThan(cave.cy * 32 + 32 + 4);
    expect(air).toBeGreaterThan(1000);
    // The arena chunk holds part of the hill: solid voxels above the flat ground (y >= 0).
    const arena = new VoxelStore(PINNED_ARENA.seed, 'arena');
    expect(arena.sample(20, 2, 2).density).toBeGreaterThan(0);
  });
});
