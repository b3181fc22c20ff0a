/**
 * The relay owns every inventory (issue 12): a page asks, this service checks with the engine's pure
 * rules (engine/inventory/), writes `players.inventory`, and then tells the player's connections
 * (`inventory_update`). Changes to one player's inventory in one world run one at a time, each on
 * the value the last one left, so two pages of the same player cannot spend the same ore twice.
 * Values are kept in memory while their player is online (forget() on leave); the database is
 * written before any change is answered.
 */
import type { Inventory } from '../../../src/engine/inventory/inventory-schema.ts';
import { StoredInventorySchema } from '../../../src/engine/inventory/inventory-schema.ts';
import { emptyInventory } from '../../../src/engine/inventory/inventory.ts';
import type { InventoryUpdate } from '../../../src/protocol/net/base-events.ts';
import type { InventoryRepo } from '../db/inventory-repo.ts';
import type { Logger } from '../log.ts';

/** Who an inventory belongs to: the users row it is stored under and the public id pages know. */
export interface Owner { dbId: number; playerId: string; name: string }

/** What an operation on an inventory decides: the new value to store (or none: unchanged) and its answer. */
export interface Change<T> { value?: Inventory; answer: T; update?: Omit<InventoryUpdate, 'inventory'> }

export type Notify = (owner: Owner, worldId: number, update: InventoryUpdate) => void;

export class InventoryService {
  private readonly held = new Map<string, Inventory>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly repo: InventoryRepo, private readonly notify: Notify, private readonly log: Logger) {}

  /** The inventory as stored (an empty one the first time). */
  get(owner: Owner, worldId: number): Promise<Inventory> {
    return this.change(owner, worldId, (inv) => ({ answer: inv }));
  }

  /**
   * Runs `op` on the player's current inventory, after every change queued before it; a returned
   * `value` is written, then announced. A throwing op changes nothing.
   */
  change<T>(owner: Owner, worldId: number, op: (inv: Inventory) => Change<T> | Promise<Change<T>>): Promise<T> {
    const key = `${owner.dbId}:${worldId}`;
    const run = (this.queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(async () => {
      const inv = this.held.get(key) ?? await this.load(owner, worldId);
      this.held.set(key, inv);
      const c = await op(inv);
      if (c.value && c.value !== inv) {
        await this.repo.save(owner.dbId, worldId, owner.name, c.value);
        this.held.set(key, c.value);
        if (c.update) this.notify(owner, worldId, { inventory: c.value, ...c.update });
      }
      return c.answer;
    });
    this.queues.set(key, run);
    // The queue entry goes once it is the last: the map holds only players with changes in flight.
    void run.finally(() => { if (this.queues.get(key) === run) this.queues.delete(key); }).catch(() => undefined);
    return run;
  }

  /** The player left the world: its value is read from the database next time. */
  forget(owner: Owner, worldId: number): void {
    const key = `${owner.dbId}:${worldId}`;
    if (!this.queues.has(key)) this.held.delete(key);
  }

  private async load(owner: Owner, worldId: number): Promise<Inventory> {
    const raw = await this.repo.load(owner.dbId, worldId);
    if (raw === null) return emptyInventory();
    const parsed = StoredInventorySchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    // Loud, not silent: the log keeps why (and the row keeps the old value until the next change writes over it).
    this.log.error({ user: owner.dbId, world: worldId, issue: parsed.error.issues[0] }, 'a stored inventory does not parse; starting from empty');
    return emptyInventory();
  }
}
