import { createStore } from 'zustand/vanilla';
import type { ChatMessage, Notification, PeerInfo } from '../protocol/net/events.ts';
import type { WorldSummary } from '../protocol/net/worlds.ts';

/** Where the page stands with the relay (GET /status `multiplayer.state`). */
export type NetState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Slow-changing multiplayer state the UI shows (connection badge, chat, world list, presence).
 * Written only by the relay client (src/net/); per-frame pose data never goes through here (see
 * RemotePlayers).
 */
export interface NetStoreState {
  state: NetState;
  /** While reconnecting: the attempt under way (1..RECONNECT.maxAttempts). */
  attempt: number;
  /** Why the page is offline (no relay in this build, the relay refused us, attempts used up). */
  reason: string | null;
  /** This browser's guest identity. */
  me: { user_id: string; name: string; peer_id: number } | null;
  world: WorldSummary | null;
  /** Last edit applied here, in the world's order. */
  editSeq: number;
  /** Other players in the world (not me). */
  players: PeerInfo[];
  chat: ChatMessage[];
  /** Names of players typing right now. */
  typing: string[];
  notifications: Notification[];
  /** The relay's worlds, refreshed when the menu opens. */
  worlds: WorldSummary[];
  /** Signed in to an account (null: playing as this browser's guest). */
  account: { username: string } | null;
  /** Why the last sign-in failed or ended. */
  accountError: string | null;
}

export const createNetStore = () =>
  createStore<NetStoreState>()(() => ({
    state: 'offline',
    attempt: 0,
    reason: null,
    me: null,
    world: null,
    editSeq: 0,
    players: [],
    chat: [],
    typing: [],
    notifications: [],
    worlds: [],
    account: null,
    accountError: null,
  }));

export type NetStore = ReturnType<typeof createNetStore>;
