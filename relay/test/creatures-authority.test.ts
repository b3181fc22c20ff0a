/**
 * Issue 13's zone authority on a real relay: a spawn reaches everyone and is saved; the first player
 * in a zone simulates it (grant_authority with its creatures); the authority's positions reach the
 * others in range and anyone else's are dropped; when the authority leaves or crosses out, another
 * player in the zone takes it over with the last positions sent, no creature lost or doubled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { creatureNumber } from '../../src/protocol/creatures.ts';
import { ask, next, poseAt, send } from './helpers.ts';
import { dbOf, decoded, harness, records, spawn, standAt, until } from './creatures-helpers.ts';

const h = harness();
afterEach(() => h.cleanup());

describe('creatures shared through zone authority', () => {
  it('spawns to everyone, grants the first player in the zone, forwards only the authority\'s positions', async () => {
    const r = await h.start();
    const hooked: unknown[] = [];
    r.events.on('creature_spawned', (d) => hooked.push(d));
    const a = await h.join(r, 'Alpha');
    const b = await h.join(r, 'Beta');
    expect(a.join.creatures).toEqual({ creatures: [], authorities: {} });

    const heardByB = next(b.socket, 'sync_creature_spawn');
    const grazer = await spawn(a.socket, { creature_type: 'grazer', position: { x: 10, y: 30, z: 10 }, level: 2 });
    expect(grazer).toMatchObject({ creature_type: 'grazer', level: 2, tamed: false, owner: null, taming: 0, natural: false, state: 0 });
    expect(grazer.creature_id).toMatch(/^creature_\d+$/);
    expect(await heardByB).toEqual(grazer);
    expect(hooked).toEqual([{ world_id: a.join.world.world_id, creature_id: grazer.creature_id, creature_type: 'grazer', level: 2, position: grazer.position, natural: false, owner: null }]);
    const row = await dbOf(r).selectFrom('creatures').selectAll().where('creature_id', '=', grazer.creature_id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ creature_type: 'grazer', level: 2, position_x: 10, position_y: 30, position_z: 10, owner_id: null });

    // Alpha stands in zone_0_0_0 first: it simulates the zone and gets its creatures; Beta hears who.
    const granted = until(a.socket, 'grant_authority');
    const told = until(b.socket, 'grant_authority');
    await standAt(a.socket, 12, 30, 10);
    expect(await granted).toEqual({ object_id: 'zone_0_0_0', peer_id: a.join.peer_id, creatures: [grazer] });
    expect(await told).toEqual({ object_id: 'zone_0_0_0', peer_id: a.join.peer_id });
    await standAt(b.socket, 20, 30, 10);
    expect(await ask(b.socket, 'request_authority', { object_id: 'zone_0_0_0' })).toEqual({ ok: true, value: { object_id: 'zone_0_0_0', peer_id: a.join.peer_id } });
    expect(await ask(b.socket, 'request_authority', { object_id: 'zone_9_0_0' })).toEqual({ ok: true, value: { object_id: 'zone_9_0_0', peer_id: null } });

    // The authority's record reaches Beta.
    const moved = next(b.socket, 'sync_creature_position');
    send(a.socket, 'sync_creature_position', records({ id: grazer.creature_id, x: 11, y: 30, z: 10 }));
    expect(decoded(await moved)).toEqual([{ n: creatureNumber(grazer.creature_id), x: 11 }]);

    // Beta is not the authority: its record is dropped, so a third player's first message is Alpha's next one.
    const c = await h.join(r, 'Gamma');
    await standAt(c.socket, 15, 30, 15);
    const first = next(c.socket, 'sync_creature_position');
    send(b.socket, 'sync_creature_position', records({ id: grazer.creature_id, x: 99, y: 30, z: 10 }));
    await ask(b.socket, 'request_authority', { object_id: 'zone_0_0_0' });
    send(a.socket, 'sync_creature_position', records({ id: grazer.creature_id, x: 13, y: 30, z: 10 }));
    expect(decoded(await first)).toEqual([{ n: creatureNumber(grazer.creature_id), x: 13 }]);
    const metrics = await (await fetch(`${r.url}/metrics`)).text();
    expect(metrics).toMatch(/^relay_creatures 1$/m);
    expect(metrics).toMatch(/^relay_creature_zones_held 1$/m);
    expect(metrics).toMatch(/^relay_creature_records_delivered_total [2-9]$/m);

    // Bad binary is refused; bad spawns change nothing.
    expect(await ask(a.socket, 'sync_creature_position', new Uint8Array(10))).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    for (const bad of [
      { creature_type: 'dragon', position: { x: 0, y: 0, z: 0 } },
      { creature_type: 'grazer', position: { x: 0, y: 0, z: 0 }, level: 0 },
      { creature_type: 'grazer', position: { x: Number.NaN, y: 0, z: 0 } },
      { creature_type: 'grazer', position: { x: 9000, y: 0, z: 0 } },
    ]) expect((await ask(a.socket, 'sync_creature_spawn', bad)).ok, JSON.stringify(bad)).toBe(false);
    expect(await dbOf(r).selectFrom('creatures').select('creature_id').execute()).toHaveLength(1);
  });

  it('hands the zone on with the last positions when the authority leaves, and when its player crosses out', async () => {
    const r = await h.start();
    const a = await h.join(r, 'Alpha');
    const b = await h.join(r, 'Beta');
    const c = await h.join(r, 'Gamma');
    const one = await spawn(a.socket, { creature_type: 'rockling', position: { x: 40, y: 30, z: 40 } });
    const two = await spawn(a.socket, { creature_type: 'skyray', position: { x: 60, y: 50, z: 40 } });
    const granted = until(a.socket, 'grant_authority');
    await standAt(a.socket, 50, 30, 40);
    expect((await granted).creatures).toHaveLength(2);
    await standAt(b.socket, 55, 30, 40);
    await standAt(c.socket, 45, 30, 40);

    // Alpha's last word on both; then it disconnects: Beta (in the zone longest after it) takes over.
    send(a.socket, 'sync_creature_position', records({ id: one.creature_id, x: 41.5, y: 30, z: 42 }, { id: two.creature_id, x: 61.25, y: 52, z: 40 }));
    await ask(a.socket, 'request_authority', { object_id: 'zone_0_0_0' });
    const toBeta = until(b.socket, 'grant_authority', (g) => g.peer_id === b.join.peer_id);
    const toGamma = until(c.socket, 'grant_authority', (g) => g.peer_id === b.join.peer_id);
    a.socket.disconnect();
    const g = await toBeta;
    expect(g.object_id).toBe('zone_0_0_0');
    const byId = new Map((g.creatures ?? []).map((x) => [x.creature_id, x]));
    expect(g.creatures).toHaveLength(2);
    expect(byId.get(one.creature_id)?.position).toEqual({ x: 41.5, y: 30, z: 42 });
    expect(byId.get(two.creature_id)?.position).toEqual({ x: 61.25, y: 52, z: 40 });
    expect(byId.get(one.creature_id)?.velocity).toEqual({ x: 0.5, y: 0, z: -0.25 });
    expect(await toGamma).toEqual({ object_id: 'zone_0_0_0', peer_id: b.join.peer_id });

    // Beta walks into zone_1_0_0: revoked from zone 0 (Gamma takes it, with the creatures) and granted zone 1.
    const revoked = until(b.socket, 'revoke_authority');
    const zone1 = until(b.socket, 'grant_authority', (x) => x.object_id === 'zone_1_0_0');
    const toC = until(c.socket, 'grant_authority', (x) => x.peer_id === c.join.peer_id);
    send(b.socket, 'sync_player_position', poseAt(1050, 30, 40));
    expect(await revoked).toEqual({ object_id: 'zone_0_0_0' });
    expect(await zone1).toEqual({ object_id: 'zone_1_0_0', peer_id: b.join.peer_id, creatures: [] });
    const gc = await toC;
    expect(gc.object_id).toBe('zone_0_0_0');
    expect((gc.creatures ?? []).map((x) => x.creature_id).sort()).toEqual([one.creature_id, two.creature_id].sort());
    // Beta no longer moves zone 0's creatures; the join result names both authorities.
    const d = await h.join(r, 'Delta');
    expect(d.join.creatures?.authorities).toEqual({ zone_0_0_0: c.join.peer_id, zone_1_0_0: b.join.peer_id });
  });

  it('a creature the authority moves across the border goes to that zone\'s authority', async () => {
    const r = await h.start();
    const a = await h.join(r, 'Alpha');
    const b = await h.join(r, 'Beta');
    const walker = await spawn(a.socket, { creature_type: 'grazer', position: { x: 495, y: 30, z: 10 } });
    await standAt(a.socket, 490, 30, 10);
    const zone1 = until(b.socket, 'grant_authority', (g) => g.peer_id === b.join.peer_id);
    await standAt(b.socket, 510, 30, 10);
    expect((await zone1).creatures).toEqual([]);
    const handed = until(b.socket, 'grant_authority', (g) => g.peer_id === b.join.peer_id && (g.creatures?.length ?? 0) > 0);
    send(a.socket, 'sync_creature_position', records({ id: walker.creature_id, x: 501, y: 30, z: 10 }));
    const g = await handed;
    expect(g.object_id).toBe('zone_1_0_0');
    expect(g.creatures?.map((x) => [x.creature_id, x.position.x])).toEqual([[walker.creature_id, 501]]);
    // Alpha's later records for it are dropped; Beta's are taken.
    expect((await ask(a.socket, 'sync_creature_state', { object_id: 'zone_0_0_0', creatures: [{ creature_id: walker.creature_id, position: { x: 400, y: 30, z: 10 }, velocity: { x: 0, y: 0, z: 0 }, health: 120, stamina: 150, state: 0 }] })))
      .toEqual({ ok: true, value: { saved: 0, kept: [] } });
    expect((await ask(b.socket, 'sync_creature_state', { object_id: 'zone_1_0_0', creatures: [{ creature_id: walker.creature_id, position: { x: 503, y: 30, z: 10 }, velocity: { x: 0, y: 0, z: 0 }, health: 120, stamina: 150, state: 0 }] })))
      .toEqual({ ok: true, value: { saved: 1, kept: [] } });
    const row = await dbOf(r).selectFrom('creatures').selectAll().where('creature_id', '=', walker.creature_id).executeTakeFirstOrThrow();
    expect(row.position_x).toBe(503);
  });
});
