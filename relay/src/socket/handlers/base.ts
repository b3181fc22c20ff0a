/**
 * Issue 12's socket events (protocol/net/base-events.ts): inventory changes, placing and removing
 * structures, switching them, and (creative relays only) setting the time of day. Every refusal is
 * seed 003's error with seed 000's code in `code` where one fits (RESOURCE_NOT_FOUND, CONFLICT) and
 * `details.reason` for the UI; nothing changes on a refusal. Placing pays before the row is written
 * and is paid back if writing fails; removing gives back the structure's refund by its health (and
 * a fabricator's unfinished job's inputs). A fabricator job is paid for when it starts
 * (base/fabricator-jobs.ts runs it).
 */
import {
  FabricatorCraftSchema, InventoryAddSchema, InventoryRemoveSchema, PowerToggleSchema, StructurePlaceSchema, StructureRemoveSchema, WorldTimeSetSchema,
} from '../../../../src/protocol/net/base-events.ts';
import { addItem, removeItem, spendItems } from '../../../../src/engine/inventory/inventory.ts';
import { isStructureTypeId, refundFor, STRUCTURE_TYPES } from '../../../../src/engine/base/structure-types.ts';
import { isRecipeId } from '../../../../src/engine/crafting/recipes.ts';
import type { ItemCounts } from '../../../../src/engine/mining/yield.ts';
import type { BaseHub, OpenBase } from '../../base/base-hub.ts';
import { give } from '../../base/edit-payments.ts';
import { addCounts, jobPlan } from '../../base/fabricator-jobs.ts';
import type { Owner } from '../../base/inventory-service.ts';
import { handler, refuse, type HandlerTable } from '../event-door.ts';
import type { Session } from '../session.ts';

/** Structures this close to a placement are checked for overlap (the largest footprint is well under it). */
const NEARBY_M = 32;

export const ownerOf = (session: Session): Owner => {
  const u = session.user as NonNullable<Session['user']>;
  return { dbId: u.dbId, playerId: u.id, name: u.name };
};

export function baseHandlers(base: BaseHub): HandlerTable {
  const open = (session: Session): OpenBase => {
    const b = base.get((session.room as NonNullable<Session['room']>).worldId);
    if (!b) throw refuse('SERVER_ERROR', 'this world\'s base is not open yet; try again');
    return b;
  };
  const worldOf = (session: Session) => (session.room as NonNullable<Session['room']>).worldId;
  const mine = (session: Session, b: OpenBase, structureId: string) => {
    const e = b.world.structures.get(structureId);
    if (!e) throw refuse('RESOURCE_NOT_FOUND', `no structure ${structureId} in this world`, { structure_id: structureId });
    if (e.ownerDb !== ownerOf(session).dbId) throw refuse('PERMISSION_DENIED', `${structureId} belongs to ${e.info.owner_id}; only its owner may change it`, { structure_id: structureId, owner_id: e.info.owner_id });
    return e;
  };

  return {
    inventory_add: handler('inventory_add', {
      cls: 'other', schema: InventoryAddSchema, needs: 'world',
      async run(session, p) {
        if (!base.creative) throw refuse('PERMISSION_DENIED', 'adding items from nothing needs a creative relay (--creative); dig, build and fabricate instead');
        return base.inventories.change(ownerOf(session), worldOf(session), (inv) => {
          const r = addItem(inv, p.item_id, p.quantity, p.metadata ?? {});
          if (!r.ok) throw refuse(r.error.code === 'CONFLICT' ? 'CONFLICT' : 'VALIDATION_ERROR', r.error.message, { reason: r.error.reason });
          return { value: r.value, answer: { inventory: r.value, slot: r.slot, new_quantity: r.new_quantity }, update: { cause: 'add' } };
        });
      },
    }),
    inventory_remove: handler('inventory_remove', {
      cls: 'other', schema: InventoryRemoveSchema, needs: 'world',
      async run(session, p) {
        return base.inventories.change(ownerOf(session), worldOf(session), (inv) => {
          const r = removeItem(inv, p.item_id, p.quantity);
          if (!r.ok) throw refuse(r.error.code === 'CONFLICT' ? 'CONFLICT' : r.error.code === 'RESOURCE_NOT_FOUND' ? 'RESOURCE_NOT_FOUND' : 'VALIDATION_ERROR', r.error.message, { reason: r.error.reason });
          return { value: r.value, answer: { inventory: r.value, remaining_quantity: r.remaining_quantity }, update: { cause: 'remove' } };
        });
      },
    }),
    structure_place: handler('structure_place', {
      cls: 'other', schema: StructurePlaceSchema, needs: 'world',
      async run(session, p) {
        if (!isStructureTypeId(p.structure_type)) throw refuse('VALIDATION_ERROR', `unknown structure_type ${p.structure_type}`, { reason: 'unknown_type' });
        const b = open(session);
        const type = p.structure_type;
        const yaw = p.rotation?.y ?? 0;
        const nearby = [...b.world.structures.values()]
          .filter((e) => Math.abs(e.info.position.x - p.position.x) < NEARBY_M && Math.abs(e.info.position.z - p.position.z) < NEARBY_M)
          .map((e) => ({ id: e.n, type: e.type, x: e.info.position.x, y: e.info.position.y, z: e.info.position.z, yaw: e.info.rotation.y }));
        const spot = await (session.room as NonNullable<Session['room']>).service.checkPlacement({ type, position: p.position, yaw, nearby });
        if (!spot.ok || !spot.position) throw refuse('CONFLICT', spot.message, { reason: spot.reason });
        const owner = ownerOf(session), worldId = worldOf(session);
        const cost = STRUCTURE_TYPES[type].cost;
        await base.inventories.change(owner, worldId, (inv) => {
          const r = spendItems(inv, cost);
          if (!r.ok) throw refuse('CONFLICT', r.error.message, { reason: 'cannot_afford', cost });
          return { value: r.value, answer: undefined, update: { cause: 'structure' } };
        });
        const at = new Date().toISOString();
        const row = {
          structure_id: await base.newStructureId(), world_id: worldId, owner_id: owner.dbId, structure_type: type,
          position: spot.position, rotation: { x: 0, y: yaw, z: 0 }, health: STRUCTURE_TYPES[type].maxHealth, state: { enabled: true }, created_at: at, updated_at: at,
        };
        try {
          await base.structuresRepo.insert(row);
        } catch (e) {
          await base.inventories.change(owner, worldId, (inv) => give(inv, cost as ItemCounts, 'refund'));
          throw e;
        }
        const entry = b.world.install({ ...row, owner_id: owner.dbId });
        entry.info.owner_id = owner.playerId;
        session.socket.nsp.to(b.room).emit('sync_structure_place', entry.info);
        if (base.events?.has('structure_built')) {
          base.events.emit('structure_built', { world_id: worldId, structure_id: entry.info.structure_id, structure_type: type, owner_id: owner.playerId, position: entry.info.position });
        }
        return { structure: entry.info };
      },
    }),
    structure_remove: handler('structure_remove', {
      cls: 'other', schema: StructureRemoveSchema, needs: 'world',
      async run(session, p) {
        const b = open(session);
        const e = mine(session, b, p.structure_id);
        await base.structuresRepo.remove(worldOf(session), p.structure_id);
        // A job cut short gives back what it spent, with the structure's own refund.
        const job = b.world.cancelJob(p.structure_id);
        b.world.uninstall(p.structure_id);
        const refund = addCounts(refundFor(e.type, e.info.health), job ? jobPlan(job).inputs : {}) as ItemCounts;
        await base.inventories.change(ownerOf(session), worldOf(session), (inv) => give(inv, refund, 'refund'));
        session.socket.nsp.to(b.room).emit('sync_structure_remove', { structure_id: p.structure_id, reason: 'removed' });
        return { structure_id: p.structure_id, resources_refunded: refund };
      },
    }),
    power_toggle: handler('power_toggle', {
      cls: 'other', schema: PowerToggleSchema, needs: 'world',
      async run(session, p) {
        const b = open(session);
        const e = mine(session, b, p.structure_id);
        b.world.setEnabled(e, p.enabled);
        await base.structuresRepo.update(worldOf(session), b.world.saveList().filter((s) => s.structure_id === p.structure_id), new Date().toISOString());
        // Switched off, it is unpowered at once; switched on, the grid powers it on its next tick (sync_structure_state says when).
        return { structure_id: p.structure_id, enabled: p.enabled, powered: p.enabled && b.world.state(e).powered };
      },
    }),
    fabricator_craft: handler('fabricator_craft', {
      cls: 'other', schema: FabricatorCraftSchema, needs: 'world',
      async run(session, p) {
        if (!isRecipeId(p.recipe_id)) throw refuse('VALIDATION_ERROR', `unknown recipe ${p.recipe_id} (GET /fabricator/recipes lists them)`, { reason: 'unknown_recipe', recipe_id: p.recipe_id });
        const b = open(session);
        const e = mine(session, b, p.structure_id);
        const id = p.structure_id;
        if (e.type !== 'fabricator') throw refuse('VALIDATION_ERROR', `${id} is a ${e.type}, not a fabricator`, { reason: 'not_fabricator', structure_id: id });
        const running = b.world.jobs.get(id);
        if (b.world.jobs.busy(id)) {
          throw refuse('CONFLICT', `${id} is busy with ${running ? `${running.count} × ${running.recipe_id}` : 'a job being started'}; one job at a time`, { reason: 'busy', structure_id: id });
        }
        const owner = ownerOf(session), worldId = worldOf(session);
        const job = { recipe_id: p.recipe_id, count: p.count ?? 1, done_ticks: 0 };
        const plan = jobPlan(job);
        // Busy while the inputs are spent: a second request meanwhile is refused, not paid twice.
        b.world.jobs.hold(id);
        try {
          await base.inventories.change(owner, worldId, (inv) => {
            const r = spendItems(inv, plan.inputs);
            if (!r.ok) throw refuse('CONFLICT', r.error.message, { reason: 'cannot_afford', cost: plan.inputs });
            return { value: r.value, answer: undefined, update: { cause: 'fabricated' } };
          });
        } finally {
          b.world.jobs.release(id);
        }
        const still = b.world.structures.get(id);
        if (!still) {
          // Removed while the inputs were being spent: they go back.
          await base.inventories.change(owner, worldId, (inv) => give(inv, plan.inputs, 'refund'));
          throw refuse('RESOURCE_NOT_FOUND', `${id} was removed before the job started; its inputs were given back`, { structure_id: id });
        }
        const started = b.world.startJob(still, job, owner);
        await base.saveStructure(worldId, id);
        return { structure_id: id, job: { recipe_id: started.recipe_id, count: started.count, progress: 0 }, inputs_spent: plan.inputs, outputs: plan.outputs, ticks: plan.ticks };
      },
    }),
    world_time_set: handler('world_time_set', {
      cls: 'other', schema: WorldTimeSetSchema, needs: 'world',
      async run(session, p) {
        if (!base.creative) throw refuse('PERMISSION_DENIED', 'setting the time of day needs a creative relay (--creative)');
        const b = open(session);
        await base.saveEpoch(worldOf(session), b.world.setTimeOfDay(p.time_of_day));
        const info = b.world.clockInfo();
        session.socket.nsp.to(b.room).emit('world_clock', info);
        return info;
      },
    }),
  };
}
