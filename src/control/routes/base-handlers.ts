/**
 * Inventory, base building and power routes (issue 12). The relay owns all of it, so in a shared
 * world each write asks the relay (net/base-replica.ts) and answers with what it decided; reads come
 * from the page's copy, which the relay keeps current. Single-player has no owner yet: 503 says so
 * (static tables, GET /base/types and GET /fabricator/recipes, answer anywhere).
 */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { Ack } from '../../protocol/net/errors.ts';
import type { NetworkReport } from '../../protocol/net/base-events.ts';
import type { HandlerTable } from '../router.ts';
import type { BASE_ROUTES } from '../../protocol/routes/base.ts';
import { inventoryView } from '../../engine/inventory/inventory.ts';
import { STRUCTURE_TYPE_LIST } from '../../engine/base/structure-types.ts';
import { MAX_CRAFT_COUNT, RECIPE_LIST } from '../../engine/crafting/recipes.ts';
import { POWER_TICK_HZ } from '../../engine/base/power-units.ts';
import { apiCodeOf } from '../../net/relay-codes.ts';
import { isoNow, type ControlContext } from '../control-context.ts';

const SINGLE_PLAYER = 'inventories, structures and power belong to a shared world: this page is single-player (connect to a relay: POST /connect)';

/** A relay ack as a route result: its refusal keeps the relay's message under the matching seed 000 code. */
const fromAck = <T>(a: Ack<T>): Result<T> => (a.ok ? ok(a.value) : fail(apiCodeOf(a.error.code), a.error.error));

export function baseHandlers({ game }: ControlContext): HandlerTable<typeof BASE_ROUTES> {
  const base = game.net.base;
  const me = () => game.net.store.getState().me?.user_id ?? game.player.playerId;
  /** The shared world's copy, or why the route cannot answer. */
  const shared = (playerId?: string): Result<ReturnType<typeof base.store.getState>> => {
    const s = base.store.getState();
    if (!game.shared() || !s.inventory) return fail('SERVICE_UNAVAILABLE', SINGLE_PLAYER);
    if (playerId !== undefined && playerId !== me()) return fail('RESOURCE_NOT_FOUND', `no player ${playerId} here: a page knows only its own inventory (${me()})`);
    return ok(s);
  };

  return {
    'GET /inventory/get': ({ query }) => {
      const s = shared(query.player_id);
      return s.ok ? ok(inventoryView(s.value.inventory!, me())) : s;
    },
    'POST /inventory/add': async ({ body }) => {
      const s = shared(body.player_id);
      if (!s.ok) return s;
      const r = fromAck(await base.request('inventory_add', { item_id: body.item_id, quantity: body.quantity, ...(body.metadata ? { metadata: body.metadata } : {}) }));
      return r.ok ? ok({ status: 'success', player_id: me(), item_id: body.item_id, quantity_added: body.quantity, new_quantity: r.value.new_quantity, slot: r.value.slot }) : r;
    },
    'POST /inventory/remove': async ({ body }) => {
      const s = shared(body.player_id);
      if (!s.ok) return s;
      const r = fromAck(await base.request('inventory_remove', { item_id: body.item_id, quantity: body.quantity }));
      return r.ok ? ok({ status: 'success', player_id: me(), item_id: body.item_id, quantity_removed: body.quantity, remaining_quantity: r.value.remaining_quantity }) : r;
    },
    'GET /base/types': () => ok({
      types: STRUCTURE_TYPE_LIST.map((t) => ({
        structure_type: t.id, name: t.name, cost: t.cost as Record<string, number>, max_health: t.maxHealth, size: t.size, role: t.role,
        power_output: t.peakW, consumption: t.consumptionW, battery_capacity_wh: t.capacityWh, priority: t.priority,
        connection_range: t.connectionRange, oxygen_range: t.oxygenRange, refund_fraction: t.refundFraction, max_slope: t.maxSlope,
      })),
    }),
    'POST /base/place': async ({ body }) => {
      const s = shared(body.player_id);
      if (!s.ok) return s;
      const r = fromAck(await base.request('structure_place', { structure_type: body.structure_type, position: body.position, ...(body.rotation ? { rotation: body.rotation } : {}) }));
      if (!r.ok) return r;
      const st = r.value.structure;
      return ok({ status: 'success', structure_id: st.structure_id, structure_type: st.structure_type, position: st.position, health: st.health, timestamp: isoNow() });
    },
    'POST /base/remove': async ({ body }) => {
      const s = shared(body.player_id);
      if (!s.ok) return s;
      const r = fromAck(await base.request('structure_remove', { structure_id: body.structure_id }));
      return r.ok ? ok({ status: 'success', structure_id: r.value.structure_id, resources_refunded: r.value.resources_refunded as Record<string, number>, timestamp: isoNow() }) : r;
    },
    'GET /base/info': ({ query }) => {
      const s = shared();
      if (!s.ok) return s;
      const st = s.value.structures[query.structure_id];
      if (!st) return fail('RESOURCE_NOT_FOUND', `no structure ${query.structure_id} in this world`);
      const state = s.value.states[st.structure_id];
      return ok({
        structure_id: st.structure_id, structure_type: st.structure_type, owner: st.owner_id, position: st.position, health: st.health,
        power_output: state?.output ?? 0, status: state?.status ?? 'idle', built_at: st.built_at,
      });
    },
    'GET /power/status': ({ query }) => {
      const s = shared();
      if (!s.ok) return s;
      const id = query.player_id;
      if (id?.startsWith('base_')) {
        const n = s.value.grid[id];
        return n ? ok(n) : fail('RESOURCE_NOT_FOUND', `no power network ${id}`);
      }
      if (id !== undefined && id !== me()) return fail('RESOURCE_NOT_FOUND', `no player ${id} here (${me()}); give a base id (base_<n>) for another network`);
      // The network of the nearest structure that a report lists (poles and storage are members of none).
      const networkOf = new Map<string, NetworkReport>();
      for (const n of Object.values(s.value.grid)) for (const m of [...n.generators, ...n.consumers, ...n.batteries]) networkOf.set(m.structure_id, n);
      const p = game.player.snapshot().position;
      let net: NetworkReport | undefined, bestD = Infinity;
      for (const st of Object.values(s.value.structures)) {
        const d = (st.position.x - p.x) ** 2 + (st.position.z - p.z) ** 2;
        const n = networkOf.get(st.structure_id);
        if (n && d < bestD) { bestD = d; net = n; }
      }
      return net ? ok(net) : fail('RESOURCE_NOT_FOUND', 'no power network in this world yet: place a generator first');
    },
    'POST /world/time': async ({ body }) => {
      const s = shared();
      if (!s.ok) return s;
      const r = fromAck(await base.request('world_time_set', { time_of_day: body.time_of_day }));
      return r.ok ? ok({ status: 'success', time_of_day: body.time_of_day, tick: r.value.tick, timestamp: isoNow() }) : r;
    },
    'GET /fabricator/recipes': () => ok({
      recipes: RECIPE_LIST.map((r) => ({
        recipe_id: r.id, name: r.name, inputs: r.inputs as Record<string, number>, outputs: r.outputs as Record<string, number>,
        ticks: r.ticks, seconds: r.ticks / POWER_TICK_HZ, energy_j: r.energyJ,
      })),
      tick_hz: POWER_TICK_HZ, max_count: MAX_CRAFT_COUNT,
    }),
    'POST /fabricator/craft': async ({ body }) => {
      const s = shared();
      if (!s.ok) return s;
      const r = fromAck(await base.request('fabricator_craft', { structure_id: body.structure_id, recipe_id: body.recipe_id, ...(body.count !== undefined ? { count: body.count } : {}) }));
      if (!r.ok) return r;
      const v = r.value;
      return ok({
        status: 'success', structure_id: v.structure_id, recipe_id: v.job.recipe_id, count: v.job.count,
        inputs_spent: v.inputs_spent as Record<string, number>, outputs: v.outputs as Record<string, number>, ticks: v.ticks, timestamp: isoNow(),
      });
    },
    'POST /power/toggle': async ({ body }) => {
      const s = shared();
      if (!s.ok) return s;
      const r = fromAck(await base.request('power_toggle', { structure_id: body.structure_id, enabled: body.enabled }));
      return r.ok ? ok({ status: 'success', structure_id: r.value.structure_id, powered: r.value.powered, timestamp: isoNow() }) : r;
    },
  };
}
