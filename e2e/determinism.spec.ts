import { test, expect, openGame } from './helpers/game.ts';
import { api } from './helpers/api.ts';
import { PINNED_WORLDS, type PinnedChunk } from '../src/engine/pinned-hashes.fixture.ts';
import type { Page } from '@playwright/test';

// The same literal hashes the unit test pins (src/engine/pinned-hashes.test.ts), read here from the
// running game's terrain workers: the browser's engine gives the bytes Node's does. Only
// request() is used (the control API), and every step awaits an answer: no sleeps, no frame counts.

/** POST /terrain/sync answers the worker's chunkHash of one chunk. */
async function chunkHash(page: Page, c: PinnedChunk): Promise<string> {
  const r = await api<{ chunk_hash: string }>(page, 'POST', '/terrain/sync', { chunk_coords: { x: c.cx, y: c.cy, z: c.cz } });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.chunk_hash;
}

for (const w of PINNED_WORLDS) {
  test(`pinned chunk hashes of the ${w.kind} (seed ${w.seed}) match the unit test's, before and after the same edits`, async ({ page }) => {
    const { errors } = await openGame(page, w.query);

    for (const c of w.chunks) expect(await chunkHash(page, c), `before: ${c.name}`).toBe(c.before);

    for (const e of w.edits) {
      const r = await api<{ voxels_modified: number }>(page, 'POST', '/terrain/deform', e);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.voxels_modified, `${e.operation} at ${JSON.stringify(e.position)}`).toBeGreaterThan(0);
    }

    for (const c of w.chunks) expect(await chunkHash(page, c), `after: ${c.name}`).toBe(c.after);
    expect(errors).toEqual([]);
  });
}
