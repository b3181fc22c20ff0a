/**
 * Issue 13's taming, commands, deaths and persistence on a real (creative) relay: feeding refuses a
 * player too far away, without food or a creature that is not calm, changing nothing; enough
 * feedings tame it and spend the food; only its owner commands it; a death gives its drop to the
 * killer's owner (else the nearest player) and removes it everywhere; natural spawns are the zone
 * authority's and capped; a restart keeps the creatures and never reuses a number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InventoryUpdate } from '../../src/protocol/net/base-events.ts';
import { creatureNumber, type CreatureRecord } from '../../src/protocol/creatures.ts';
import { countItem } from '../../src/engine/inventory/inventory.ts';
import { StoredInventorySchema } from '../../src/engine/inventory/inventory-schema.ts';
import { NATURAL_PER_ZONE } from '../src/creatures/creature-actions.ts';
import { ask, next, poseAt, send, type Client } from './helpers.ts';
import { dbOf, harness, spawn, standAt, until } from './creatures-helpers.ts';
import { tempDataDir } from './helpers.ts';

const h = harness();
afterEach(() => h.cleanup());

const held = (u: InventoryUpdate, item: Parameters<typeof countItem>[1]) => countItem(StoredInventorySchema.parse(u.inventory), item);
const report = (socket: Client, zone: string, creatures: Array<Partial<Record<string, unknown>> & { creature_id: string }>, despawned?: string[]) =>
  ask<{ saved: number; kept?: string[] }>(socket, 'sync_creature_state', {
    object_id: zone,
    creatures: creatures.map((c) => ({ position: { x: 10, y: 30, z: 10 }, velocity: { x: 0, y: 0, z: 0 }, health: 120, stamina: 150, state: 0, ...c })),
    ...(despawned ? { despawned } : {}),
  });
const rowState = async (r: Parameters<typeof dbOf>[0], id: string) => {
  const row = await dbOf(r).selectFrom('creatures').selectAll().where('creature_id', '=', id).executeTakeFirst();
  return row ? { ...row, state: JSON.parse(String(row.state)) as Record<string, unknown> } : undefined;
};

describe('taming, commands and deaths through the relay', () => {
  it('feeds to tame with food spent, refuses what it must, and lets only the owner command', async () => {
    const r = await h.start();
    const a = await h.join(r, 'Tamer');
    const b = await h.join(r, 'Watcher');
    const grazer = await spawn(a.socket, { creature_type: 'grazer', position: { x: 10, y: 30, z: 10 } });
    const feed = () => ask<{ creature: CreatureRecord; fed: string; tamed: boolean }>(a.socket, 'creature_feed', { creature_id: grazer.creature_id });

    await standAt(a.socket, 100, 30, 10);
    expect(await feed()).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'too_far' } } });
    await standAt(a.socket, 12, 30, 10);
    expect(await feed()).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'no_food', food: 'soil' } } });
    expect((await ask(a.socket, 'inventory_add', { item_id: 'soil', quantity: 3 })).ok).toBe(true);
    // Hurt, then fleeing: not calm. Alpha holds zone_0_0_0, so its reports count.
    expect(await report(a.socket, 'zone_0_0_0', [{ creature_id: grazer.creature_id, health: 10 }])).toEqual({ ok: true, value: { saved: 1, kept: [] } });
    expect(await feed()).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'not_calm' } } });
    await report(a.socket, 'zone_0_0_0', [{ creature_id: grazer.creature_id, state: 5 }]);
    expect(await feed()).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'not_calm' } } });
    await report(a.socket, 'zone_0_0_0', [{ creature_id: grazer.creature_id }]);
    // Refusals spent nothing and counted nothing.
    expect((await rowState(r, grazer.creature_id))?.state.taming).toBe(0);

    const first = await feed();
    expect(first).toMatchObject({ ok: true, value: { fed: 'soil', tamed: false, creature: { taming: 1, tamed: false } } });
    expect(await feed()).toMatchObject({ ok: true, value: { tamed: false, creature: { taming: 2 } } });
    const spent = until(a.socket, 'inventory_update', (u) => held(u, 'soil') === 0);
    const update = until(b.socket, 'sync_creature_update', (c) => c.tamed);
    expect(await feed()).toMatchObject({ ok: true, value: { tamed: true, creature: { tamed: true, owner: a.join.player_id, taming: 0, state: 1 } } });
    expect(held(await spent, 'soil')).toBe(0);
    expect(await update).toMatchObject({ creature_id: grazer.creature_id, tamed: true, owner: a.join.player_id });
    expect(await feed()).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'already_tamed' } } });
    const row = await rowState(r, grazer.creature_id);
    expect(row).toMatchObject({ tamed: 1, owner_id: expect.any(Number), state: { state: 1, taming: 0 } });

    // Commands: only the owner; bad ones change nothing.
    expect(await ask(b.socket, 'sync_creature_command', { creature_id: grazer.creature_id, command: 'stay' })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await ask(a.socket, 'sync_creature_command', { creature_id: 'creature_99999', command: 'stay' })).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    expect(await ask(a.socket, 'sync_creature_command', { creature_id: grazer.creature_id, command: 'dance' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect((await rowState(r, grazer.creature_id))?.state.state).toBe(1);
    const told = next(b.socket, 'sync_creature_command');
    expect(await ask(a.socket, 'sync_creature_command', { creature_id: grazer.creature_id, command: 'stay' })).toEqual({ ok: true, value: { creature_id: grazer.creature_id, command: 'stay' } });
    expect(await told).toEqual({ creature_id: grazer.creature_id, command: 'stay', parameters: {} });
    expect((await rowState(r, grazer.creature_id))?.state.state).toBe(2);
    const follow = next(b.socket, 'sync_creature_command');
    expect((await ask(a.socket, 'sync_creature_command', { creature_id: grazer.creature_id, command: 'follow' })).ok).toBe(true);
    expect(await follow).toEqual({ creature_id: grazer.creature_id, command: 'follow', parameters: { target_player: a.join.player_id } });

    // A wild rockling dies to Alpha's grazer next to Beta: the drop is Alpha's (its killer's owner).
    const rockling = await spawn(a.socket, { creature_type: 'rockling', position: { x: 40, y: 30, z: 10 } });
    await standAt(b.socket, 40, 30, 11);
    const chitin = until(a.socket, 'inventory_update', (u) => held(u, 'chitin') === 1);
    const removed = next(b.socket, 'sync_creature_remove');
    expect(await report(a.socket, 'zone_0_0_0', [{ creature_id: rockling.creature_id, position: { x: 40, y: 30, z: 10 }, health: 0, died: { killer_id: grazer.creature_id } }]))
      .toEqual({ ok: true, value: { saved: 1, kept: [] } });
    expect(await removed).toEqual({ creature_id: rockling.creature_id, reason: 'died', drop: { item_id: 'chitin', quantity: 1, given_to: a.join.player_id } });
    expect(held(await chitin, 'chitin')).toBe(1);
    expect(await rowState(r, rockling.creature_id)).toBeUndefined();

    // With no tamed killer, the nearest player within 30 m gets it; with nobody near, nobody does.
    const prey = await spawn(a.socket, { creature_type: 'grazer', position: { x: 41, y: 30, z: 12 } });
    const meat = until(b.socket, 'inventory_update', (u) => held(u, 'raw_meat') === 2);
    const gone = until(a.socket, 'sync_creature_remove', (d) => d.creature_id === prey.creature_id);
    await report(a.socket, 'zone_0_0_0', [{ creature_id: prey.creature_id, position: { x: 41, y: 30, z: 12 }, health: 0, died: { killer_id: null } }]);
    expect(held(await meat, 'raw_meat')).toBe(2);
    expect((await gone).drop).toEqual({ item_id: 'raw_meat', quantity: 2, given_to: b.join.player_id });
    const lonely = await spawn(a.socket, { creature_type: 'skyray', position: { x: 400, y: 60, z: 400 } });
    const unclaimed = until(a.socket, 'sync_creature_remove', (d) => d.creature_id === lonely.creature_id);
    await report(a.socket, 'zone_0_0_0', [{ creature_id: lonely.creature_id, position: { x: 400, y: 60, z: 400 }, health: 0, died: { killer_id: null } }]);
    expect((await unclaimed).drop).toEqual({ item_id: 'raw_meat', quantity: 1, given_to: null });

    // Only the zone's authority reports.
    expect(await report(b.socket, 'zone_0_0_0', [{ creature_id: grazer.creature_id }])).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', details: { reason: 'not_authority' } } });
  });

  it('natural spawns come from the zone authority, are capped, and are not let go near a player', async () => {
    const r = await h.start();
    const a = await h.join(r, 'Alpha');
    const b = await h.join(r, 'Beta');
    await standAt(a.socket, 10, 30, 10);
    await standAt(b.socket, 20, 30, 10);
    const at = (i: number) => ({ creature_type: 'grazer', position: { x: 100 + i, y: 30, z: 100 }, natural: true });
    expect(await ask(b.socket, 'sync_creature_spawn', at(0))).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED', details: { reason: 'not_authority' } } });
    const far = await spawn(a.socket, { creature_type: 'skyray', position: { x: 450, y: 60, z: 450 }, natural: true });
    const ids: string[] = [];
    for (let i = 1; i < NATURAL_PER_ZONE; i++) ids.push((await spawn(a.socket, at(i))).creature_id);
    expect(await ask(a.socket, 'sync_creature_spawn', at(99))).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'population_cap' } } });
    // Asked-for spawns are not natural and not under the natural cap.
    expect((await spawn(a.socket, { creature_type: 'rockling', position: { x: 5, y: 30, z: 5 } })).natural).toBe(false);

    // Beta stands within 150 m of the first: it is kept; the one far from both goes.
    const despawned = until(b.socket, 'sync_creature_remove', (d) => d.creature_id === far.creature_id);
    expect(await report(a.socket, 'zone_0_0_0', [], [ids[0], far.creature_id])).toEqual({ ok: true, value: { saved: 0, kept: [ids[0]] } });
    expect(await despawned).toEqual({ creature_id: far.creature_id, reason: 'despawned' });
    expect(await rowState(r, ids[0])).toBeDefined();
    expect(await rowState(r, far.creature_id)).toBeUndefined();
  });

  it('keeps creatures across a restart and never hands a number out twice', async () => {
    const data = tempDataDir();
    let r = await h.start(data.dir);
    let a = await h.join(r, 'Keeper');
    const kept = await spawn(a.socket, { creature_type: 'rockling', position: { x: 70, y: 30, z: 70 }, level: 3 });
    const doomed = await spawn(a.socket, { creature_type: 'grazer', position: { x: 72, y: 30, z: 70 } });
    await standAt(a.socket, 71, 30, 70);
    await report(a.socket, 'zone_0_0_0', [
      { creature_id: kept.creature_id, position: { x: 70.5, y: 31, z: 72 }, health: 50.5, stamina: 80, state: 2 },
      { creature_id: doomed.creature_id, health: 0, died: { killer_id: null } },
    ]);
    await h.stop(r);

    r = await h.start(data.dir);
    a = await h.join(r, 'Keeper');
    expect(a.join.creatures?.creatures).toEqual([{ ...kept, position: { x: 70.5, y: 31, z: 72 }, health: 50.5, stamina: 80, state: 2, velocity: { x: 0, y: 0, z: 0 } }]);
    const fresh = await spawn(a.socket, { creature_type: 'grazer', position: { x: 0, y: 30, z: 0 } });
    expect(creatureNumber(fresh.creature_id)).toBeGreaterThan(creatureNumber(doomed.creature_id));
    data.remove();
  });

  it('a pet following its owner over a zone border crosses with it; a wild one beside it stays', async () => {
    const r = await h.start();
    const a = await h.join(r, 'Walker');
    const b = await h.join(r, 'Watcher');
    const pet = await spawn(a.socket, { creature_type: 'rockling', position: { x: 480, y: 30, z: 10 } });
    const wild = await spawn(a.socket, { creature_type: 'grazer', position: { x: 478, y: 30, z: 14 } });
    await standAt(a.socket, 482, 30, 10);
    expect((await ask(a.socket, 'inventory_add', { item_id: 'copper_ore', quantity: 2 })).ok).toBe(true);
    for (let i = 0; i < 2; i++) expect((await ask(a.socket, 'creature_feed', { creature_id: pet.creature_id })).ok).toBe(true);
    // Zones are centred on the landing site: the border is at x = 500.
    const granted = until(a.socket, 'grant_authority', (g) => g.object_id === 'zone_1_0_0' && (g.creatures ?? []).some((c) => c.creature_id === pet.creature_id));
    const told = until(b.socket, 'sync_creature_update', (c) => c.creature_id === pet.creature_id && c.position.x > 500);
    send(a.socket, 'sync_player_position', poseAt(505, 30, 10));
    expect((await granted).creatures?.map((c) => c.creature_id)).toEqual([pet.creature_id]);
    expect((await told).position).toEqual({ x: 505, y: 30, z: 10 });
    const c = await h.join(r, 'Late');
    const at = new Map(c.join.creatures?.creatures.map((x) => [x.creature_id, x.position.x]));
    expect(at.get(pet.creature_id)).toBe(505);
    expect(at.get(wild.creature_id)).toBe(478);
  });
});
