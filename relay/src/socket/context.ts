/**
 * What the socket handlers share: the hub, the world rooms, the server and the relay's limits and
 * metrics; plus the two messages several handlers send (a peer's public info and a notification).
 */
import type { PeerInfo, Notification } from '../../../src/protocol/net/events.ts';
import type { RelayLimits } from '../../../src/protocol/net/limits.ts';
import type { Logger } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { TelemetryDoor } from '../telemetry/telemetry-door.ts';
import type { Verify } from '../http/auth-guard.ts';
import type { ApiPages } from './api-pages.ts';
import type { HubPort } from './hub-port.ts';
import type { Identities } from './identities.ts';
import type { RelayServer, Session } from './session.ts';
import type { WorldRooms } from './world-room.ts';
import type { BaseHub } from '../base/base-hub.ts';
import type { CreatureHub } from '../creatures/creature-hub.ts';

export interface SocketContext {
  io: RelayServer;
  hub: HubPort;
  rooms: WorldRooms<Session>;
  limits: RelayLimits;
  metrics: RelayMetrics;
  log: Logger;
  /** How long a joiner may hold back folding before it asks for the edits it missed. */
  joinHoldMs: number;
  /** How often debug_mode sends its figures. */
  debugIntervalMs: number;
  /** Live connections per identity (seed 003: connectionsPerUser). */
  identities: Identities;
  /** Pages that serve the control API to the HTTP door (api-door.ts), by client_id. */
  pages: ApiPages;
  /** A signed-in player's character in a world (made on the first visit); absent without accounts. */
  characterFor?(userId: number, worldId: number): Promise<{ ok: true; value: { name: string } } | { ok: false; error: { message: string } }>;
  /** False for an invite-only world: a browser guest holds no grant (absent without accounts). */
  openToGuests?(worldId: number): Promise<boolean>;
  /** Checks an API token (authenticate with `token`). */
  verify: Verify;
  /** The /telemetry WebSocket clients the pages feed. */
  telemetry: TelemetryDoor;
  /** Inventories, structures, grid and clock (issue 12); absent on a hub without a database. */
  base?: BaseHub;
  /** Creatures, zone authority and their events (issue 13); absent on a hub without a database. */
  creatures?: CreatureHub;
}

export function peerInfo(session: Session): PeerInfo {
  const user = session.user as NonNullable<Session['user']>;
  return { user_id: user.id, name: user.name, peer_id: session.peerId, mode: session.mode };
}

let notificationCounter = 0;
const KEEP_NOTIFICATIONS = 100;

export function notify(session: Session, type: Notification['type'], title: string, message: string, data: Record<string, unknown>): void {
  if (!session.rates.take('notification')) return;
  const id = `notif_${Date.now().toString(36)}_${(notificationCounter++).toString(36)}`;
  session.notifications.add(id);
  // Only the recent ones can be marked read; the set must not grow for a long-lived connection.
  if (session.notifications.size > KEEP_NOTIFICATIONS) {
    session.notifications.delete(session.notifications.values().next().value as string);
  }
  session.socket.emit('notification', { id, type, title, message, data, timestamp: new Date().toISOString(), read: false });
}
