import { describe, expect, it } from 'vitest';
import { ChunkStreamer, type ChunkSink } from './chunk-streamer.ts';
import type { TerrainPool } from './terrain-pool.ts';
import type { BrushEdit, ChunkMesh, EditOutcome } from '../protocol/terrain.ts';
import type { Result } from '../protocol/errors.ts';
import { chunkKey } from '../engine/chunk-key.ts';

const mesh = (cx: number, cy: number, cz: number, version: number): ChunkMesh => ({
  cx, cy, cz, version, buried: false,
  positions: new Float32Array(9), normals: new Float32Array(9), materials: new Float32Array(3), indices: new Uint32Array([0, 1, 2]),
  collision: null, collisionFill: -127,
});

/** Records what the streamer asks of the pool; edits answer with a fixed outcome. */
function fakePool(outcome: Result<EditOutcome>) {
  const requested: number[] = [];
  const editOptions: unknown[] = [];
  const pool = {
    request: (key: number) => void requested.push(key),
    retain: () => undefined,
    pump: () => undefined,
    isInflight: () => false,
    applyEdit: async (_edit: BrushEdit, options?: unknown) => { editOptions.push(options); return outcome; },
  };
  return { pool: pool as unknown as TerrainPool, requested, editOptions };
}

function recordingSink() {
  const applied: number[][] = [];
  const sink: ChunkSink = { apply: (ms) => void applied.push(ms.map((m) => chunkKey(m.cx, m.cy, m.cz))), remove: () => undefined };
  return { sink, applied };
}

const viewer = { x: 16, y: 16, z: 16, dx: 0, dy: 0, dz: -1 };
/** Any valid edit: the fake pool answers every edit with its fixed outcome. */
const EDIT: BrushEdit = { position: { x: 16, y: 16, z: 16 }, radius: 2, strength: 1, operation: 'remove' };

describe('ChunkStreamer', () => {
  it('requests the chunks around the viewer, nearest first', () => {
    const { pool, requested } = fakePool({ ok: true, value: { voxelsModified: 0, touched: [], sequence: 1 } });
    const streamer = new ChunkStreamer(pool, recordingSink().sink);
    streamer.viewDistance = 64;
    streamer.update(0, viewer);
    expect(requested).toContain(chunkKey(0, 0, 0));
    expect(streamer.progress().wanted).toBe(requested.length);
  });

  it('swaps every chunk an edit touched in one apply, and drops stale meshes', async () => {
    const touched = [0, 0, 0, 1, 0, 0, 0, 0, 1];
    const { pool } = fakePool({ ok: true, value: { voxelsModified: 40, touched, sequence: 1 } });
    const { sink, applied } = recordingSink();
    const streamer = new ChunkStreamer(pool, sink);
    streamer.viewDistance = 64;
    streamer.update(0, viewer);
    for (const [cx, cy, cz] of [[0, 0, 0], [1, 0, 0], [0, 0, 1]]) streamer.onMesh(mesh(cx, cy, cz, 0));
    applied.length = 0;

    const { result, landed } = await streamer.edit(EDIT);
    expect(result.ok).toBe(true);
    let done = false;
    void landed.then(() => (done = true));
    streamer.onMesh(mesh(0, 0, 0, 0)); // made before the edit: stale, dropped
    streamer.onMesh(mesh(0, 0, 0, 1));
    streamer.onMesh(mesh(1, 0, 0, 1));
    expect(applied).toEqual([]); // still waiting for 0,0,1: old meshes stay, no hole
    streamer.onMesh(mesh(0, 0, 1, 1));
    await landed;
    expect(done).toBe(true);
    expect(applied).toEqual([[chunkKey(0, 0, 0), chunkKey(1, 0, 0), chunkKey(0, 0, 1)]]);
  });

  it('passes the edit options to the pool and hands back what the edit moved', async () => {
    const moved = { removed: [0, 127], added: [0, 0] };
    const { pool, editOptions } = fakePool({ ok: true, value: { voxelsModified: 1, touched: [], sequence: 1, moved } });
    const streamer = new ChunkStreamer(pool, recordingSink().sink);
    const { result } = await streamer.edit(EDIT, { moved: true });
    expect(result.ok && result.value.moved).toEqual(moved);
    await streamer.edit(EDIT);
    expect(editOptions).toEqual([{ moved: true }, undefined]);
  });

  it('a rejected edit changes nothing and requests nothing', async () => {
    const { pool, requested } = fakePool({ ok: false, error: { code: 'INVALID_PARAMETER', message: 'radius: too big' } });
    const streamer = new ChunkStreamer(pool, recordingSink().sink);
    const { result } = await streamer.edit({ ...EDIT, radius: 1e9 });
    expect(result.ok).toBe(false);
    expect(requested).toEqual([]);
  });

  it('an edit answered after a world reset is refused and leaves the new world alone', async () => {
    const { pool } = fakePool({ ok: true, value: { voxelsModified: 5, touched: [0, 0, 0], sequence: 7 } });
    const { sink, applied } = recordingSink();
    const streamer = new ChunkStreamer(pool, sink);
    streamer.viewDistance = 64;
    streamer.update(0, viewer);
    const pending = streamer.edit(EDIT);
    streamer.reset(); // a scene load lands while the workers still apply the edit
    const { result, landed } = await pending;
    expect(!result.ok && result.error.code).toBe('SERVICE_UNAVAILABLE');
    await landed;
    // The new world's first mesh (version 0) is accepted: no stale 'required' version blocks it.
    streamer.update(1000, viewer);
    streamer.onMesh(mesh(0, 0, 0, 0));
    expect(applied.flat()).toContain(chunkKey(0, 0, 0));
    expect(streamer.isShown(chunkKey(0, 0, 0))).toBe(true);
  });
});
