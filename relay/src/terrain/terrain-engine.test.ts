import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { VoxelStore } from '../../../src/engine/voxel-store.ts';
import { chunkBytes, decodeChunk } from '../../../src/engine/chunk-codec.ts';
import { CHECKSUM_SAMPLE } from '../../../src/protocol/net/limits.ts';
import { createTerrainEngine } from './terrain-engine.ts';
import type { TerrainResponse, TerrainResults } from './messages.ts';
import { surfaceEdits } from '../test/fixtures.ts';

const SEED = 1337;
const edits = surfaceEdits(SEED, 20).map((e, i) => ({ ...e, edit_seq: i + 1, player_id: 'guest_abcdef' }));
/** A fold's answer, or a test failure. */
function folded(r: TerrainResponse): TerrainResults['fold'] {
  if (!r.ok || !('folded_seq' in r.value)) throw new Error('fold failed');
  return r.value;
}
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function opened() {
  const engine = createTerrainEngine();
  let id = 0;
  const call = (m: Record<string, unknown>) => engine.handle({ id: ++id, ...m });
  const r = call({ op: 'open', world_id: 1, seed: SEED, kind: 'planet', folded_seq: 0, snapshots: [], edits: [] });
  expect(r.ok).toBe(true);
  return { engine, call };
}

describe('terrain engine', () => {
  it('applies in order, folds changed chunks and verifies sampled hashes like the page engine', () => {
    const { engine, call } = opened();
    const ref = new VoxelStore(SEED);
    let touched: number[] = [];
    for (const e of edits.slice(0, CHECKSUM_SAMPLE)) touched = ref.applyEdit(e).touched;
    expect(call({ op: 'apply', world_id: 1, edits: edits.slice(0, CHECKSUM_SAMPLE) })).toMatchObject({ ok: true, value: { edit_seq: 16 } });

    // Sampled edit 16: correct hashes pass, a wrong one is reported; an unsampled seq is not verifiable.
    const report = [];
    for (let i = 0; i < touched.length; i += 3) report.push({ cx: touched[i], cy: touched[i + 1], cz: touched[i + 2], checksum: ref.chunkHash(touched[i], touched[i + 1], touched[i + 2]) });
    expect(call({ op: 'verify', world_id: 1, edit_seq: 16, chunks: report })).toMatchObject({ ok: true, value: { verifiable: true, mismatches: [] } });
    const bad = report.map((c, i) => (i === 0 ? { ...c, checksum: '0'.repeat(64) } : c));
    expect(call({ op: 'verify', world_id: 1, edit_seq: 16, chunks: bad })).toMatchObject({ ok: true, value: { mismatches: [{ cx: report[0].cx, cy: report[0].cy, cz: report[0].cz }] } });
    expect(call({ op: 'verify', world_id: 1, edit_seq: 15, chunks: bad })).toMatchObject({ ok: true, value: { verifiable: false, mismatches: [] } });

    const fold = folded(call({ op: 'fold', world_id: 1 }));
    expect(fold.folded_seq).toBe(16);
    expect(fold.chunks.length).toBeGreaterThan(0);
    for (const c of fold.chunks) {
      const bytes = decodeChunk(c.data);
      if (!bytes.ok) throw new Error(bytes.error.message);
      expect(sha(bytes.value)).toBe(c.checksum);
      expect(c.checksum).toBe(ref.chunkHash(c.cx, c.cy, c.cz));
    }
    // Folded and acknowledged: nothing dirty until the next edit.
    call({ op: 'fold_done', world_id: 1, folded_seq: 16 });
    expect(call({ op: 'fold', world_id: 1 })).toMatchObject({ ok: true, value: { chunks: [] } });
    expect(engine.seqOf(1)).toBe(16);
  });

  it('reopens from snapshots plus the log to the same state', () => {
    const { call } = opened();
    call({ op: 'apply', world_id: 1, edits: edits.slice(0, 12) });
    const snapshots = folded(call({ op: 'fold', world_id: 1 })).chunks.map(({ cx, cy, cz, data }) => ({ cx, cy, cz, data }));
    call({ op: 'apply', world_id: 1, edits: edits.slice(12) });

    const b = createTerrainEngine();
    // The log may still hold folded entries: they are skipped, not applied twice.
    expect(b.handle({ id: 1, op: 'open', world_id: 1, seed: SEED, kind: 'planet', folded_seq: 12, snapshots, edits: edits.slice(8) }))
      .toMatchObject({ ok: true, value: { edit_seq: 20, chunks: snapshots.length } });
    const ref = new VoxelStore(SEED);
    for (const e of edits) ref.applyEdit(e);
    for (const s of snapshots) {
      const r = b.handle({ id: 2, op: 'chunk', world_id: 1, cx: s.cx, cy: s.cy, cz: s.cz });
      expect(r).toMatchObject({ ok: true, value: { checksum: ref.chunkHash(s.cx, s.cy, s.cz), edit_seq: 20 } });
    }
    expect(sha(chunkBytes(ref, 0, 0, 0))).toBe(ref.chunkHash(0, 0, 0));
  });

  it('refuses bad input at the door and changes nothing', () => {
    const { engine, call } = opened();
    call({ op: 'apply', world_id: 1, edits: edits.slice(0, 3) });
    const c = edits[0].position;
    const [cx, cy, cz] = [Math.floor(c.x / 32), Math.floor(c.y / 32), Math.floor(c.z / 32)];
    const before = engine.chunkHash(1, cx, cy, cz);
    const bad: unknown[] = [
      null, 42, 'apply', {}, { op: 'nope', world_id: 1 },
      { op: 'apply', world_id: 1, edits: [] },
      { op: 'apply', world_id: 1, edits: [{ ...edits[3], radius: -1 }] },
      { op: 'apply', world_id: 1, edits: [{ ...edits[3], position: { x: NaN, y: 0, z: 0 } }] },
      { op: 'apply', world_id: 1, edits: [{ ...edits[3], extra: true }] },
      // A gap: edit 5 without 4. Nothing of the batch is applied, not even the valid edit 4 first.
      { op: 'apply', world_id: 1, edits: [edits[3], edits[5]] },
      { op: 'apply', world_id: 2, edits: [edits[3]] },
      { op: 'chunk', world_id: 1, cx: 0.5, cy: 0, cz: 0 },
      { op: 'verify', world_id: 1, edit_seq: 16, chunks: [{ cx: 0, cy: 0, cz: 0, checksum: 'xyz' }] },
      { op: 'open', world_id: 1, seed: SEED, kind: 'planet', folded_seq: 0, snapshots: [{ cx: 0, cy: 0, cz: 0, data: new Uint8Array([1, 2, 3]) }], edits: [] },
    ];
    for (const m of bad) {
      const r = engine.handle(typeof m === 'object' && m !== null ? { id: 9, ...m } : m);
      expect(r.ok).toBe(false);
    }
    expect(engine.seqOf(1)).toBe(3);
    expect(engine.chunkHash(1, cx, cy, cz)).toBe(before);
    expect(call({ op: 'apply', world_id: 1, edits: [edits[3]] })).toMatchObject({ ok: true, value: { edit_seq: 4 } });
  });
});
