import type { SceneHost } from './scenes/scene-manager.ts';
import type { GameStore } from '../state/game-store.ts';
import type { SettingsStore } from '../state/settings.ts';
import type { ChunkStreamer } from '../threads/chunk-streamer.ts';
import type { TerrainPool } from '../threads/terrain-pool.ts';
import type { CollisionField } from '../engine/player/collision-field.ts';
import type { PlayerSim } from '../engine/player/player-sim.ts';
import type { PlayerInput } from '../engine/player/player-state.ts';
import type { UrlFlags } from './url-flags.ts';
import type { SceneDef } from './scenes/registry.ts';
import { groundBelow, searchSpawn } from './spawn.ts';
import { findScene } from './scenes/registry.ts';
import { sceneNameOf } from '../protocol/scenes.ts';
import type { WorldKind } from '../protocol/terrain.ts';
import type { SavedPlayerState } from '../protocol/net/events.ts';

/** Streaming switch and "spawn area is in" signal, shared by the game's timer tick and scene loads. */
export interface LoadGate {
  streaming: boolean;
  waiter: (() => void) | null;
  /** The scene running or being started (the scene manager's current one lags until a load ends). */
  def: SceneDef | null;
  /** The running world is the relay's shared world: digs and poses go through the relay. */
  shared: boolean;
}

/** The relay client, as a scene load sees it. */
export interface SharedWorldPort {
  /** The shared world a scene of this kind runs (its seed) and where the player left off, or null: single-player. */
  world(kind: WorldKind): { world: { seed: number; kind: WorldKind }; spawn: SavedPlayerState | null } | null;
  /** Builds the replicas from the relay's snapshots and edits (after the pool was reset); resolves once in sync. */
  enter(x: number, z: number): Promise<void>;
  /** Stop following the shared world (another world is starting). */
  detach(): void;
}

/** What a reload that preserves state carries across. */
interface PlayerCarry {
  x: number; y: number; z: number; yawDeg: number;
  mode: 'walking' | 'spacecraft';
  health: number; oxygen: number;
}

/** How far above the chosen column the ground search starts (the column height ignores caves and edits). */
const SEARCH_ABOVE = 24;

export interface SceneHostDeps {
  flags: UrlFlags;
  store: GameStore;
  settings: SettingsStore;
  streamer: ChunkStreamer;
  pool: TerrainPool;
  collision: CollisionField;
  player: PlayerSim;
  /** Look input gathered behind the loading screen is dropped when a scene starts. */
  input: PlayerInput;
  gate: LoadGate;
  /** Moves the streaming viewer to the player's eyes (no frames are drawn while loading). */
  viewerAtPlayer(): void;
  onFirstReady(): void;
  /** The 3D scene, once it has loaded (node count, renderer check). */
  view(): { nodeCount(): number } | null;
  /** The relay client; absent: every world is single-player. */
  shared?: SharedWorldPort;
}

/**
 * Starting a scene: stop and clear the old world, start the new one in the workers, choose the
 * spawn, stream until the ground around it is meshed and collidable, then place the player on it.
 */
export function createSceneHost(deps: SceneHostDeps): SceneHost {
  const { store, streamer, pool, collision, player, flags, settings, input, gate } = deps;
  let first = true;
  return {
    async start(def: SceneDef, carry: unknown) {
      store.setState({ ready: false, scene: def.name, banner: null, loading: { wanted: 0, meshed: 0 } });
      gate.streaming = false;
      gate.waiter = null;
      gate.def = def;
      // Whatever starts now, the replicas stop following the shared world until it is entered again.
      gate.shared = false;
      deps.shared?.detach();
      streamer.reset();
      collision.clear();
      const view = flags.viewDistance ?? def.viewDistance ?? settings.getState().viewDistance;
      streamer.viewDistance = view;
      store.setState({ viewDistance: view });
      if (!def.world) {
        // The title menu: no terrain; the camera looks at the gas giant.
        player.hover({ x: 0, y: 120, z: 0 }, 150, 12);
        deps.viewerAtPlayer();
        finish();
        return;
      }
      const shared = deps.shared?.world(def.world.kind) ?? null;
      pool.reset(shared ? { seed: shared.world.seed, kind: shared.world.kind } : { seed: def.world.seed === 'url' ? flags.seed : def.world.seed, kind: def.world.kind });
      // A reload carries the player; a first visit to a shared world starts where they left off there.
      const held = (carry as PlayerCarry | undefined) ?? (shared?.spawn ? carryFrom(shared.spawn) : undefined);
      const fly = first && def.spawn === 'search' && flags.position;
      let x: number, z: number, top: number, yawDeg: number;
      if (held) {
        ({ x, z, yawDeg } = held);
        top = held.y + 2;
      } else if (def.spawn === 'search') {
        const s = await searchSpawn(pool);
        ({ x, z, yawDeg } = s);
        top = s.ground + SEARCH_ABOVE;
      } else {
        const s = def.spawn!;
        ({ x, z, yawDeg } = s);
        top = s.y + SEARCH_ABOVE;
      }
      if (fly) {
        // ?pos=x,y,z: start flying there (tools and screenshots), no ground search.
        [x, top, z] = flags.position!;
        yawDeg = flags.yaw ?? 0;
      }
      if (shared) {
        // The world's edited chunks and edits go in before any chunk is meshed, nearest the spawn first.
        await deps.shared!.enter(x, z);
        gate.shared = true;
      }
      // Stream around the spawn while the player hovers there, still (nothing to stand on yet).
      player.hover({ x, y: top, z }, yawDeg, fly ? (flags.pitch ?? -15) : -8);
      deps.viewerAtPlayer();
      gate.streaming = true;
      streamer.invalidate();
      await new Promise<void>((resolve) => (gate.waiter = resolve));
      if (!fly) {
        const ground = groundBelow(collision, x, z, top, top + 64);
        const placed = ground === null ? null : player.spawn({ position: { x, y: ground, z }, rotation: { x: 0, y: yawDeg, z: 0 }, mode: 'walking' });
        if (!placed?.ok) {
          // No standing room there (a carried spot that was a dug tunnel, now rock again): start
          // in the ship, hovering over the first free air above it. Never leave the load stuck.
          hoverAbove(x, top, z, yawDeg);
        } else if (held) {
          if (held.mode === 'spacecraft') player.setMode('spacecraft', { force: true });
          player.state.health = held.health;
          player.state.oxygen = held.oxygen;
        }
      }
      finish();
    },
    capturePlayer(): PlayerCarry {
      const s = player.snapshot();
      return { x: s.position.x, y: s.position.y, z: s.position.z, yawDeg: s.rotation.y, mode: s.mode, health: s.health, oxygen: s.oxygen };
    },
    nodeCount: () => deps.view()?.nodeCount() ?? 0,
    workersAlive: () => pool.stats().workers,
    rendererReady: () => deps.view() !== null,
    vrWarning: () => {
      const xr = store.getState().xr;
      return xr.supported ? null : xr.reason;
    },
  };

  /** Puts the player in the ship at the first free point at or above y (2 m steps up to the sky). */
  function hoverAbove(x: number, y: number, z: number, yawDeg: number) {
    for (let h = y; h < 250; h += 2) {
      if (player.hover({ x, y: h, z }, yawDeg, -8).ok) return;
    }
  }

  function finish() {
    // Mouse motion while the loading screen was up must not swing the view on the first frame.
    input.lookYaw = 0;
    input.lookPitch = 0;
    store.setState({ ready: true });
    if (first) {
      first = false;
      deps.onFirstReady();
    }
  }
}

function carryFrom(saved: SavedPlayerState): PlayerCarry {
  const { position: p } = saved;
  return { x: p.x, y: p.y, z: p.z, yawDeg: saved.rotation.y, mode: saved.mode, health: saved.health, oxygen: saved.oxygen };
}

/** The scene that runs a shared world of this kind (with the world's seed). */
export function sceneForWorld(kind: WorldKind): string {
  return kind === 'arena' ? 'test_arena' : 'vr_main';
}

/** The scene the page starts in: ?scene=<name>, else the planet. */
export function startSceneName(flag: string): string {
  const name = sceneNameOf(flag);
  if (findScene(name)) return name;
  console.warn(`?scene=${flag} is not a known scene; starting vr_main`);
  return 'vr_main';
}
