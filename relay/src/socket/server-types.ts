/** The socket.io server and socket as typed by the shared event maps (protocol/net/events.ts). */
import type { Server, Socket } from 'socket.io';
import type { ClientToRelayEvents, RelayToClientEvents } from '../../../src/protocol/net/events.ts';

export type RelayServer = Server<ClientToRelayEvents, RelayToClientEvents>;
export type RelaySocket = Socket<ClientToRelayEvents, RelayToClientEvents>;
