/**
 * What the relay's doors need from the world hub (relay/src/world/, storage and the authoritative
 * engine): the hub's own types, narrowed to the repository calls the doors make, so the socket and
 * HTTP layers depend on no more of the hub than they use.
 */
import type { SavedPlayerState, ChatMessage } from '../../../src/protocol/net/events.ts';
import type { WorldHub, WorldRow } from '../world/types.ts';

export type { WorldRow };

export type HubPort = Pick<WorldHub, 'list' | 'create' | 'get' | 'defaultWorld' | 'open' | 'health' | 'close'> & {
  /** The guest's users.id (created the first time). */
  users: { ensureGuest(guestId: string, name: string): Promise<number> };
  players: {
    save(userId: number, worldId: number, playerName: string, state: SavedPlayerState): Promise<unknown>;
    load(userId: number, worldId: number): Promise<SavedPlayerState | null | undefined>;
  };
  chat: {
    append(worldId: number, message: { user_id: string; name: string; text: string }): Promise<ChatMessage>;
    recent(worldId: number, n: number): Promise<ChatMessage[]>;
  };
};
