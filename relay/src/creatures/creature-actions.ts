/**
 * What pages ask of a world's creatures (issue 13): spawning, commands, feeding, and the zone
 * authority's state reports (deaths with their drop, despawns). Each runs in the world's serial
 * queue, checks first, then saves, then tells the world; a refusal changes nothing (seed 003's
 * error with seed 000's code, `details.reason` for the UI).
 */
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import {
  COMMAND_STATE, CREATURE_STATE_NAMES, creatureId, type CreatureCommandEventSchema, type CreatureFeedSchema, type CreatureRecord,
} from '../../../src/protocol/creatures.ts';
import { zoneIdAt, type CreatureDrop, type CreatureSpawnEventSchema, type CreatureStateEventSchema } from '../../../src/protocol/net/creature-events.ts';
import { WORLD_BOUNDS } from '../../../src/protocol/world.ts';
import { CREATURE_TYPES, statsAtLevel } from '../../../src/engine/creatures/creature-types.ts';
import { removeItem } from '../../../src/engine/inventory/inventory.ts';
import { give } from '../base/edit-payments.ts';
import type { Owner } from '../base/inventory-service.ts';
import { refuse } from '../socket/event-door.ts';
import { ownerOf } from '../socket/handlers/base.ts';
import type { Session } from '../socket/session.ts';
import { changeOf, type CreatureEntry } from './creature-registry.ts';
import type { CreatureWorld } from './creature-world.ts';

/** Natural (world-spawned) creatures one zone and one world may hold; requests past them are refused. */
export const NATURAL_PER_ZONE = 40;
export const NATURAL_PER_WORLD = 300;
/** All creatures of a world, natural or asked for. */
export const CREATURES_PER_WORLD = 2000;
/** A feeder must stand this close (m) to the creature, as the relay last heard both. */
export const FEED_RANGE_M = 8;
/** A death's drop goes to the nearest player within this (m) when no tamed creature killed it. */
export const DROP_RANGE_M = 30;
/** A natural creature is not let go while a player is within this (m). */
export const DESPAWN_KEEP_M = 150;
const FLEE_STATE = CREATURE_STATE_NAMES.indexOf('fleeing');
const FOLLOW_STATE = CREATURE_STATE_NAMES.indexOf('following');

const me = (session: Session) => session.user as NonNullable<Session['user']>;
const now = () => new Date().toISOString();

function find(w: CreatureWorld, id: string): CreatureEntry {
  const e = w.registry.get(id);
  if (!e) throw refuse('RESOURCE_NOT_FOUND', `no creature ${id} in this world`, { creature_id: id });
  return e;
}

export async function spawnCreature(w: CreatureWorld, session: Session, p: z.output<typeof CreatureSpawnEventSchema>): Promise<{ creature: CreatureRecord }> {
  const { x, y, z: pz } = p.position;
  const b = WORLD_BOUNDS;
  if (x < b.minX || x > b.maxX || y < b.minY || y > b.maxY || pz < b.minZ || pz > b.maxZ) {
    throw refuse('VALIDATION_ERROR', `position is outside the world (x and z in ${b.minX}..${b.maxX}, y in ${b.minY}..${b.maxY})`, { reason: 'out_of_bounds', position: p.position });
  }
  const zone = zoneIdAt(x, y, pz);
  const natural = p.natural === true;
  if (natural) {
    if (w.authority.heldZone(session) !== zone) {
      throw refuse('PERMISSION_DENIED', `natural spawns in ${zone} come from its authority`, { reason: 'not_authority', object_id: zone });
    }
    const inZone = w.registry.countIn(zone, (e) => e.record.natural);
    let inWorld = 0;
    for (const e of w.registry.entries.values()) if (e.record.natural) inWorld++;
    if (inZone >= NATURAL_PER_ZONE || inWorld >= NATURAL_PER_WORLD) {
      throw refuse('CONFLICT', `the population cap is reached (${NATURAL_PER_ZONE} natural creatures a zone, ${NATURAL_PER_WORLD} a world)`, { reason: 'population_cap', zone_count: inZone, world_count: inWorld });
    }
  }
  if (w.registry.size >= CREATURES_PER_WORLD) {
    throw refuse('CONFLICT', `this world holds ${CREATURES_PER_WORLD} creatures, the most it may`, { reason: 'population_cap', world_count: w.registry.size });
  }
  const level = p.level ?? 1;
  const stats = statsAtLevel(CREATURE_TYPES[p.creature_type], level);
  const n = w.deps.nextNumber();
  const record: CreatureRecord = {
    creature_id: creatureId(n), creature_type: p.creature_type, level, position: { x, y, z: pz }, velocity: { x: 0, y: 0, z: 0 },
    health: stats.health, stamina: stats.stamina, state: 0, tamed: false, owner: null, taming: 0, seed: randomInt(1, 0xffffffff), natural,
  };
  const at = now();
  const e = w.registry.add(record, n, null);
  try {
    await w.deps.repo.insert({ ...changeOf(e), world_id: w.worldId, creature_type: record.creature_type, created_at: at, updated_at: at }, n);
  } catch (err) {
    w.registry.remove(e);
    throw err;
  }
  w.emit('sync_creature_spawn', record);
  if (w.deps.events?.has('creature_spawned')) {
    w.deps.events.emit('creature_spawned', { world_id: w.worldId, creature_id: record.creature_id, creature_type: record.creature_type, level, position: { ...record.position }, natural, owner: null });
  }
  w.review();
  return { creature: record };
}

export async function commandCreature(w: CreatureWorld, session: Session, p: z.output<typeof CreatureCommandEventSchema>) {
  const e = find(w, p.creature_id);
  if (e.ownerDb !== me(session).dbId) {
    throw refuse('PERMISSION_DENIED', `${p.creature_id} is ${e.record.tamed ? `${e.record.owner}'s` : 'wild'}; only its owner may command it`, { creature_id: p.creature_id, owner: e.record.owner });
  }
  const target = p.command === 'follow' ? p.parameters?.target_player ?? me(session).id : undefined;
  const before = { state: e.record.state, target: e.target };
  e.record.state = COMMAND_STATE[p.command];
  e.target = target;
  try {
    await w.deps.repo.update(w.worldId, [changeOf(e)], now());
  } catch (err) {
    e.record.state = before.state;
    e.target = before.target;
    throw err;
  }
  w.emit('sync_creature_command', { creature_id: p.creature_id, command: p.command, parameters: target ? { target_player: target } : {} });
  return { creature_id: p.creature_id, command: p.command };
}

export async function feedCreature(w: CreatureWorld, session: Session, p: z.output<typeof CreatureFeedSchema>) {
  const e = find(w, p.creature_id);
  const r = e.record;
  const type = CREATURE_TYPES[r.creature_type];
  const id = p.creature_id;
  if (r.tamed) throw refuse('CONFLICT', `${id} is already tamed (by ${r.owner})`, { reason: 'already_tamed', creature_id: id, owner: r.owner });
  const at = w.playerAt(session);
  const d = at ? Math.hypot(at.x - r.position.x, at.y - r.position.y, at.z - r.position.z) : Infinity;
  if (d > FEED_RANGE_M) throw refuse('CONFLICT', `stand within ${FEED_RANGE_M} m of ${id} to feed it${at ? ` (you are ${d.toFixed(1)} m away)` : ''}`, { reason: 'too_far', creature_id: id, range_m: FEED_RANGE_M });
  if (r.state === FLEE_STATE || r.health < e.maxHealth / 2) {
    throw refuse('CONFLICT', `${id} is not calm (${r.state === FLEE_STATE ? 'fleeing' : 'hurt'}); wait until it settles`, { reason: 'not_calm', creature_id: id });
  }
  const owner = ownerOf(session);
  await w.deps.inventories.change(owner, w.worldId, (inv) => {
    const spent = removeItem(inv, type.food, 1);
    if (!spent.ok) throw refuse('CONFLICT', `${id} eats ${type.food}, and you hold none`, { reason: 'no_food', creature_id: id, food: type.food });
    return { value: spent.value, answer: undefined, update: { cause: 'remove' } };
  });
  r.taming++;
  const tamed = r.taming >= type.tameFeeds;
  if (tamed) {
    r.tamed = true;
    r.owner = owner.playerId;
    e.ownerDb = owner.dbId;
    r.taming = 0;
    r.state = FOLLOW_STATE;
    e.target = owner.playerId;
  }
  try {
    await w.deps.repo.update(w.worldId, [changeOf(e)], now());
  } catch (err) {
    // The food is spent and the feeding counted: the periodic save writes it.
    e.dirty = true;
    w.deps.log.error({ err, world: w.worldId, creature: id }, 'saving a feeding failed');
  }
  w.emit('sync_creature_update', r);
  return { creature: r, fed: type.food, tamed };
}

/** A zone authority's report: states saved, deaths removed with their drop, natural creatures let go. */
export async function reportStates(w: CreatureWorld, session: Session, p: z.output<typeof CreatureStateEventSchema>): Promise<{ saved: number; kept: string[] }> {
  const zone = p.object_id;
  if (w.authority.heldZone(session) !== zone) {
    throw refuse('PERMISSION_DENIED', `you do not hold ${zone}'s authority`, { reason: 'not_authority', object_id: zone, peer_id: w.authority.holder(zone)?.peer ?? null });
  }
  const changed: CreatureEntry[] = [];
  const deaths: Array<{ e: CreatureEntry; recipient: Promise<Owner | null> }> = [];
  for (const rep of p.creatures) {
    const e = w.registry.get(rep.creature_id);
    if (!e || e.zone !== zone) continue;
    const r = e.record;
    r.velocity.x = rep.velocity.x; r.velocity.y = rep.velocity.y; r.velocity.z = rep.velocity.z;
    r.health = Math.min(rep.health, e.maxHealth);
    r.stamina = rep.stamina;
    r.state = rep.state;
    const crossed = w.registry.moveTo(e, rep.position.x, rep.position.y, rep.position.z);
    if (rep.died) deaths.push({ e, recipient: dropRecipient(w, e, rep.died.killer_id) });
    else {
      changed.push(e);
      if (crossed) w.handOver(e);
    }
  }
  if (changed.length) {
    for (const e of changed) e.dirty = false;
    await w.deps.repo.update(w.worldId, changed.map(changeOf), now());
  }
  for (const d of deaths) await die(w, d.e, await d.recipient);

  const kept: string[] = [];
  const gone: CreatureEntry[] = [];
  for (const id of p.despawned ?? []) {
    const e = w.registry.get(id);
    const r = e?.record;
    if (!e || !r || !r.natural || r.tamed || e.zone !== zone || w.nearestPlayer(r.position.x, r.position.y, r.position.z, DESPAWN_KEEP_M)) { kept.push(id); continue; }
    gone.push(e);
  }
  if (gone.length) {
    await w.deps.repo.remove(w.worldId, gone.map((e) => e.record.creature_id));
    for (const e of gone) {
      w.registry.remove(e);
      w.emit('sync_creature_remove', { creature_id: e.record.creature_id, reason: 'despawned' });
    }
  }
  return { saved: changed.length + deaths.length, kept };
}

/** Who gets a death's drop: the owner of the tamed creature that killed it, else the nearest player within DROP_RANGE_M. */
async function dropRecipient(w: CreatureWorld, e: CreatureEntry, killerId: string | null): Promise<Owner | null> {
  const killer = killerId === null ? undefined : w.registry.get(killerId);
  if (killer && killer.ownerDb !== null && killer.record.owner !== null) return w.deps.ownerFor(killer.ownerDb, killer.record.owner);
  const p = e.record.position;
  const near = w.nearestPlayer(p.x, p.y, p.z, DROP_RANGE_M);
  return near ? ownerOf(near) : null;
}

async function die(w: CreatureWorld, e: CreatureEntry, recipient: Owner | null): Promise<void> {
  if (!w.registry.remove(e)) return;
  const id = e.record.creature_id;
  await w.deps.repo.remove(w.worldId, [id]);
  const { item, quantity } = CREATURE_TYPES[e.record.creature_type].drop;
  const drop: CreatureDrop = { item_id: item, quantity, given_to: null };
  if (recipient) {
    try {
      await w.deps.inventories.change(recipient, w.worldId, (inv) => {
        const given = give(inv, { [item]: quantity }, 'refund');
        return { ...given, update: { ...given.update, cause: 'add' as const } };
      });
      drop.given_to = recipient.playerId;
    } catch (err) {
      w.deps.log.error({ err, world: w.worldId, creature: id }, 'giving a creature\'s drop failed');
    }
  }
  w.emit('sync_creature_remove', { creature_id: id, reason: 'died', drop });
}
