/**
 * The relay's base layer for every open world (issue 12): one InventoryService for all players, and
 * per world a BaseWorld (structures, grid, clock) with its EditPayments, made when the world's room
 * opens. The socket handlers (socket/handlers/base.ts) call the operations here; each one checks
 * the request with the engine's rules, persists, and announces, or throws a Refusal that changes
 * nothing. A finished fabricator job is delivered here: outputs into the owner's inventory first,
 * then `fabricator_update` done, then the fabricator's row without the job (a crash between the two
 * writes runs the job again rather than losing its outputs).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { InventoryRepo } from '../db/inventory-repo.ts';
import { StructuresRepo } from '../db/structures-repo.ts';
import type { Logger } from '../log.ts';
import type { RelayServer } from '../socket/server-types.ts';
import type { WorldService } from '../world/types.ts';
import type { RelayEvents } from '../events/relay-events.ts';
import { BaseWorld, SAVE_EVERY_MS } from './base-world.ts';
import { EditPayments } from './edit-payments.ts';
import { InventoryService } from './inventory-service.ts';
import { deliverOutputs, jobInfo, type RunningJob } from './fabricator-jobs.ts';
import { POWER_TICK_HZ } from '../../../src/engine/base/power-units.ts';

export interface OpenBase { world: BaseWorld; payments: EditPayments; room: string }

export class BaseHub {
  readonly inventories: InventoryService;
  readonly structuresRepo: StructuresRepo;
  private readonly worlds = new Map<number, Promise<OpenBase>>();
  private readonly open = new Map<number, OpenBase>();
  private nextNumber = 0;
  private readonly ticker: NodeJS.Timeout;
  private readonly saver: NodeJS.Timeout;
  /** Finished jobs whose outputs are being written; close() waits for them. */
  private readonly deliveries = new Set<Promise<void>>();

  constructor(private readonly db: Kysely<Database>, private readonly io: RelayServer, private readonly log: Logger, readonly creative: boolean, readonly events?: RelayEvents) {
    this.structuresRepo = new StructuresRepo(db);
    this.inventories = new InventoryService(new InventoryRepo(db), (owner, worldId, update) => {
      // Only the owner's own connections in that world hear about its inventory.
      io.to(`player:${owner.playerId}:${worldId}`).emit('inventory_update', update);
    }, log);
    this.ticker = setInterval(() => { for (const b of this.open.values()) b.world.step(); }, 1000 / POWER_TICK_HZ);
    this.ticker.unref();
    this.saver = setInterval(() => void this.saveAll(), SAVE_EVERY_MS);
    this.saver.unref();
  }

  /** The world's base, made once (structures loaded, grid formed, clock from its epoch). */
  forWorld(service: WorldService): Promise<OpenBase> {
    let b = this.worlds.get(service.worldId);
    if (!b) {
      b = this.make(service).catch((e: unknown) => { this.worlds.delete(service.worldId); throw e; });
      this.worlds.set(service.worldId, b);
    }
    return b;
  }

  get(worldId: number): OpenBase | undefined {
    return this.open.get(worldId);
  }

  /** A new structure id, unique across worlds (seed 000: structure_id is UNIQUE). */
  async newStructureId(): Promise<string> {
    if (this.nextNumber === 0) {
      const rows = await this.db.selectFrom('structures').select('structure_id').execute();
      this.nextNumber = rows.reduce((m, r) => Math.max(m, Number(r.structure_id.replace(/^structure_/, '')) || 0), 0) + 1;
    }
    return `structure_${this.nextNumber++}`;
  }

  /** Epoch of a world's clock, stored so a restart keeps the time of day. */
  async saveEpoch(worldId: number, epochMs: number): Promise<void> {
    await this.db.updateTable('worlds').set({ clock_epoch_ms: epochMs }).where('id', '=', worldId).execute();
  }

  async saveAll(): Promise<void> {
    const at = new Date().toISOString();
    for (const [worldId, b] of this.open) {
      try {
        await this.structuresRepo.update(worldId, b.world.saveList(), at);
      } catch (err) {
        this.log.error({ err, world: worldId }, 'saving structure state failed');
      }
    }
  }

  /** Writes one structure's health and state now (a job started or ended); a failure is logged, the periodic save retries. */
  async saveStructure(worldId: number, structureId: string): Promise<void> {
    const entry = this.open.get(worldId)?.world.saveEntry(structureId);
    if (!entry) return;
    await this.structuresRepo.update(worldId, [entry], new Date().toISOString())
      .catch((err: unknown) => this.log.error({ err, world: worldId, structure: structureId }, 'saving a structure failed'));
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    clearInterval(this.saver);
    await Promise.allSettled([...this.deliveries]);
    await this.saveAll();
  }

  private finished(worldId: number, room: string, job: RunningJob): void {
    const run = (async () => {
      try {
        await deliverOutputs(this.inventories, worldId, job);
      } catch (err) {
        this.log.error({ err, world: worldId, structure: job.structureId }, 'delivering a fabricator job\'s outputs failed');
      }
      this.io.to(room).emit('fabricator_update', { structure_id: job.structureId, ...jobInfo(job), done: true });
      await this.saveStructure(worldId, job.structureId);
    })();
    this.deliveries.add(run);
    void run.finally(() => this.deliveries.delete(run));
  }

  private async make(service: WorldService): Promise<OpenBase> {
    const worldId = service.worldId;
    const row = await this.db.selectFrom('worlds').select(['seed', 'created_at', 'clock_epoch_ms']).where('id', '=', worldId).executeTakeFirstOrThrow();
    const rows = await this.structuresRepo.all(worldId);
    const owners = new Map<number, string>();
    const ids = [...new Set(rows.map((r) => r.owner_id).filter((v): v is number => v !== null))];
    if (ids.length) {
      for (const u of await this.db.selectFrom('users').select(['id', 'username']).where('id', 'in', ids).execute()) {
        owners.set(u.id, publicId(u.id, u.username));
      }
    }
    const room = `world:${worldId}`;
    const epoch = row.clock_epoch_ms !== null ? Number(row.clock_epoch_ms) : Date.parse(String(row.created_at));
    const world = new BaseWorld({
      worldId, seed: Number(row.seed), epochMs: Number.isFinite(epoch) ? epoch : Date.now(), repo: this.structuresRepo,
      playerIdOf: (dbId) => (dbId === null ? 'unknown' : owners.get(dbId) ?? `user_${dbId}`),
      broadcast: {
        gridUpdate: (networks, gone, tick) => {
          this.io.to(room).emit('power_grid_update', { networks, gone, tick });
          if (this.events?.has('power_grid_update')) this.events.emit('power_grid_update', { world_id: worldId, networks, gone, tick });
        },
        // Reliable, though the seed marks it unreliable: states change on switches and grid events, not every tick.
        state: (structure_id, state) => this.io.to(room).emit('sync_structure_state', { structure_id, state }),
      },
      fabricator: {
        update: (u) => this.io.to(room).emit('fabricator_update', u),
        finished: (job) => this.finished(worldId, room, job),
      },
    }, rows);
    const payments = new EditPayments(worldId, this.inventories, (err) => this.log.error({ err, world: worldId }, 'settling an edit with the inventory failed'));
    service.onApplied((ledgers) => payments.applied(ledgers));
    const open: OpenBase = { world, payments, room };
    this.open.set(worldId, open);
    return open;
  }
}

/** The id pages know a player by: a guest's own id, or user_<id> for an account (socket/handlers/auth.ts). */
export const publicId = (dbId: number, username: string): string => (username.startsWith('guest_') ? username : `user_${dbId}`);
