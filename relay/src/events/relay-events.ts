/**
 * The relay's own events, for whoever wants to hear about them outside the socket layer (webhooks
 * today). A hand-written listener list per event rather than node:events: emitters on hot paths
 * (every acknowledged edit) ask `has(name)` first, so with nobody listening they build no payload
 * at all, and a throwing listener is reported, never thrown into the path that emitted.
 */
import type { SequencedEdit } from '../../../src/protocol/net/events.ts';
import type { NetworkReport } from '../../../src/protocol/net/base-events.ts';
import type { CreatureSpawnedData } from '../../../src/protocol/telemetry.ts';

export interface RelayEventMap {
  /** A relay-acknowledged (durable, sequenced) terrain edit, as it is broadcast to the world. */
  terrain_modified: { world_id: number } & SequencedEdit;
  /** A player entered a world's room (joined). */
  player_joined: { world_id: number; player_id: string; name: string };
  /** A player left a world's room (left, switched worlds or disconnected). */
  player_left: { world_id: number; player_id: string; name: string };
  /** A player's page finished loading the world's scene (or reloading it). */
  scene_loaded: { world_id: number; player_id: string; name: string; scene_path: string; load_time_ms: number; reload: boolean };
  /** A structure was placed (seed 000's telemetry event of the same name). */
  structure_built: { world_id: number; structure_id: string; structure_type: string; owner_id: string; position: { x: number; y: number; z: number } };
  /** Power networks whose figures changed (seed 000's power_grid_update), at most one a tick. */
  power_grid_update: { world_id: number; networks: NetworkReport[]; gone: string[]; tick: number };
  /** A creature came into a shared world (seed 000's telemetry event of the same name), asked for or natural. */
  creature_spawned: { world_id: number } & CreatureSpawnedData;
}

export type RelayEventName = keyof RelayEventMap;
export const RELAY_EVENT_NAMES = ['terrain_modified', 'player_joined', 'player_left', 'scene_loaded', 'structure_built', 'power_grid_update', 'creature_spawned'] as const satisfies readonly RelayEventName[];
type Unlisted = Exclude<RelayEventName, (typeof RELAY_EVENT_NAMES)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;

export type RelayListener<K extends RelayEventName> = (data: RelayEventMap[K]) => void;

export class RelayEvents {
  private readonly listeners: { [K in RelayEventName]: RelayListener<K>[] } = { terrain_modified: [], player_joined: [], player_left: [], scene_loaded: [], structure_built: [], power_grid_update: [], creature_spawned: [] };

  /** `onError` hears a listener's exception (the emitter carries on). */
  constructor(private readonly onError: (err: unknown, event: RelayEventName) => void = () => {}) {}

  /** Whether anyone listens: check before building a payload on a hot path. */
  has(name: RelayEventName): boolean {
    return this.listeners[name].length > 0;
  }

  /** Adds a listener; the returned function removes it. */
  on<K extends RelayEventName>(name: K, listener: RelayListener<K>): () => void {
    const list = this.listeners[name] as RelayListener<K>[];
    list.push(listener);
    return () => {
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    };
  }

  emit<K extends RelayEventName>(name: K, data: RelayEventMap[K]): void {
    const list = this.listeners[name] as RelayListener<K>[];
    for (let i = 0; i < list.length; i++) {
      try {
        list[i](data);
      } catch (err) {
        this.onError(err, name);
      }
    }
  }
}
