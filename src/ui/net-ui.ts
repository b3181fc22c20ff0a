/**
 * What the multiplayer UI (badge, chat, toasts, world list) needs from the relay client: the net
 * store to read and a narrow set of actions to call. The relay client (src/net/) satisfies
 * NetActions; without one (a static build) the HUD uses an offline store and no-op actions, so
 * every view renders its offline state.
 */
import type { WorldKind } from '../protocol/terrain.ts';
import { RECONNECT } from '../protocol/net/limits.ts';
import { createNetStore, type NetStore, type NetStoreState } from '../state/net-store.ts';

export interface NetActions {
  /** Try to connect again after giving up (the offline badge's Retry). */
  retry(): void;
  disconnect(): void;
  sendChat(text: string): void;
  /** typing_start (true) / typing_stop (false). */
  typing(start: boolean): void;
  /** Refresh store.worlds from the relay. */
  listWorlds(): void;
  createWorld(name: string, seed: number, kind: WorldKind): void;
  joinWorld(id: number): void;
  /** POST /auth/login, then play as the account (errors land in store.accountError). */
  signIn(username: string, password: string): void;
  /** Back to the browser's guest. */
  signOut(): void;
}

export interface NetUi {
  store: NetStore;
  actions: NetActions;
  /** Set when there is no relay client at all: nothing to retry. */
  noRelay?: true;
}

/** Why the page is offline when no relay client exists at all. */
export const NO_RELAY_REASON = 'no relay in this build';

export function createOfflineNet(reason = NO_RELAY_REASON): NetUi {
  const store = createNetStore();
  store.setState({ state: 'offline', reason });
  const none = () => {};
  return { store, noRelay: true, actions: { retry: none, disconnect: none, sendChat: none, typing: none, listWorlds: none, createWorld: none, joinWorld: none, signIn: none, signOut: none } };
}

/** The link that opens this world: `<origin>/?world=<id>`. */
export function shareLink(origin: string, worldId: number): string {
  return `${origin.replace(/\/+$/, '')}/?world=${worldId}`;
}

/** The badge's words for the connection state. */
export function connectionLabel(s: Pick<NetStoreState, 'state' | 'attempt' | 'reason' | 'world' | 'players'>): string {
  switch (s.state) {
    case 'connected': {
      const n = s.players.length + 1; // the others and me
      const where = s.world ? ` — ${s.world.world_name}` : '';
      return `Connected${where} (${n} player${n === 1 ? '' : 's'})`;
    }
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return `Reconnecting (attempt ${Math.max(1, s.attempt)} of ${RECONNECT.maxAttempts})…`;
    case 'offline':
      return s.reason ? `Offline — ${s.reason}` : 'Offline';
  }
}

/** "Ana is typing…", "Ana and Bo are typing…", "3 people are typing…"; null when nobody is. */
export function typingLine(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
