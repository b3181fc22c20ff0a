/**
 * One shared world's creatures on the relay (issue 13): the registry, who simulates which zone, and
 * the positions hot path. Players are where their last pose puts them (the world room's pose grid);
 * `review()` runs on a timer, on every leave and after a spawn, and hands zones on (zone-authority.ts).
 *
 * Hand-over, creature by creature: a record the authority sends that puts its creature in another
 * zone moves it there in the registry at once, and from then on only that zone's authority may move
 * it (the old one's records for it are dropped). If the new zone has an authority, it gets
 * `grant_authority {object_id: <its zone>, peer_id: <itself>, creatures: [that creature]}`: a grant
 * for a zone you already hold adds the creatures it lists. If nobody holds the zone, the creature
 * sleeps there until a player comes (the grant then lists it with the zone's others). A page drops
 * a creature from its simulation once its position leaves the zones it holds. So a creature is only
 * ever moved by one client: never lost, never doubled.
 */
import { relayError, type RelayError } from '../../../src/protocol/net/errors.ts';
import type { CreatureJoin } from '../../../src/protocol/net/creature-events.ts';
import { zoneIdAt } from '../../../src/protocol/net/creature-events.ts';
import { COMMAND_STATE, CREATURE_STATE_NAMES } from '../../../src/protocol/creatures.ts';

/** Followers this close to their leader when it crosses a zone border cross with it. */
const FOLLOWER_REACH_M = 40;
import {
  creatureRecordCount, recordHealth01, recordNumber, recordState, recordVx, recordVy, recordVz, recordX, recordY, recordZ,
} from '../../../src/protocol/net/creature-codec.ts';
import { createPose } from '../../../src/protocol/net/pose-codec.ts';
import type { CreaturesRepo } from '../db/creatures-repo.ts';
import type { InventoryService, Owner } from '../base/inventory-service.ts';
import type { RelayEvents } from '../events/relay-events.ts';
import type { Logger } from '../log.ts';
import type { Session } from '../socket/session.ts';
import type { RelayServer } from '../socket/server-types.ts';
import type { RelayToClientEvents } from '../../../src/protocol/net/events.ts';
import type { WorldRoom } from '../socket/world-room.ts';
import { changeOf, CreatureRegistry, type CreatureEntry } from './creature-registry.ts';
import { CreaturePositionRelay } from './creature-positions.ts';
import { ZoneAuthority, type Presence } from './zone-authority.ts';

export interface CreatureWorldDeps {
  room: WorldRoom<Session>;
  io: RelayServer;
  repo: CreaturesRepo;
  inventories: InventoryService;
  events?: RelayEvents;
  log: Logger;
  /** The next creature number (never handed out before, in any world). */
  nextNumber(): number;
  /** The inventory owner of a users row (online or not), with its public id. */
  ownerFor(dbId: number, playerId: string): Promise<Owner>;
}

export class CreatureWorld {
  readonly registry = new CreatureRegistry();
  readonly authority: ZoneAuthority<Session>;
  readonly positions: CreaturePositionRelay<Session>;
  private readonly pose = createPose();
  /** Each player's zone at the last review, to see who crossed a border. */
  private readonly lastZone = new Map<Session, string>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly deps: CreatureWorldDeps) {
    const room = deps.room;
    this.authority = new ZoneAuthority<Session>({
      grant: (zone, h) => {
        h.session.socket.emit('grant_authority', { object_id: zone, peer_id: h.peer, creatures: this.registry.inZone(zone).map((e) => e.record) });
        h.session.socket.to(room.key).emit('grant_authority', { object_id: zone, peer_id: h.peer });
        deps.log.info({ world: room.worldId, zone, peer: h.peer }, 'zone authority granted');
      },
      revoke: (zone, h) => {
        if (h.session.socket.connected) h.session.socket.emit('revoke_authority', { object_id: zone });
      },
    });
    this.positions = new CreaturePositionRelay<Session>((out) => {
      let n = 0;
      for (const s of room.peers) {
        if (!s || !room.poses.grid.read(s.peerId, this.pose)) continue;
        const l = out[n] ??= { peer: 0, x: 0, z: 0, target: null };
        l.peer = s.peerId; l.x = this.pose.x; l.z = this.pose.z; l.target = s;
        n++;
      }
      return n;
    }, (s, buf) => s.socket.volatile.emit('sync_creature_position', buf));
  }

  get room(): WorldRoom<Session> { return this.deps.room; }
  get worldId(): number { return this.deps.room.worldId; }

  /** Tells everyone in the world. */
  emit<E extends 'sync_creature_spawn' | 'sync_creature_command' | 'sync_creature_update' | 'sync_creature_remove'>(event: E, ...data: Parameters<RelayToClientEvents[E]>): void {
    // socket.io's emit type does not follow a generic event name through; the signature above checks the payload.
    (this.deps.io.to(this.room.key) as unknown as { emit(e: string, ...a: unknown[]): boolean }).emit(event, ...data);
  }

  /** Runs changes to creatures one at a time, each on what the last one left. */
  serial<T>(step: () => Promise<T>): Promise<T> {
    const run = this.chain.then(step, step);
    this.chain = run.catch(() => undefined);
    return run;
  }

  join(): CreatureJoin {
    return { creatures: this.registry.records(), authorities: this.authority.authorities() };
  }

  /** Where every player is now, and the grants and revokes that follow. */
  review(): void {
    const present: Presence<Session>[] = [];
    for (const s of this.room.peers) {
      if (!s) continue;
      const zone = this.room.poses.grid.read(s.peerId, this.pose) ? zoneIdAt(this.pose.x, this.pose.y, this.pose.z) : null;
      const was = this.lastZone.get(s);
      if (zone !== null && was !== undefined && was !== zone) this.bringFollowers(s, was);
      if (zone !== null) this.lastZone.set(s, zone);
      present.push({ session: s, peer: s.peerId, zone });
    }
    for (const s of this.lastZone.keys()) if (s.room !== this.room) this.lastZone.delete(s);
    this.authority.review(present);
  }

  /**
   * `session`'s player just crossed from zone `from` into the zone of this.pose: the creatures that
   * follow it and were close behind come along, put beside it in the new zone (a few metres' jump at
   * a border), so no pet is left in a zone its owner walked out of.
   */
  private bringFollowers(session: Session, from: string): void {
    const who = session.user?.id;
    if (!who) return;
    const px = this.pose.x, py = this.pose.y, pz = this.pose.z;
    for (const e of this.registry.inZone(from)) {
      const r = e.record;
      if (r.state !== COMMAND_STATE.follow || (e.target ?? r.owner) !== who) continue;
      const dx = r.position.x - px, dz = r.position.z - pz;
      if (dx * dx + dz * dz > FOLLOWER_REACH_M * FOLLOWER_REACH_M) continue;
      if (!this.registry.moveTo(e, px, py, pz)) continue;
      e.dirty = true;
      this.emit('sync_creature_update', r);
      this.handOver(e);
    }
  }

  /** Where `session`'s player is (its last pose), or null before its first pose. */
  playerAt(session: Session): { x: number; y: number; z: number } | null {
    if (session.room !== this.room || !this.room.poses.grid.read(session.peerId, this.pose)) return null;
    return { x: this.pose.x, y: this.pose.y, z: this.pose.z };
  }

  /** The player nearest (x, y, z) within `radius` m, or null. */
  nearestPlayer(x: number, y: number, z: number, radius: number): Session | null {
    let best: Session | null = null, bestD2 = radius * radius;
    for (const s of this.room.peers) {
      if (!s || !this.room.poses.grid.read(s.peerId, this.pose)) continue;
      const dx = this.pose.x - x, dy = this.pose.y - y, dz = this.pose.z - z;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 <= bestD2) { best = s; bestD2 = d2; }
    }
    return best;
  }

  /**
   * The binary hot path: records of creatures in the zone `session` holds update the registry and
   * go on to the players in range; any other record is dropped (volatile: no answer).
   */
  receivePositions(session: Session, payload: unknown): RelayError | null {
    if (!(payload instanceof Uint8Array)) return relayError('VALIDATION_ERROR', 'sync_creature_position takes binary records (creature-codec.ts)', { event: 'sync_creature_position' });
    const count = creatureRecordCount(payload);
    if (count < 0) return relayError('VALIDATION_ERROR', 'sync_creature_position takes whole 24-byte records, at most 2048', { event: 'sync_creature_position', bytes: payload.byteLength });
    const zone = this.authority.heldZone(session);
    if (zone === undefined) return null;
    const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    for (let i = 0; i < count; i++) {
      const e = this.registry.byNum(recordNumber(view, i));
      if (!e || e.zone !== zone) continue;
      const x = recordX(view, i), y = recordY(view, i), z = recordZ(view, i), state = recordState(view, i);
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z) || state >= CREATURE_STATE_NAMES.length) continue;
      const r = e.record;
      r.velocity.x = recordVx(view, i); r.velocity.y = recordVy(view, i); r.velocity.z = recordVz(view, i);
      r.state = state;
      r.health = recordHealth01(view, i) * e.maxHealth;
      const crossed = this.registry.moveTo(e, x, y, z);
      this.positions.accept(session.peerId, payload, i, x, z);
      if (crossed) this.handOver(e);
    }
    return null;
  }

  /** `e` just moved into another zone: that zone's authority, if any, takes it on. */
  handOver(e: CreatureEntry): void {
    const h = this.authority.holder(e.zone);
    if (h) h.session.socket.emit('grant_authority', { object_id: e.zone, peer_id: h.peer, creatures: [e.record] });
  }

  /** Saves what the hot path changed since the last save; a failure leaves them marked for the next. */
  async saveDirty(): Promise<void> {
    const dirty = [...this.registry.entries.values()].filter((e) => e.dirty);
    if (dirty.length === 0) return;
    for (const e of dirty) e.dirty = false;
    try {
      await this.deps.repo.update(this.worldId, dirty.map(changeOf), new Date().toISOString());
    } catch (err) {
      for (const e of dirty) e.dirty = true;
      throw err;
    }
  }
}
