import { describe, expect, it } from 'vitest';
import { createTerrainApi } from '../engine/terrain-service.ts';
import { TerrainRaycaster, emptyHit } from './terrain-raycast.ts';
import { chunkKey } from '../engine/chunk-key.ts';

/** Meshes a block of real chunks (seed 1337 around the origin) into a raycaster. */
function worldRaycaster() {
  const api = createTerrainApi();
  api.init({ seed: 1337 });
  const rc = new TerrainRaycaster();
  for (let cx = -2; cx <= 1; cx++) for (let cz = -2; cz <= 1; cz++) for (let cy = -2; cy <= 4; cy++) {
    const r = api.meshChunk({ cx, cy, cz });
    if (r.ok && r.value.indices.length > 0) rc.set(chunkKey(cx, cy, cz), r.value);
  }
  return { api, rc };
}

describe('TerrainRaycaster', () => {
  const { api, rc } = worldRaycaster();

  it('hits the ground straight down, where the density crosses zero', () => {
    const column = api.columnInfo({ x: 10, z: 10 });
    if (!column.ok) throw new Error('no column');
    const hit = rc.cast(10.3, column.value.height + 20, 10.3, 0, -1, 0, 64, emptyHit());
    expect(hit.hit).toBe(true);
    const below = api.info({ x: hit.x, y: hit.y - 0.5, z: hit.z });
    const above = api.info({ x: hit.x, y: hit.y + 0.5, z: hit.z });
    expect(below.ok && below.value.density).toBeGreaterThan(0);
    expect(above.ok && above.value.density).toBeLessThanOrEqual(0);
    expect(hit.ny).toBeGreaterThan(0);
  });

  it('hits along a chunk boundary, where the ray runs exactly on x = 0', () => {
    const hit = rc.cast(0, 69.28, 0, 0, -0.8660254, -0.5, 64, emptyHit());
    expect(hit.hit).toBe(true);
    expect(hit.distance).toBeLessThan(30);
  });

  it('misses when pointing at the sky', () => {
    const hit = rc.cast(5, 200, 5, 0, 1, 0, 64, emptyHit());
    expect(hit.hit).toBe(false);
  });
});
