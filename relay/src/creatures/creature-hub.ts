/**
 * The relay's creature layer for every open world (issue 13): one CreatureWorld per world room, made
 * (its creatures loaded from `creatures`) when the first player joins it. A timer reviews who holds
 * which zone in every world with players (poses move players across zones between events), another
 * saves the positions the hot path changed; close() saves what is left. Creature numbers come from
 * one counter across worlds (seed 000: creature_id is UNIQUE), never handed out twice.
 */
import type { Kysely } from 'kysely';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/schema.ts';
import { CreaturesRepo } from '../db/creatures-repo.ts';
import { CREATURE_TYPE_NAMES, CreatureIdSchema } from '../../../src/protocol/creatures.ts';
import type { InventoryService, Owner } from '../base/inventory-service.ts';
import { publicId } from '../base/base-hub.ts';
import type { RelayEvents } from '../events/relay-events.ts';
import type { Logger } from '../log.ts';
import type { RelayServer } from '../socket/server-types.ts';
import type { Session } from '../socket/session.ts';
import type { WorldRoom } from '../socket/world-room.ts';
import { recordOf } from './creature-registry.ts';
import { CreatureWorld } from './creature-world.ts';

/** How often zones are reviewed: a player who crossed a border hands its zone on within this. */
export const REVIEW_EVERY_MS = 250;
/** How often positions heard on the hot path are written (state reports are written when they come). */
export const SAVE_EVERY_MS = 5000;

export class CreatureHub {
  readonly repo: CreaturesRepo;
  private readonly worlds = new Map<number, Promise<CreatureWorld>>();
  private readonly open = new Map<number, CreatureWorld>();
  private last: number | null = null;
  private readonly reviewer: NodeJS.Timeout;
  private readonly saver: NodeJS.Timeout;

  constructor(private readonly db: Kysely<Database>, private readonly io: RelayServer, private readonly inventories: InventoryService,
    private readonly log: Logger, private readonly events?: RelayEvents, registry?: Registry) {
    this.repo = new CreaturesRepo(db);
    if (registry) this.register(registry);
    this.reviewer = setInterval(() => { for (const w of this.open.values()) if (w.room.size > 0) w.review(); }, REVIEW_EVERY_MS);
    this.reviewer.unref();
    this.saver = setInterval(() => void this.saveAll(), SAVE_EVERY_MS);
    this.saver.unref();
  }

  /** The world's creatures, loaded once. */
  forRoom(room: WorldRoom<Session>): Promise<CreatureWorld> {
    let w = this.worlds.get(room.worldId);
    if (!w) {
      w = this.make(room).catch((e: unknown) => { this.worlds.delete(room.worldId); throw e; });
      this.worlds.set(room.worldId, w);
    }
    return w;
  }

  get(worldId: number): CreatureWorld | undefined {
    return this.open.get(worldId);
  }

  /** A player left `worldId`'s room: its zone goes to another player at once. */
  left(worldId: number): void {
    this.open.get(worldId)?.review();
  }

  async saveAll(): Promise<void> {
    for (const [worldId, w] of this.open) {
      await w.saveDirty().catch((err: unknown) => this.log.error({ err, world: worldId }, 'saving creature positions failed'));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.reviewer);
    clearInterval(this.saver);
    await Promise.allSettled([...this.worlds.values()]);
    await this.saveAll();
  }

  private async make(room: WorldRoom<Session>): Promise<CreatureWorld> {
    const worldId = room.worldId;
    if (this.last === null) this.last = await this.repo.lastNumber();
    const rows = await this.repo.all(worldId);
    const owners = new Map<number, string>();
    const ids = [...new Set(rows.map((r) => r.owner_id).filter((v): v is number => v !== null))];
    if (ids.length) {
      for (const u of await this.db.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute()) owners.set(u.id, publicId(u.id, u.username));
    }
    const w = new CreatureWorld({
      room, io: this.io, repo: this.repo, inventories: this.inventories, events: this.events, log: this.log,
      nextNumber: () => (this.last = (this.last ?? 0) + 1),
      ownerFor: (dbId, playerId) => this.ownerFor(room, dbId, playerId),
    });
    for (const row of rows) {
      if (!(CREATURE_TYPE_NAMES as readonly string[]).includes(row.creature_type) || !CreatureIdSchema.safeParse(row.creature_id).success) {
        this.log.error({ world: worldId, creature: row.creature_id, type: row.creature_type }, 'a stored creature has an unknown type or id; left out');
        continue;
      }
      const owner = row.owner_id === null ? null : owners.get(row.owner_id) ?? `user_${row.owner_id}`;
      w.registry.add(recordOf(row, owner), Number(row.creature_id.slice(9)), row.owner_id, row.state.target_player);
    }
    this.open.set(worldId, w);
    this.log.info({ world: worldId, creatures: w.registry.size }, 'creatures loaded');
    return w;
  }

  /** Prometheus figures, read when scraped: creatures and held zones in open worlds, position records forwarded. */
  private register(registry: Registry): void {
    const open = this.open;
    new Gauge({ name: 'relay_creatures', help: 'Creatures in the worlds the relay has open', registers: [registry],
      collect() { let n = 0; for (const w of open.values()) n += w.registry.size; this.set(n); } });
    new Gauge({ name: 'relay_creature_zones_held', help: 'Authority zones a client simulates', registers: [registry],
      collect() { let n = 0; for (const w of open.values()) n += Object.keys(w.authority.authorities()).length; this.set(n); } });
    new Counter({ name: 'relay_creature_records_delivered_total', help: 'Creature position records sent to receivers', registers: [registry],
      collect() { let n = 0; for (const w of open.values()) n += w.positions.delivered; this.reset(); this.inc(n); } });
  }

  /** A users row as an inventory owner: from its connection when it is in the world, else from the table. */
  private async ownerFor(room: WorldRoom<Session>, dbId: number, playerId: string): Promise<Owner> {
    for (const s of room.peers) if (s?.user?.dbId === dbId) return { dbId, playerId: s.user.id, name: s.user.name };
    const u = await this.db.selectFrom('users').select(['username', 'display_name']).where('id', '=', dbId).executeTakeFirst();
    return { dbId, playerId, name: u?.display_name ?? u?.username ?? playerId };
  }
}
