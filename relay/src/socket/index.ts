/**
 * The relay's socket layer on a socket.io server: the world rooms, the connection door and one
 * handler table that the event door dispatches from.
 */
import type { ClientToRelayEvents } from '../../../src/protocol/net/events.ts';
import type { SocketContext } from './context.ts';
import { installConnectionDoor } from './connection-door.ts';
import { Identities } from './identities.ts';
import type { HandlerTable } from './event-door.ts';
import { authHandlers } from './handlers/auth.ts';
import { debugHandlers } from './handlers/debug.ts';
import { socialHandlers } from './handlers/social.ts';
import { telemetryHandlers } from './handlers/telemetry.ts';
import { terrainHandlers } from './handlers/terrain.ts';
import { worldHandlers } from './handlers/world.ts';
import { baseHandlers } from './handlers/base.ts';
import { creatureHandlers } from './handlers/creatures.ts';

/** Every client event, for per-event metrics; the type check below fails when the map gains one. */
export const CLIENT_EVENTS = [
  'authenticate', 'join_world', 'leave_world', 'sync_player_position', 'sync_player_mode', 'save_player_state', 'scene_loaded',
  'sync_terrain_deform', 'request_terrain_chunk', 'request_terrain_edits', 'report_chunk_checksums', 'terrain_sync',
  'chat_message', 'typing_start', 'typing_stop', 'notification_read', 'debug_mode', 'telemetry_out', 'telemetry_close',
  'inventory_add', 'inventory_remove', 'structure_place', 'structure_remove', 'power_toggle', 'world_time_set', 'fabricator_craft',
  'sync_creature_spawn', 'sync_creature_command', 'creature_feed', 'sync_creature_position', 'sync_creature_state', 'request_authority',
] as const satisfies readonly (keyof ClientToRelayEvents)[];
type Unlisted = Exclude<keyof ClientToRelayEvents, (typeof CLIENT_EVENTS)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyEventListed;

export function attachSockets(base: Omit<SocketContext, 'identities'>) {
  const ctx: SocketContext = { ...base, identities: new Identities(() => base.limits.connectionsPerUser) };
  const table: HandlerTable = {
    ...authHandlers(ctx), ...worldHandlers(ctx), ...terrainHandlers(ctx), ...socialHandlers(ctx), ...debugHandlers(ctx), ...telemetryHandlers(ctx),
    ...(ctx.base ? baseHandlers(ctx.base) : {}),
    ...(ctx.creatures ? creatureHandlers(ctx.creatures) : {}),
  };
  return installConnectionDoor(ctx, table);
}
