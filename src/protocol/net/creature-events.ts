/**
 * Issue 13's part of the relay link: creatures shared through zone authority (seed 000's
 * "Creature Synchronization" and "Authority Transfer" RPCs, 1000 m authority zones).
 *
 * The relay keeps the registry (the `creatures` table: who exists, type, level, owner, taming and
 * the last state it heard) and decides, per zone, which one client simulates it: the first client
 * whose player is in the zone; when that client leaves the world or its player crosses out, the
 * relay sends it `revoke_authority` and gives the zone to another client in it with
 * `grant_authority` carrying the zone's creatures as last heard. A zone nobody is in sleeps.
 *
 * The authority simulates its zones' creatures (the page's creature worker) and sends
 * `sync_creature_position` (binary, creature-codec.ts) at 10 Hz, volatile; the relay keeps the
 * latest and forwards it to the other clients in range (interest-managed like poses). Every second,
 * and at once for a death, it sends `sync_creature_state` (health, stamina, state, position), which
 * the relay saves. Spawns, commands and feedings are asked of the relay, which checks, saves and
 * tells the world; the authority applies them.
 */
import { z } from 'zod';
import type { Ack } from './errors.ts';
import {
  CREATURE_STATE_NAMES, CreatureCommandEventSchema, CreatureFeedSchema, CreatureIdSchema, CreatureSpawnSchema,
  type CreatureCommand, type CreatureRecord,
} from '../creatures.ts';

/** Seed 000's authority zones are 1000 m cubes. */
export const AUTHORITY_ZONE_M = 1000;
/**
 * A zone's integer cell along one axis. Zones are centred on the landing site (0, 0, 0): a new
 * player starts in the middle of one, not at the corner where four meet (pets left behind at every
 * step across a border near the spawn).
 */
export const zoneCell = (v: number): number => Math.floor((v + AUTHORITY_ZONE_M / 2) / AUTHORITY_ZONE_M);
/** A zone's object_id for the *_authority events: `zone_<ix>_<iy>_<iz>`, ix = zoneCell(x). */
export const ZoneIdSchema = z.string().regex(/^zone_-?\d{1,6}_-?\d{1,6}_-?\d{1,6}$/, 'object_id must look like zone_<ix>_<iy>_<iz>');
export const zoneIdAt = (x: number, y: number, z: number): string => `zone_${zoneCell(x)}_${zoneCell(y)}_${zoneCell(z)}`;

/** How often the authority sends positions, and full states. */
export const CREATURE_POSITION_HZ = 10;
export const CREATURE_STATE_EVERY_MS = 1000;

/** sync_creature_spawn from a page: a spawn request (the API's or the natural spawner's). */
export const CreatureSpawnEventSchema = CreatureSpawnSchema.extend({
  /** The natural spawner's (a zone authority's) request: capped per zone, despawns far from players. */
  natural: z.boolean().optional(),
}).strict();

const finite = z.number().finite();
const Vec3Schema = z.object({ x: finite, y: finite, z: finite }).strict();

/** One creature in a sync_creature_state report from its zone's authority. */
export const CreatureStateReportSchema = z.object({
  creature_id: CreatureIdSchema,
  position: Vec3Schema,
  velocity: Vec3Schema,
  health: z.number().finite().min(0),
  stamina: z.number().finite().min(0),
  state: z.number().int().min(0).max(CREATURE_STATE_NAMES.length - 1),
  /** Set once, when its health reached 0: the relay removes it and gives its drop. */
  died: z.object({ killer_id: CreatureIdSchema.nullable() }).strict().optional(),
}).strict();
export type CreatureStateReport = z.infer<typeof CreatureStateReportSchema>;

export const CreatureStateEventSchema = z.object({
  /** The zone these creatures are in (the sender must hold its authority). */
  object_id: ZoneIdSchema,
  creatures: z.array(CreatureStateReportSchema).max(2000),
  /** Wild natural creatures the authority let go (far from every player it knows of). */
  despawned: z.array(CreatureIdSchema).max(2000).optional(),
}).strict();

export const RequestAuthoritySchema = z.object({ object_id: ZoneIdSchema }).strict();

export interface CreatureDrop { item_id: string; quantity: number; given_to: string | null }

export interface CreatureClientEvents {
  sync_creature_spawn(payload: z.input<typeof CreatureSpawnEventSchema>, reply: (ack: Ack<{ creature: CreatureRecord }>) => void): void;
  sync_creature_command(payload: z.input<typeof CreatureCommandEventSchema>, reply: (ack: Ack<{ creature_id: string; command: CreatureCommand }>) => void): void;
  creature_feed(payload: z.input<typeof CreatureFeedSchema>, reply: (ack: Ack<{ creature: CreatureRecord; fed: string; tamed: boolean }>) => void): void;
  /**
   * Binary positions (creature-codec.ts) of creatures in zones the sender holds; volatile, never acknowledged.
   * Records of creatures in zones the sender does not hold are dropped. The relay's message limit
   * (RELAY_LIMITS.maxMessageBytes, 16 KB) allows 682 records a message: split larger zones.
   */
  sync_creature_position(records: Uint8Array | ArrayBuffer): void;
  /** `kept`: the `despawned` ids the relay did not let go (a player within 150 m, or not a wild natural one in your zone). */
  sync_creature_state(payload: z.input<typeof CreatureStateEventSchema>, reply: (ack: Ack<{ saved: number; kept?: string[] }>) => void): void;
  /** Ask for a zone (the answer says who holds it; a grant_authority follows if it is you). */
  request_authority(payload: z.input<typeof RequestAuthoritySchema>, reply: (ack: Ack<{ object_id: string; peer_id: number | null }>) => void): void;
}

export interface CreatureRelayEvents {
  /** A creature came into the world (to everyone in it). */
  sync_creature_spawn(data: CreatureRecord): void;
  /** Positions forwarded from zone authorities, concatenated records (creature-codec.ts). Volatile. */
  sync_creature_position(records: Uint8Array | ArrayBuffer): void;
  /** A command its owner gave (to everyone: the authority applies it, the others update their view). */
  sync_creature_command(data: { creature_id: string; command: CreatureCommand; parameters: { target_player?: string } }): void;
  /** Owner, taming or level changed (a feeding, taming): the whole record. */
  sync_creature_update(data: CreatureRecord): void;
  /** Died (with what it dropped) or despawned. */
  sync_creature_remove(data: { creature_id: string; reason: 'died' | 'despawned'; drop?: CreatureDrop }): void;
  /**
   * Seed 000: the zone `object_id` is now simulated by `peer_id`; to its grantee with the zone's creatures as last heard.
   * A grant for a zone the grantee already holds adds the creatures it lists: one that the neighbouring
   * zone's authority moved across the border (that authority drops it once its position leaves its zone).
   */
  grant_authority(data: { object_id: string; peer_id: number; creatures?: CreatureRecord[] }): void;
  /** Seed 000: stop simulating this zone (you left it, or the relay gave it to someone else). */
  revoke_authority(data: { object_id: string }): void;
}

/** What a joiner gets of the creature layer, in the join result. */
export interface CreatureJoin {
  creatures: CreatureRecord[];
  /** Zone → peer id of its authority, for the zones that have one. */
  authorities: Record<string, number>;
}
