/**
 * The shared world's terrain on this page: join, build the replicas from the relay's chunk
 * snapshots and the edits after them, then follow the world edit by edit in the relay's order
 * (EditSequencer), repair chunks the relay resends, report checksums of sampled edits, and resume
 * after an outage from the last applied sequence number (or rebuild when the relay folded past it).
 */
import { apiCodeOf } from './relay-codes.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import { relayError, type RelayError } from '../protocol/net/errors.ts';
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

interface Prefetch {
  join: JoinResult;
  /** Received snapshots, in arrival order (keyed by coordinates: a chunk sent twice is installed once). */
  chunks: Map<string, { x: number; y: number; z: number; data: Uint8Array }>;
  /** Every chunk asked for and answered. */
  done: Promise<void>;
}

export type DeformOutcome = EditOutcome & { editSeq: number | null };

export class WorldSession {
  join: JoinResult | null = null;
  /** The replicas follow the shared world (its scene is running). */
  attached = false;
  readonly sequencer: EditSequencer<Applied<EditOutcome>>;
  private socket: RelaySocket | null = null;
  private fresh: { join: JoinResult; at: number } | null = null;
  /**
   * The snapshots of the latest join, fetched from the moment it is answered (while the scene
   * loads and the spawn is searched), kept here until enter() installs them after the pool reset.
   */
  private prefetch: Prefetch | null = null;
  /** The prefetch whose requests are out: 'requested' chunks go to its buffer. */
  private collecting: Prefetch | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: NetStore,
    private readonly replica: TerrainReplica,
    /** The relay folded past us: rebuild the world from snapshots (the game reloads the scene). */
    private readonly resync: () => void,
  ) {
    this.sequencer = new EditSequencer<Applied<EditOutcome>>({
      apply: (edit) => replica.edit(edit),
      // The sequencer decides what to ask for and when; the session only lends it the socket.
      request: (since) => this.socket
        ? call(this.socket, 'request_terrain_edits', { since_seq: since })
        : Promise.resolve({ ok: false as const, error: relayError('SERVER_ERROR', 'no relay socket') }),
      refused: (error) => this.refused(error),
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
  async joinWorld(socket: RelaySocket, worldId?: number, near?: { x: number; z: number }): Promise<JoinResult> {
    const r = await call(socket, 'join_world', worldId === undefined ? {} : { world_id: worldId });
    if (!r.ok) throw new Error(`could not join the world: ${r.error.error}`);
    this.join = r.value;
    this.sequencer.self = r.value.player_id;
    this.fresh = { join: r.value, at: performance.now() };
    if (!this.attached) {
      this.sequencer.hold();
      this.startPrefetch(socket, r.value, near);
    }
    this.store.setState({ world: r.value.world });
    return r.value;
  }

  /**
   * Fetches the join's snapshots now, nearest `near` (else where the player left off, else the
   * origin) first.
   * One fetch at a time: a join made while an earlier one still fetches starts after it, so every
   * chunk that arrives belongs to the buffer of the fetch that asked for it.
   */
  private startPrefetch(socket: RelaySocket, join: JoinResult, near?: { x: number; z: number }): void {
    const at = near ?? join.player_state?.position ?? { x: 0, z: 0 };
    const coords = nearestFirst(join.edited_chunks, at.x, at.z).map((c) => c.chunk_coords);
    const before = this.prefetch?.done ?? Promise.resolve();
    const p: Prefetch = { join, chunks: new Map(), done: Promise.resolve() };
    p.done = before.catch(() => undefined).then(async () => {
      if (this.prefetch !== p) return;
      this.collecting = p;
      try {
        await fetchChunks(socket, coords);
      } finally {
        if (this.collecting === p) this.collecting = null;
      }
    });
    // enter() awaits it and reports a refusal; a prefetch nobody enters must not be unhandled.
    p.done.catch(() => undefined);
    this.prefetch = p;
  }

  /**
   * Builds the replicas (the pool was just reset to the world's seed): installs every edited chunk
   * (prefetched since the join), then the edits after them; resolves once all are applied.
   */
  async enter(x: number, z: number): Promise<void> {
    const socket = this.socket;
    if (!socket || !this.join) throw new Error('not in a shared world');
    const fresh = this.fresh && performance.now() - this.fresh.at < FRESH_JOIN_MS ? this.fresh.join : null;
    this.fresh = null;
    this.sequencer.hold();
    // A stale join's chunk list may be behind the relay's fold by now: join again (that prefetches anew).
    if (!fresh || this.prefetch?.join !== fresh) await this.joinWorld(socket, this.join.world.world_id, { x, z });
    this.fresh = null;
    const pre = this.prefetch!;
    const join = pre.join;
    this.attached = true;
    await pre.done;
    if (this.prefetch === pre) this.prefetch = null;
    // Every snapshot is in: the relay may fold again once we ask for the edits, so ask now, while
    // the snapshots go to the workers (the sequencer holds the answers until startAt).
    const caughtUp = this.sequencer.catchUp(join.folded_seq);
    const installs: Array<Promise<unknown>> = [];
    for (const [, c] of pre.chunks) installs.push(this.replica.install(c.x, c.y, c.z, c.data).then((a) => a.result));
    await Promise.all(installs);
    this.sequencer.startAt(join.folded_seq);
    this.store.setState({ editSeq: join.folded_seq });
    const refused = await caughtUp;
    if (refused) throw new Error(`could not read the world's edits: ${refused.error}`);
    await this.last;
  }

  /** The running scene is not the shared world (menu, another kind, offline): stop following it. */
  detach(): void {
    // A prefetch stays: the scene that enters this join detaches first (its load starts with detach()).
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
    const refused = await this.sequencer.catchUp();
    if (refused) this.refused(refused);
  }

  /** Our dig: sent to the relay, applied when its sequenced broadcast comes back. */
  async submit(edit: BrushEdit): Promise<Result<DeformOutcome>> {
    const socket = this.socket;
    if (!socket?.connected || !this.attached) return fail('SERVICE_UNAVAILABLE', 'not connected to the shared world (reconnecting?)');
    const ack = await call(socket, 'sync_terrain_deform', edit);
    if (!ack.ok) return fail(apiCodeOf(ack.error.code), ack.error.error);
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

  /** The relay folded away the edits we asked for: rebuild from snapshots (other refusals: a later ask retries). */
  private refused(error: RelayError): void {
    if (error.code === 'RESYNC_REQUIRED' && this.attached) {
      this.detach();
      this.resync();
    }
  }

  private onChunk(chunk: ChunkPayload): void {
    const data = chunk.data instanceof Uint8Array ? chunk.data : new Uint8Array(chunk.data);
    const { x, y, z } = chunk.chunk_coords;
    if (chunk.reason === 'requested') {
      // Only a join asks; the snapshots are all at its folded_seq, before any edit we apply.
      this.collecting?.chunks.set(`${x},${y},${z}`, { x, y, z, data });
      return;
    }
    if (!this.attached && !this.sequencer.holding) return;
    // A repair or a sync is the relay's chunk as of its edit_seq: install it right after that edit.
    const pinned = this.sequencer.at(chunk.edit_seq, () => void this.replica.install(x, y, z, data));
    if (!pinned) console.warn(`chunk ${x},${y},${z} at edit ${chunk.edit_seq} came after we applied ${this.sequencer.applied}; ignored`);
  }
}
