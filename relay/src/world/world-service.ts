/**
 * One shared world: takes edits (numbered and made durable by its EditBatcher), feeds the terrain
 * replica and the listeners in edit_seq order, folds the log into chunk snapshots, and answers
 * joiners and reconnecting clients.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ChunkCoords, ChunkPayload, SequencedEdit } from '../../../src/protocol/net/events.ts';
import { BrushEditSchema, type BrushEdit } from '../../../src/protocol/terrain.ts';
import type { Database } from '../db/schema.ts';
import type { WorldsRepo, WorldRow } from '../db/worlds-repo.ts';
import type { EditsRepo } from '../db/edits-repo.ts';
import type { ChunksRepo } from '../db/chunks-repo.ts';
import type { TerrainHost } from '../terrain/terrain-host.ts';
import type { AppliedLedger, TerrainRequest } from '../terrain/messages.ts';
import type { PlacementResult } from '../../../src/engine/base/placement.ts';

type TerrainRequestOf<K extends TerrainRequest['op']> = Extract<TerrainRequest, { op: K }>;
import { EditBatcher } from './edit-batcher.ts';
import { FoldGate } from './fold-gate.ts';
import { writeFold } from './fold-writer.ts';
import type { JoinManifest, WorldService } from './types.ts';

export interface WorldDeps {
  db: Kysely<Database>;
  worlds: WorldsRepo;
  edits: EditsRepo;
  chunks: ChunksRepo;
  host: TerrainHost;
  log: Logger;
  foldEveryEdits: number;
  foldEveryMs: number;
  retainEdits: number;
  /** At most this many edits in one answer to editsSince; the asker continues from the last one. */
  maxEditsPerAnswer: number;
}

const toCoords = (c: { cx: number; cy: number; cz: number }): ChunkCoords => ({ x: c.cx, y: c.cy, z: c.cz });

export class WorldServiceImpl implements WorldService {
  editSeq = 0;
  foldedSeq = 0;
  private readonly batcher: EditBatcher;
  private readonly listeners = new Set<(edits: SequencedEdit[]) => void>();
  private readonly appliedListeners = new Set<(ledgers: AppliedLedger[]) => void>();
  private readonly gate = new FoldGate(() => this.fold());
  private readonly timer: NodeJS.Timeout;
  private reloading: Promise<void> | null = null;

  constructor(readonly worldId: number, private readonly row: WorldRow, private readonly d: WorldDeps) {
    this.timer = setInterval(() => this.gate.maybe(this.editSeq > this.foldedSeq), d.foldEveryMs);
    this.timer.unref();
    this.batcher = new EditBatcher(worldId, d, () => this.editSeq, (edits) => this.committed(edits));
  }

  /**
   * (Re)builds the worker's replica from the database: snapshots, then the log after folded_seq.
   * Under the fold gate: a fold publishing and dropping superseded versions meanwhile would pull
   * snapshots out from under the read, and its own unpublished versions must not be dropped.
   */
  async load(raw = false): Promise<void> {
    const release = await this.gate.hold();
    try {
      const world = (await this.d.worlds.get(this.worldId)) ?? this.row;
      // A fold that was writing when the relay stopped never published: its versions go.
      await this.d.chunks.dropUnpublished(this.d.db, this.worldId, world.folded_seq);
      const [snapshots, log] = await Promise.all([this.d.chunks.all(this.worldId, world.folded_seq), this.d.edits.since(this.worldId, world.folded_seq)]);
      this.foldedSeq = world.folded_seq;
      this.editSeq = Math.max(this.editSeq, world.edit_seq, log.at(-1)?.edit_seq ?? 0);
      await this.d.host.call('open', {
        world_id: this.worldId, seed: world.seed, kind: world.kind, folded_seq: world.folded_seq,
        snapshots: snapshots.map(({ cx, cy, cz, data }) => ({ cx, cy, cz, data })), edits: log,
      }, raw);
    } finally {
      release();
    }
  }

  submit(edit: BrushEdit, playerId: string): Promise<SequencedEdit> {
    const parsed = BrushEditSchema.safeParse(edit);
    if (!parsed.success) return Promise.reject(new Error(`invalid edit: ${parsed.error.issues[0]?.message ?? 'invalid'}`));
    if (typeof playerId !== 'string' || playerId.length === 0 || playerId.length > 64) return Promise.reject(new Error('invalid player id'));
    return this.batcher.submit(parsed.data, playerId);
  }

  onEdits(listener: (edits: SequencedEdit[]) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** What each edit moved, once the replica has applied it (mining yields and build costs come from it). */
  onApplied(listener: (ledgers: AppliedLedger[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => { this.appliedListeners.delete(listener); };
  }

  /** Where a structure may stand on this world's terrain (the replica's placement check). */
  checkPlacement(req: Omit<TerrainRequestOf<'place_check'>, 'id' | 'op' | 'world_id'>): Promise<PlacementResult> {
    return this.d.host.call('place_check', { world_id: this.worldId, ...req });
  }

  /** Writes what is queued now; resolves once it is durable (or refused). */
  flush(): Promise<void> {
    return this.batcher.flush();
  }

  /** A durable batch, in edit_seq order: to the replica, then the listeners; maybe time to fold. */
  private committed(edits: SequencedEdit[]): void {
    this.editSeq = edits[edits.length - 1].edit_seq;
    // Sent now, in order; a failure (the worker died) rebuilds the replica from the database.
    this.d.host.call('apply', { world_id: this.worldId, edits }).then((r) => {
      if (r.ledgers.length) for (const l of this.appliedListeners) {
        try { l(r.ledgers); } catch (e) { this.d.log.error({ err: e }, 'onApplied listener threw'); }
      }
    }, (e: Error) => {
      this.d.log.warn({ err: e, world_id: this.worldId }, 'terrain apply failed; reloading the replica');
      void this.reload();
    });
    for (const l of this.listeners) {
      try { l(edits); } catch (e) { this.d.log.error({ err: e }, 'onEdits listener threw'); }
    }
    this.gate.maybe(this.editSeq - this.foldedSeq >= this.d.foldEveryEdits);
  }

  private reload(): Promise<void> {
    this.reloading ??= this.load().catch((e: Error) => this.d.log.error({ err: e, world_id: this.worldId }, 'replica reload failed'))
      .finally(() => { this.reloading = null; });
    return this.reloading;
  }

  /** Snapshots the replica's changed chunks and lands them as the world's new folded state (fold-writer.ts). */
  private async fold(): Promise<void> {
    try {
      const r = await this.d.host.call('fold', { world_id: this.worldId });
      if (r.folded_seq <= this.foldedSeq && r.chunks.length === 0) return;
      await writeFold(this.d, this.worldId, r);
      this.foldedSeq = r.folded_seq;
      await this.d.host.call('fold_done', { world_id: this.worldId, folded_seq: r.folded_seq });
      this.d.log.debug({ world_id: this.worldId, folded_seq: r.folded_seq, chunks: r.chunks.length }, 'folded');
    } catch (e) {
      // The worker keeps the chunks dirty until fold_done: the next fold writes them again.
      this.d.log.error({ err: e, world_id: this.worldId }, 'fold failed');
    }
  }

  async beginJoin(): Promise<JoinManifest> {
    const release = await this.gate.hold();
    try {
      const edited_chunks = await this.d.chunks.manifest(this.worldId, this.foldedSeq);
      return {
        folded_seq: this.foldedSeq, edit_seq: this.editSeq, edited_chunks,
        release: () => { release(); this.gate.maybe(this.editSeq - this.foldedSeq >= this.d.foldEveryEdits); },
      };
    } catch (e) {
      release();
      throw e;
    }
  }

  async storedChunk(coords: ChunkCoords): Promise<ChunkPayload | null> {
    // A short hold of its own: the row and folded_seq must come from the same fold.
    const release = await this.gate.hold();
    try {
      const c = await this.d.chunks.get(this.worldId, coords, this.foldedSeq);
      return c && { chunk_coords: { ...coords }, data: c.data, checksum: c.checksum, edit_seq: this.foldedSeq, reason: 'requested' };
    } finally {
      release();
    }
  }

  async currentChunk(coords: ChunkCoords, reason: 'repair' | 'sync'): Promise<ChunkPayload> {
    const r = await this.d.host.call('chunk', { world_id: this.worldId, cx: coords.x, cy: coords.y, cz: coords.z });
    return { chunk_coords: { ...coords }, data: r.data, checksum: r.checksum, edit_seq: r.edit_seq, reason };
  }

  /**
   * The edits after sinceSeq in order, at most maxEditsPerAnswer of them (the oldest): an asker that
   * got fewer than edit_seq - sinceSeq asks again from the last one it got (a page does so on the
   * next gap it sees). 'resync' if the first one was folded away and pruned.
   */
  async editsSince(sinceSeq: number): Promise<SequencedEdit[] | 'resync'> {
    if (!Number.isInteger(sinceSeq) || sinceSeq < 0 || sinceSeq > this.editSeq) return 'resync';
    if (sinceSeq === this.editSeq) return [];
    const edits = await this.d.edits.since(this.worldId, sinceSeq, this.d.maxEditsPerAnswer);
    // The first one after sinceSeq was pruned: the client must fetch chunks instead.
    return edits.length > 0 && edits[0].edit_seq === sinceSeq + 1 ? edits : 'resync';
  }

  async verify(editSeq: number, chunks: Array<{ chunk_coords: ChunkCoords; checksum: string }>): Promise<ChunkCoords[]> {
    const r = await this.d.host.call('verify', {
      world_id: this.worldId, edit_seq: editSeq,
      chunks: chunks.map((c) => ({ cx: c.chunk_coords.x, cy: c.chunk_coords.y, cz: c.chunk_coords.z, checksum: c.checksum })),
    });
    return r.mismatches.map(toCoords);
  }

  /** Folds now unless a join holds it, and waits for it: for tests and shutdown paths. */
  async foldNow(): Promise<void> {
    this.gate.maybe(this.editSeq > this.foldedSeq);
    await this.gate.settled();
  }

  /** Writes what is queued, folds everything, and stops the timer. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    // The final fold ignores holds; a replica reload (which drops unpublished versions) must be over.
    await this.reloading;
    await this.gate.closeWith(() => this.fold());
  }
}
