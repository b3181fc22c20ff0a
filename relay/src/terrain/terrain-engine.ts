/**
 * The relay's authoritative voxel replicas, one VoxelStore per open world, behind a message door.
 * Pure apart from node:crypto, so tests drive it in-process; terrain.worker.ts only moves messages.
 *
 * Per world it tracks, besides the store:
 *  - seq: the last applied edit (edits arrive in order; a repeat is skipped, a gap refused);
 *  - dirty: materialised chunks changed since they were last folded, with the seq that last changed
 *    them, so a fold whose database write fails is simply folded again next time;
 *  - hashes: for sampled edits (edit_seq % CHECKSUM_SAMPLE === 0), the SHA-256 of every chunk the edit
 *    touched, right after it, which is what a client reports for that edit.
 */
import { createHash } from 'node:crypto';
import { VoxelStore } from '../../../src/engine/voxel-store.ts';
import { clearEditLedger, createEditLedger } from '../../../src/engine/mining/edit-ledger.ts';
import { checkPlacement } from '../../../src/engine/base/placement.ts';
import { densityGroundProbe } from '../../../src/engine/base/ground-probe.ts';
import { sampleTrilinear } from '../../../src/engine/terrain-probe.ts';
import { WORLD_BOUNDS } from '../../../src/protocol/world.ts';

const WORLD_HEIGHT_M = WORLD_BOUNDS.maxY - WORLD_BOUNDS.minY;
import { CHUNK_BYTES, chunkBytes, decodeChunk, encodeChunk } from '../../../src/engine/chunk-codec.ts';
import { chunkKey, keyToCoord } from '../../../src/engine/chunk-key.ts';
import { chunkInWorld } from '../../../src/protocol/terrain.ts';
import { CHECKSUM_SAMPLE } from '../../../src/protocol/net/limits.ts';
import { fail, ok, zodFailure, type Result } from '../../../src/protocol/errors.ts';
import { TerrainRequestSchema, type AppliedLedger, type SequencedEditInput, type TerrainRequest, type TerrainResponse, type TerrainResults } from './messages.ts';

/** Sampled edits whose hashes are kept: 256 × 16 = the last 4096 edits can be verified. */
export const KEPT_SAMPLES = 256;

interface WorldReplica {
  store: VoxelStore;
  seq: number;
  dirty: Map<number, number>;
  hashes: Map<number, Map<number, string>>;
}

const scratch = new Uint8Array(CHUNK_BYTES);
const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function createTerrainEngine() {
  const worlds = new Map<number, WorldReplica>();

  const ledger = createEditLedger();

  /** Applies one edit; with `ledgers`, records what it moved (mining and building are paid from it). */
  function applyOne(w: WorldReplica, e: SequencedEditInput, ledgers?: AppliedLedger[]): void {
    if (ledgers) clearEditLedger(ledger);
    const { touched } = w.store.applyEdit({ position: e.position, radius: e.radius, strength: e.strength, operation: e.operation }, ledgers ? ledger : undefined);
    if (ledgers) ledgers.push({ edit_seq: e.edit_seq, player_id: e.player_id, removed: Array.from(ledger.removed), added: Array.from(ledger.added) });
    w.seq = e.edit_seq;
    const sampled = e.edit_seq % CHECKSUM_SAMPLE === 0 ? new Map<number, string>() : null;
    for (let i = 0; i < touched.length; i += 3) {
      const key = chunkKey(touched[i], touched[i + 1], touched[i + 2]);
      // Only materialised chunks differ from generation; a touched apron neighbour may not.
      if (w.store.chunk(touched[i], touched[i + 1], touched[i + 2])) w.dirty.set(key, e.edit_seq);
      if (sampled) sampled.set(key, sha256Hex(chunkBytes(w.store, touched[i], touched[i + 1], touched[i + 2], scratch)));
    }
    if (sampled) {
      w.hashes.set(e.edit_seq, sampled);
      if (w.hashes.size > KEPT_SAMPLES) w.hashes.delete(w.hashes.keys().next().value as number);
    }
  }

  /** Edits must continue the world's sequence; checked before any is applied so a bad batch changes nothing. */
  function checkOrder(seq: number, edits: readonly SequencedEditInput[]): Result<SequencedEditInput[]> {
    const fresh = edits.filter((e) => e.edit_seq > seq);
    for (let i = 0; i < fresh.length; i++) {
      if (fresh[i].edit_seq !== seq + 1 + i) return fail('INVALID_PARAMETER', `edit ${fresh[i].edit_seq} does not follow ${seq + i}`);
    }
    return ok(fresh);
  }

  function run(req: TerrainRequest): Result<TerrainResults[TerrainRequest['op']]> {
    if (req.op === 'open') {
      const loaded: Array<[number, number, number, Uint8Array]> = [];
      for (const s of req.snapshots) {
        const bytes = decodeChunk(s.data);
        if (!bytes.ok) return fail('INVALID_PARAMETER', `snapshot ${s.cx},${s.cy},${s.cz}: ${bytes.error.message}`);
        loaded.push([s.cx, s.cy, s.cz, bytes.value]);
      }
      const order = checkOrder(req.folded_seq, req.edits);
      if (!order.ok) return order;
      const w: WorldReplica = { store: new VoxelStore(req.seed, req.kind), seq: req.folded_seq, dirty: new Map(), hashes: new Map() };
      for (const [cx, cy, cz, bytes] of loaded) w.store.loadChunk(cx, cy, cz, bytes);
      for (const e of order.value) applyOne(w, e);
      worlds.set(req.world_id, w);
      return ok({ edit_seq: w.seq, chunks: loaded.length });
    }
    const w = worlds.get(req.world_id);
    if (!w) return fail('RESOURCE_NOT_FOUND', `world ${req.world_id} is not open`);
    switch (req.op) {
      case 'apply': {
        const order = checkOrder(w.seq, req.edits);
        if (!order.ok) return order;
        const ledgers: AppliedLedger[] = [];
        for (const e of order.value) applyOne(w, e, ledgers);
        return ok({ edit_seq: w.seq, ledgers });
      }
      case 'fold': {
        const chunks = [...w.dirty.keys()].sort((a, b) => a - b).map((key) => {
          const [cx, cy, cz] = keyToCoord(key);
          const bytes = chunkBytes(w.store, cx, cy, cz, scratch);
          return { cx, cy, cz, checksum: sha256Hex(bytes), data: encodeChunk(bytes) };
        });
        return ok({ folded_seq: w.seq, chunks });
      }
      case 'fold_done':
        for (const [key, seq] of w.dirty) if (seq <= req.folded_seq) w.dirty.delete(key);
        return ok({ dirty: w.dirty.size });
      case 'chunk': {
        if (!chunkInWorld(req.cx, req.cy, req.cz)) return fail('INVALID_PARAMETER', 'chunk is outside the world');
        const bytes = chunkBytes(w.store, req.cx, req.cy, req.cz, scratch);
        return ok({ data: encodeChunk(bytes), checksum: sha256Hex(bytes), edit_seq: w.seq });
      }
      case 'verify': {
        const kept = w.hashes.get(req.edit_seq);
        if (!kept) return ok({ verifiable: false, mismatches: [] });
        // A chunk the relay did not see the edit touch cannot be judged; only known hashes can mismatch.
        const mismatches = req.chunks.filter((c) => {
          const h = kept.get(chunkKey(c.cx, c.cy, c.cz));
          return h !== undefined && h !== c.checksum;
        }).map(({ cx, cy, cz }) => ({ cx, cy, cz }));
        return ok({ verifiable: true, mismatches });
      }
      case 'place_check': {
        // POST /base/place snaps from wherever it is given, so the search spans the world's height (1 m steps, then interpolated).
        const probe = densityGroundProbe((x, y, z) => sampleTrilinear(w.store, x, y, z).density, WORLD_HEIGHT_M, 1);
        return ok(checkPlacement({ type: req.type, position: req.position, yaw: req.yaw }, probe, req.nearby));
      }
      case 'close':
        return ok({ closed: worlds.delete(req.world_id) });
    }
  }

  return {
    /** Parses and runs one request; never throws. */
    handle(message: unknown): TerrainResponse {
      const id = typeof message === 'object' && message !== null && Number.isInteger((message as { id?: unknown }).id)
        ? (message as { id: number }).id : -1;
      const parsed = TerrainRequestSchema.safeParse(message);
      if (!parsed.success) {
        const r = zodFailure(parsed.error, { input: message });
        return { id, ok: false, error: r.ok ? { code: 'INVALID_PARAMETER', message: 'invalid' } : r.error };
      }
      try {
        const r = run(parsed.data);
        return r.ok ? { id, ok: true, value: r.value } : { id, ok: false, error: r.error };
      } catch (e) {
        return { id, ok: false, error: { code: 'INTERNAL_ERROR', message: (e as Error).message } };
      }
    },
    /** For tests and health: the worker's view of a world. */
    seqOf(worldId: number): number | undefined { return worlds.get(worldId)?.seq; },
    chunkHash(worldId: number, cx: number, cy: number, cz: number): string | undefined { return worlds.get(worldId)?.store.chunkHash(cx, cy, cz); },
  };
}

export type TerrainEngine = ReturnType<typeof createTerrainEngine>;
