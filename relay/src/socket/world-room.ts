/**
 * One world as the relay's sockets see it: the world service (ordered, durable edits), the players
 * in it under u16 peer ids (the ids their pose records carry), its socket.io room, and its poses.
 * Rooms stay open for the life of the process once a world was joined: they are small, and closing
 * one while a second player is half-way through joining would race.
 */
import type { Logger } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { HubPort } from './hub-port.ts';
import type { WorldService } from '../world/types.ts';
import type { RelayEvents } from '../events/relay-events.ts';
import { sendPoseBatch } from './pose-frame.ts';
import { PoseRelay } from './pose-relay.ts';
import type { RelayServer, RelaySocket } from './server-types.ts';

/** A player in the room: what the room needs of a connection's session. */
export interface RoomMember { peerId: number; socket: RelaySocket }

const MAX_PEER_ID = 0xffff;

export class WorldRoom<M extends RoomMember = RoomMember> {
  readonly key: string;
  readonly peers: (M | undefined)[] = [];
  readonly poses: PoseRelay;
  private readonly freeIds: number[] = [];
  private nextId = 1;
  private count = 0;
  private readonly stopEdits: () => void;

  /** `events` hears acknowledged edits (terrain_modified); the world handlers emit joins and leaves into it. */
  constructor(readonly service: WorldService, io: RelayServer, metrics: RelayMetrics, readonly events?: RelayEvents) {
    this.key = `world:${service.worldId}`;
    this.poses = new PoseRelay((peer, buf, at) => {
      const member = this.peers[peer];
      if (member) sendPoseBatch(member.socket, buf, at);
    }, metrics);
    // Every client applies edits in sequence order, its own included, so the sender gets its echo.
    this.stopEdits = service.onEdits((edits) => {
      const room = io.to(this.key);
      for (const edit of edits) room.emit('sync_terrain_deform', edit);
      if (events?.has('terrain_modified')) for (const edit of edits) events.emit('terrain_modified', { world_id: service.worldId, ...edit });
    });
  }

  get worldId(): number { return this.service.worldId; }
  get size(): number { return this.count; }

  /** Gives `session` the lowest free peer id (ids stay small, so the pose buffers stay small). */
  add(session: M): number | null {
    const id = this.freeIds.length ? this.lowestFree() : this.nextId <= MAX_PEER_ID ? this.nextId++ : null;
    if (id === null) return null;
    this.peers[id] = session;
    this.count++;
    return id;
  }

  remove(session: M): void {
    const id = session.peerId;
    if (this.peers[id] !== session) return;
    this.peers[id] = undefined;
    this.poses.remove(id);
    this.freeIds.push(id);
    this.count--;
  }

  list(): M[] {
    return this.peers.filter((s): s is M => s !== undefined);
  }

  close(): void {
    this.stopEdits();
  }

  private lowestFree(): number {
    let best = 0;
    for (let i = 1; i < this.freeIds.length; i++) if (this.freeIds[i] < this.freeIds[best]) best = i;
    const [id] = this.freeIds.splice(best, 1);
    return id;
  }
}

/** The rooms of every world joined since the relay started; opening one world twice shares it. */
export class WorldRooms<M extends RoomMember = RoomMember> {
  private readonly rooms = new Map<number, Promise<WorldRoom<M> | null>>();
  private readonly open = new Map<number, WorldRoom<M>>();

  constructor(private readonly hub: HubPort, private readonly io: RelayServer, private readonly metrics: RelayMetrics, private readonly log: Logger, private readonly events?: RelayEvents) {}

  get(worldId: number): Promise<WorldRoom<M> | null> {
    let room = this.rooms.get(worldId);
    if (!room) {
      room = this.hub.open(worldId).then((service) => {
        if (!service) {
          this.rooms.delete(worldId);
          return null;
        }
        const r = new WorldRoom<M>(service, this.io, this.metrics, this.events);
        this.open.set(worldId, r);
        this.log.info({ world: worldId, edit_seq: service.editSeq }, 'world opened');
        return r;
      }, (err: unknown) => {
        this.rooms.delete(worldId);
        throw err;
      });
      this.rooms.set(worldId, room);
    }
    return room;
  }

  playersOnline(worldId: number): number {
    return this.open.get(worldId)?.size ?? 0;
  }

  /** Worlds with someone in them: seed 003's "rooms". */
  occupied(): number {
    let n = 0;
    for (const room of this.open.values()) if (room.size > 0) n++;
    return n;
  }

  closeAll(): void {
    for (const room of this.open.values()) room.close();
    this.open.clear();
    this.rooms.clear();
  }
}
