/**
 * Seed 000's Creature System routes and ours (issue 13), over the page's creature service
 * (app/creatures/creature-service.ts): single-player it answers from its own worker; in a shared
 * world writes go through the relay and reads come from the page's registry and this frame's
 * interpolated places.
 */
import { ok } from '../../protocol/errors.ts';
import { CREATURE_STATE_NAMES, creatureNumber } from '../../protocol/creatures.ts';
import type { HandlerTable } from '../router.ts';
import type { CREATURE_ROUTES } from '../../protocol/routes/creatures.ts';
import { CREATURE_TYPES, statsAtLevel } from '../../engine/creatures/creature-types.ts';
import { placeOf, stateOf } from '../../app/creatures/creature-info.ts';
import { isoNow, type ControlContext } from '../control-context.ts';

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

export function creatureHandlers({ game }: ControlContext): HandlerTable<typeof CREATURE_ROUTES> {
  const creatures = game.creatures;
  return {
    'POST /creature/spawn': async ({ body }) => {
      const r = await creatures.spawn(body);
      if (!r.ok) return r;
      const rec = r.value.record;
      const p = rec.position;
      return ok({
        status: 'success', creature_id: rec.creature_id, creature_type: rec.creature_type, level: rec.level,
        position: { x: round3(p.x), y: round3(p.y), z: round3(p.z) }, requested_position: r.value.requested, timestamp: isoNow(),
      });
    },
    'POST /creature/command': async ({ body }) => {
      const r = await creatures.command(body.creature_id, body.command, body.target_player);
      return r.ok ? ok({ status: 'success', creature_id: r.value.creature_id, command: r.value.command, timestamp: isoNow() }) : r;
    },
    'GET /creature/info': ({ query }) => creatures.info(query.creature_id),
    'POST /creature/feed': async ({ body }) => {
      const r = await creatures.feed(body.creature_id);
      if (!r.ok) return r;
      const rec = r.value.creature, type = CREATURE_TYPES[rec.creature_type];
      return ok({
        status: 'success', creature_id: rec.creature_id, fed: r.value.fed, tamed: rec.tamed, owner: rec.owner,
        taming: rec.tamed ? null : { food: type.food, fed: rec.taming, needed: type.tameFeeds }, timestamp: isoNow(),
      });
    },
    'GET /creature/list': ({ query }) => {
      const radius = query.radius ?? 200;
      const me = game.player.state;
      const list = [];
      for (const rec of creatures.registry.values()) {
        const n = creatureNumber(rec.creature_id);
        const p = placeOf(rec, n, game.creatureFrame);
        const d = Math.hypot(p.x - me.x, p.y - me.y, p.z - me.z);
        if (d > radius) continue;
        list.push({
          creature_id: rec.creature_id, creature_type: rec.creature_type, level: rec.level, position: { x: round3(p.x), y: round3(p.y), z: round3(p.z) },
          state: CREATURE_STATE_NAMES[stateOf(rec, n, game.creatureFrame)] ?? 'wandering', health: Math.round(rec.health * 10) / 10,
          max_health: statsAtLevel(CREATURE_TYPES[rec.creature_type], rec.level).health, tamed: rec.tamed, owner: rec.owner, distance: round3(d),
        });
      }
      list.sort((a, b) => a.distance - b.distance);
      return ok({ creatures: list, count: list.length });
    },
  };
}
