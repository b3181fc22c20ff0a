/**
 * The shared world's terrain on this page: join, build the replicas from the relay's chunk
 * snapshots and the edits after them, then follow the world edit by edit in the relay's order
 * (EditSequencer), repair chunks the relay resends, report checksums of sampled edits, and resume
 * after an outage from the last applied sequence number (or rebuild when the relay folded past it).
 */
import { fail, ok, type Result } from '../protocol/errors.ts';
import type { BrushEdit, EditOutcome } from '../protocol/terrain.ts';
import type { ChunkCoords, ChunkPayload, JoinResult } from '../protocol/net/events.ts';
import { CHECKSUM_SAMPLE } from '../protocol/net/limits.ts';
import type { NetStore } from '../state/net-store.ts';
import { EditSequencer } from './edit-sequencer.ts';
import { call, type RelaySocket } from './ack.ts';
import { fetchChunks, nearestFirst } from './snapshot-fetch.ts';
import { reportChecksums } from './checksum-report.ts';
import type { Applied, TerrainReplica } from './terrain-replica.ts';

/** A join's chunk list stays valid while the relay holds its fold for us (60 s); use it well within. */
const FRESH_JOIN_MS = 30_000;

export type DeformOutcome = EditOutcome & { editSeq: number | null };

export class WorldSession {
  join: JoinResult | null = null;
  /** The replicas follow the shared world (its scene is running). */
  attached = false;
  readonly sequencer: EditSequencer<Applied<EditOutcome>>;
  private socket: RelaySocket | null = null;
  private fresh: { join: JoinResult; at: number } | null = null;
  private installs: Array<Promise<unknown>> = [];
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: NetStore,
    private readonly replica: TerrainReplica,
    /** The relay folded past us: rebuild the world from snapshots (the game reloads the scene). */
    private readonly resync: () => void,
  ) {
    this.sequencer = new EditSequencer<Applied<EditOutcome>>({
      apply: (edit) => replica.edit(edit),
      requestSince: (since) => void this.requestSince(since),
      applied: (seq, edit, done) => {
        this.last = done;
        this.store.setState({ editSeq: seq });
        if (seq % CHECKSUM_SAMPLE === 0 && this.socket) reportChecksums(this.socket, this.replica, seq, edit);
      },
    });
  }

  /** Listens to a new socket's terrain events. */
  bind(socket: RelaySocket): void {
    // socket.io reconnects the same socket object: its listeners carry over.
    if (this.socket === socket) return;
    this.socket = socket;
    socket.on('sync_terrain_deform', (edit) => {
      if (this.attached || this.sequencer.holding) this.sequencer.receive(edit);
    });
    socket.on('receive_terrain_chunk', (chunk) => this.onChunk(chunk));
  }

  /** join_world: `worldId` or the relay's default. Edits wait in the sequencer until enter(). */
  async joinWorld(socket: RelaySocket, worldId?: number): Promise<JoinResult> {
    const r = await call(socket, 'join_world', worldId === undefined ? {} : { world_id: worldId });
    if (!r.ok) throw new Error(`could not join the world: ${r.error.error}`);
    this.join = r.value;
    this.sequencer.self = r.value.player_id;
    this.fresh = { join: r.value, at: performance.now() };
    if (!this.attached) this.sequencer.hold();
    this.store.setState({ world: r.value.world });
    return r.value;
  }

  /**
   * Builds the replicas (the pool was just reset to the world's seed): installs every edited chunk,
   * nearest the spawn first, then the edits after them; resolves once all are applied.
   */
  async enter(x: number, z: number): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.join) throw new Error('not in a shared world');
    const fresh = this.fresh && performance.now() - this.fresh.at < FRESH_JOIN_MS ? this.fresh.join : null;
    this.fresh = null;
    this.sequencer.hold();
    const join = fresh ?? (await this.joinWorld(socket, this.join.world.world_id));
    this.fresh = null;
    this.attached = true;
    this.installs = [];
    await fetchChunks(socket, nearestFirst(join.edited_chunks, x, z).map((c) => c.chunk_coords));
    await Promise.all(this.installs);
    this.sequencer.startAt(join.folded_seq);
    this.store.setState({ editSeq: join.folded_seq });
    const edits = await call(socket, 'request_terrain_edits', { since_seq: join.folded_seq });
    if (!edits.ok) throw new Error(`could not read the world's edits: ${edits.error.error}`);
    this.sequencer.answered(edits.value.edits);
    await this.last;
  }

  /** The running scene is not the shared world (menu, another kind, offline): stop following it. */
  detach(): void {
    this.attached = false;
    this.sequencer.abandon();
  }

  /**
   * After a reconnect: join the same world again and ask for what was missed since the last
   * applied edit; if the relay folded those away, rebuild from snapshots.
   */
  async resume(socket: RelaySocket): Promise<void> {
    this.bind(socket);
    const worldId = this.join?.world.world_id;
    await this.joinWorld(socket, worldId);
    if (!this.attached) return;
    this.fresh = null;
    await this.requestSince(this.sequencer.applied);
  }

  /** Our dig: sent to the relay, applied when its sequenced broadcast comes back. */
  async submit(edit: BrushEdit): Promise<Result<DeformOutcome>> {
    const socket = this.socket;
    if (!socket?.connected || !this.attached) return fail('SERVICE_UNAVAILABLE', 'not connected to the shared world (reconnecting?)');
    const ack = await call(socket, 'sync_terrain_deform', edit);
    if (!ack.ok) return fail(ack.error.code === 'RATE_LIMITED' ? 'RATE_LIMIT_EXCEEDED' : ack.error.code === 'VALIDATION_ERROR' ? 'INVALID_PARAMETER' : 'SERVICE_UNAVAILABLE', ack.error.error);
    const editSeq = ack.value.edit_seq;
    const done = await this.sequencer.acknowledged(editSeq);
    // Folded into snapshots we installed (a resync while it was in flight): applied, by them.
    if (!done) return ok({ voxelsModified: 0, touched: [], sequence: 0, editSeq });
    await done.landed;
    return done.result.ok ? ok({ ...done.result.value, editSeq }) : done.result;
  }

  /** POST /terrain/sync: the relay pushes its copy of the chunk to the world's other clients. */
  async pushChunk(c: ChunkCoords): Promise<Result<number>> {
    const socket = this.socket;
    if (!socket?.connected || !this.attached) return ok(0);
    const r = await call(socket, 'terrain_sync', { chunk_coords: c });
    return r.ok ? ok(r.value.synced_to_clients) : fail('SERVICE_UNAVAILABLE', r.error.error);
  }

  private async requestSince(since: number): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const r = await call(socket, 'request_terrain_edits', { since_seq: since });
    if (r.ok) {
      this.sequencer.answered(r.value.edits);
      return;
    }
    if (r.error.code === 'RESYNC_REQUIRED' && this.attached) {
      this.detach();
      this.resync();
    }
  }

  private onChunk(chunk: ChunkPayload): void {
    const data = chunk.data instanceof Uint8Array ? chunk.data : new Uint8Array(chunk.data);
    const { x, y, z } = chunk.chunk_coords;
    if (chunk.reason === 'requested') {
      // Only a join asks; the snapshots are all at folded_seq, before any edit we apply.
      if (this.attached && this.sequencer.holding) this.installs.push(this.replica.install(x, y, z, data).then((a) => a.result));
      return;
    }
    if (!this.attached && !this.sequencer.holding) return;
    // A repair or a sync is the relay's chunk as of its edit_seq: install it right after that edit.
    const pinned = this.sequencer.at(chunk.edit_seq, () => void this.replica.install(x, y, z, data));
    if (!pinned) console.warn(`chunk ${x},${y},${z} at edit ${chunk.edit_seq} came after we applied ${this.sequencer.applied}; ignored`);
  }
}
