import { afterEach, describe, expect, it } from 'vitest';
import { TerrainHost } from './terrain-host.ts';
import { surfaceEdits } from '../test/fixtures.ts';

const SEED = 1337;
const edits = surfaceEdits(SEED, 4).map((e, i) => ({ ...e, edit_seq: i + 1, player_id: 'guest_abcdef' }));
let host: TerrainHost | null = null;
afterEach(async () => { await host?.stop(); host = null; });

describe('terrain host (a real worker thread)', () => {
  it('answers typed calls, refuses bad messages at the worker door, and keeps the world intact', async () => {
    host = new TerrainHost();
    await host.call('open', { world_id: 3, seed: SEED, kind: 'planet', folded_seq: 0, snapshots: [], edits: edits.slice(0, 2) });
    const c = edits[0].position;
    const coords = { world_id: 3, cx: Math.floor(c.x / 32), cy: Math.floor(c.y / 32), cz: Math.floor(c.z / 32) };
    const before = await host.call('chunk', coords);
    expect(before.edit_seq).toBe(2);
    expect(before.data).toBeInstanceOf(Uint8Array);
    await expect(host.callUnchecked({ op: 'apply', world_id: 3, edits: [{ ...edits[2], operation: 'explode' }] })).rejects.toThrow(/operation/);
    await expect(host.callUnchecked({ op: 'rm -rf', world_id: 3 })).rejects.toThrow();
    await expect(host.call('apply', { world_id: 3, edits: [edits[3]] })).rejects.toThrow(/does not follow/);
    expect(await host.call('chunk', coords)).toMatchObject({ checksum: before.checksum, edit_seq: 2 });
    expect(host.alive).toBe(true);
  });

  it('replaces a dead worker and re-opens worlds before serving calls', async () => {
    let reopened = 0;
    host = new TerrainHost({
      onRestart: async (h) => {
        reopened++;
        await h.call('open', { world_id: 3, seed: SEED, kind: 'planet', folded_seq: 0, snapshots: [], edits }, true);
      },
    });
    await host.call('open', { world_id: 3, seed: SEED, kind: 'planet', folded_seq: 0, snapshots: [], edits });
    await host.crashForTest();
    // The call waits for the re-open, then sees the whole log.
    expect(await host.call('apply', { world_id: 3, edits: [edits[3]] })).toEqual({ edit_seq: 4, ledgers: [] }); // already in the re-opened log: nothing new applied
    expect(reopened).toBe(1);
    expect(host.alive).toBe(true);
  });
});
