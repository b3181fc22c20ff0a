/**
 * Builds the page's creatures (issue 13): the creature worker and its client, the interpolator that
 * fills game.creatureFrame, the service with its registry, the relay link's sink, and the upkeep
 * timer; and turns what they report into telemetry (creature_spawned, ai:*).
 */
import type { WorldInit } from '../../protocol/terrain.ts';
import { BIOMES } from '../../protocol/world.ts';
import { CREATURE_TYPE_NAMES, CREATURE_STATE_NAMES } from '../../protocol/creatures.ts';
import type { TelemetryEventDataMap } from '../../protocol/telemetry.ts';
import { createWorldgen } from '../../engine/worldgen.ts';
import { CreatureWorkerClient } from '../../threads/creature-worker-client.ts';
import { CreatureTimeline } from '../../threads/creature-timeline.ts';
import { CREATURE_RECORD_BYTES, creatureRecordCount } from '../../protocol/net/creature-codec.ts';
import { fail } from '../../protocol/errors.ts';
import { apiCodeOf } from '../../net/relay-codes.ts';
import type { NetClient } from '../../net/net-client.ts';
import type { TerrainPool } from '../../threads/terrain-pool.ts';
import type { PlayerSim } from '../../engine/player/player-sim.ts';
import { CreatureFlag, type CreatureFrame } from '../../scene/creature-frame.ts';
import { CreatureService } from './creature-service.ts';
import { CreatureUpkeep } from './creature-upkeep.ts';
import { WorkerSimPort } from './sim-adapter.ts';

export type CreatureTelemetryEvent = 'creature_spawned' | 'ai:thinking' | 'ai:action' | 'ai:error' | 'ai:ready';
type Listener = <E extends CreatureTelemetryEvent>(event: E, data: TelemetryEventDataMap[E]) => void;

export interface Creatures {
  service: CreatureService;
  port: WorkerSimPort;
  client: CreatureWorkerClient;
  timeline: CreatureTimeline;
  /** Hears creature telemetry (the control API forwards it). */
  listen(listener: Listener): () => void;
  /** Interpolates every creature into the frame for `nowMs` (the frame loop calls it each frame). */
  sample(nowMs: number): void;
  dispose(): void;
}

export function createCreatures(deps: {
  world: WorldInit; frame: CreatureFrame; net: NetClient; pool: TerrainPool; player: PlayerSim;
  /** Natural spawning runs now (the URL flag allows it and a world scene is playing). */
  naturalSpawning: () => boolean;
}): Creatures {
  const { frame, net, player } = deps;
  const listeners = new Set<Listener>();
  const emit: Listener = (event, data) => { for (const l of listeners) l(event, data); };
  const timeline = new CreatureTimeline();
  // The client's hooks reach the port, which needs the client: the arrows run only once the worker ticks, after both exist.
  const client = new CreatureWorkerClient(deps.world, { onTick: (m) => port.tick(m), onRestart: (e) => port.restart(e) });
  const port = new WorkerSimPort(client, timeline);
  let gen = createWorldgen(deps.world.seed, deps.world.kind);
  const me = () => net.store.getState().me?.user_id ?? player.playerId;
  const peerOf = (id: string): number | null => {
    const s = net.store.getState();
    if (s.me?.user_id === id) return s.me.peer_id;
    return s.players.find((p) => p.user_id === id)?.peer_id ?? null;
  };
  const service = new CreatureService(port, frame, {
    request: (event, payload) => net.creatures.request(event, payload),
    refusal: (error) => fail(apiCodeOf(error.code), error.error),
  }, {
    me, peerOf,
    meta: (n, rec) => timeline.setMeta(n, CREATURE_TYPE_NAMES.indexOf(rec.creature_type), rec.level,
      (rec.tamed ? CreatureFlag.Tamed : 0) | (rec.owner !== null && rec.owner === me() ? CreatureFlag.Mine : 0)),
    forget: (n) => timeline.forget(n),
    positions: (bytes) => {
      const count = creatureRecordCount(bytes);
      if (count > 0) timeline.ingestRecords(new DataView(bytes.buffer, bytes.byteOffset, count * CREATURE_RECORD_BYTES), count, performance.now());
    },
    spawned: (rec) => emit('creature_spawned', { creature_id: rec.creature_id, creature_type: rec.creature_type, level: rec.level, position: rec.position, natural: rec.natural, owner: rec.owner }),
    removed: () => undefined,
    action: (data) => emit('ai:action', data),
    thinking: (id, decision, target, state) => emit('ai:thinking', { creature_id: id, decision, target_id: target, state: CREATURE_STATE_NAMES[state] ?? 'wandering' }),
    ready: (creatures, restored, restarts) => emit('ai:ready', { creatures, restored, restarts, tick_hz: 20 }),
    error: (message, restarts) => emit('ai:error', { message, source: 'creature_worker', restarts }),
  });
  net.creatures.attach(service);
  deps.pool.onOp((op) => void client.terrainOps([op]));
  deps.pool.onReset((world) => {
    gen = createWorldgen(world.seed, world.kind);
    service.worldChanged(() => port.reset(world));
  });

  const upkeep = new CreatureUpkeep(service, {
    players: (out) => {
      const s = net.store.getState(), shared = service.shared;
      const p = player.state;
      out[0] = shared && s.me ? s.me.peer_id : 0; out[1] = p.x; out[2] = p.y; out[3] = p.z;
      let k = 1;
      if (shared) {
        const r = net.remote;
        for (let i = 0; i < r.count && k < out.length / 4; i++, k++) {
          out[k * 4] = r.peerId[i]; out[k * 4 + 1] = r.position[i * 3]; out[k * 4 + 2] = r.position[i * 3 + 1]; out[k * 4 + 3] = r.position[i * 3 + 2];
        }
      }
      return k;
    },
    me: () => ({ x: player.state.x, y: player.state.y, z: player.state.z }),
    others: () => {
      const r = net.remote, out = [];
      if (service.shared) for (let i = 0; i < r.count; i++) out.push({ x: r.position[i * 3], y: r.position[i * 3 + 1], z: r.position[i * 3 + 2] });
      return out;
    },
    refresh: () => timeline.sample(performance.now(), frame),
    sendPositions: (bytes) => net.creatures.sendPositions(bytes),
    sendState: (payload) => net.creatures.sendState(payload),
    requestAuthority: async (zone) => {
      const a = await net.creatures.request('request_authority', { object_id: zone });
      return a.ok ? a.value.peer_id : undefined;
    },
    biomeAt: (x, z) => Math.max(0, BIOMES.indexOf(gen.columnInfo(x, z).biome)),
    naturalSpawning: deps.naturalSpawning,
  });
  void client.start();
  upkeep.start();

  return {
    service, port, client, timeline,
    listen(l) { listeners.add(l); return () => { listeners.delete(l); }; },
    sample: (nowMs) => timeline.sample(nowMs, frame),
    dispose() { upkeep.stop(); client.dispose(); },
  };
}

