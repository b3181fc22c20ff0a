/**
 * The relay client the game holds: one connection (relay-connection.ts), the shared world's
 * terrain (world-session.ts), presence and chat (presence.ts), remote players' poses
 * (RemotePlayers), and the actions the multiplayer UI calls. Everything the UI shows goes through
 * the net store; nothing here runs per frame except sendPose.
 */
import type { WorldKind } from '../protocol/terrain.ts';
import type { JoinResult, SavedPlayerState } from '../protocol/net/events.ts';
import type { WorldSummary } from '../protocol/net/worlds.ts';
import { createNetStore, type NetStore } from '../state/net-store.ts';
import { call, type RelaySocket } from './ack.ts';
import { loadGuestIdentity } from './guest-identity.ts';
import { RelayConnection, type ConnectIdentity } from './relay-connection.ts';
import { loadClientId, serveApi, type ApiHandler } from './api-server.ts';
import { feedTelemetry, type TelemetryOpen } from './telemetry-feed.ts';
import { AccountSession } from './account-session.ts';
import { RemotePlayers } from './remote-players.ts';
import { WorldSession } from './world-session.ts';
import type { TerrainReplica } from './terrain-replica.ts';
import { applyJoin, bindPresence } from './presence.ts';
import { BaseReplica } from './base-replica.ts';
import { CreatureLink } from './creature-link.ts';

/** How often the player's state is saved to the relay while in a world. */
const SAVE_EVERY_MS = 5000;

/** What the game does for the client: run the shared world's scene, rebuild it, say where the player is. */
export interface WorldHost {
  /** Load the scene that runs this world (after a join from the menu, a retry, a world switch). */
  loadWorld(world: WorldSummary): Promise<void>;
  /** Rebuild the running shared world from snapshots (the relay folded past us), keeping the player. */
  rebuild(): Promise<void>;
  /** The player's state to save, or null when no shared world is running. */
  playerState(): SavedPlayerState | null;
}

export class NetClient {
  readonly store: NetStore = createNetStore();
  readonly remote = new RemotePlayers();
  /** Inventory, structures, grid and clock as the relay has them (issue 12). */
  readonly base = new BaseReplica(() => (this.inWorld() ? this.connection.socket : null));
  /** The relay's creature layer (issue 13): events to the page's creature service, requests to the relay. */
  readonly creatures = new CreatureLink(() => (this.inWorld() ? this.connection.socket : null));
  readonly session: WorldSession;
  /** Signed in to an account, or the browser's guest (account-session.ts). */
  readonly account: AccountSession;
  private readonly connection: RelayConnection;
  private readonly saver: ReturnType<typeof setInterval>;
  /** The world to join: ?world=<id>, then whichever was joined last. */
  private worldId: number | undefined;
  /** The player's saved state from the last join, for the first spawn in that world. */
  private spawnState: SavedPlayerState | null = null;
  private readonly identity: ConnectIdentity = loadGuestIdentity();
  private api: ApiHandler | null = null;
  private telemetry: TelemetryOpen | null = null;

  constructor(replica: TerrainReplica, private readonly host: WorldHost, worldId?: number, url?: string) {
    this.worldId = worldId;
    this.session = new WorldSession(this.store, replica, () => void host.rebuild());
    this.account = new AccountSession(this.store, url ?? '');
    this.identity.token = () => this.account.token();
    this.connection = new RelayConnection(this.store, this.identity, {
      onSocket: (socket) => {
        serveApi(socket, (c) => this.api!(c), url ?? '');
        feedTelemetry(socket, () => this.telemetry);
      },
      onAuthenticated: (socket, resumed) => (resumed ? this.resume(socket) : this.join(socket)),
      onDropped: () => undefined,
      onOffline: () => {
        this.session.detach();
        this.remote.clear();
        this.base.clear();
        this.creatures.clear();
        this.store.setState({ players: [], typing: [] });
      },
    }, url);
    this.saver = setInterval(() => void this.save(), SAVE_EVERY_MS);
  }

  /**
   * Serve the control API to the relay's HTTP door and feed its /telemetry clients (the bridge
   * calls this when it installs, before start()): the page then names itself with a client_id.
   */
  serveApi(handle: ApiHandler, telemetry: TelemetryOpen): string {
    this.api = handle;
    this.telemetry = telemetry;
    this.identity.client_id ??= loadClientId();
    return this.identity.client_id;
  }

  /** This page's X-Spacetime-Client id, when it serves the control API. */
  get clientId(): string | null {
    return this.api ? this.identity.client_id ?? null : null;
  }

  /** Connects and joins; resolves with the join, or null when the game is to run single-player. */
  async start(): Promise<JoinResult | null> {
    const connected = await this.connection.connect();
    return connected ? this.session.join : null;
  }

  /**
   * Joined and the running scene is the shared world: digs, poses and saves go through the relay.
   * The store says 'connected' only once a (re)join has finished: after a relay restart the socket
   * is authenticated a moment before it is back in the world, and the relay refuses world events then.
   */
  inWorld(): boolean {
    return this.connection.connected && this.session.attached && this.store.getState().state === 'connected';
  }

  /**
   * The shared world a scene of `kind` runs, with where the player left off there (once per
   * join), or null when that scene is to run single-player.
   */
  sharedWorld(kind: WorldKind): { world: WorldSummary; spawn: SavedPlayerState | null } | null {
    const join = this.session.join;
    if (!this.connection.connected || !join || join.world.kind !== kind) return null;
    const spawn = this.spawnState;
    this.spawnState = null;
    return { world: join.world, spawn };
  }

  /** The running scene finished loading: the relay passes it on to webhooks (scene_loaded) when this page is in the shared world. */
  sceneLoaded(loaded: { scene_path: string; load_time_ms: number; reload: boolean }): void {
    const socket = this.connection.socket;
    if (socket && this.inWorld()) socket.emit('scene_loaded', { scene_path: loaded.scene_path, load_time_ms: loaded.load_time_ms, reload: loaded.reload });
  }

  /** POST /connect and the Retry button: true once joined (the shared world's scene then loads). */
  async retry(): Promise<boolean> {
    if (this.connection.connected) return true;
    const connected = await this.connection.connect();
    if (connected && this.session.join) void this.host.loadWorld(this.session.join.world);
    return connected;
  }

  /** POST /disconnect and the menu: saves, leaves the world and closes; the game goes on single-player. */
  async leave(): Promise<void> {
    const socket = this.connection.socket;
    if (socket?.connected) {
      await this.save();
      await call(socket, 'leave_world', {});
    }
    this.base.clear();
    this.creatures.clear();
    this.connection.disconnect('disconnected');
  }

  get socket(): RelaySocket | null {
    return this.connection.socket;
  }

  /** One pose record, volatile: dropped rather than queued when the socket is busy. */
  sendPose(record: Uint8Array): void {
    const socket = this.connection.socket;
    if (socket && this.inWorld()) socket.volatile.emit('sync_player_position', record);
  }

  /** The UI's actions (src/ui/net-ui.ts NetActions). */
  readonly actions = {
    retry: () => void this.retry(),
    disconnect: () => void this.leave(),
    sendChat: (text: string) => void this.chat(text),
    typing: (start: boolean) => {
      const socket = this.connection.socket;
      if (socket?.connected) socket.emit(start ? 'typing_start' : 'typing_stop');
    },
    listWorlds: () => void this.listWorlds(),
    createWorld: (name: string, seed: number, kind: WorldKind) => void this.createWorld(name, seed, kind),
    joinWorld: (id: number) => void this.switchWorld(id),
    signIn: (username: string, password: string) => void this.signIn(username, password),
    signOut: () => void this.signOut(),
  };

  /** Signs in and reconnects as the account (its character in this world); the error shows in the store. */
  async signIn(username: string, password: string): Promise<void> {
    const error = await this.account.signIn(username, password);
    this.store.setState({ accountError: error });
    if (!error) await this.reconnect();
  }

  async signOut(): Promise<void> {
    await this.account.signOut();
    await this.reconnect();
  }

  /** A new identity: leave, connect again and load the world as the new player. */
  private async reconnect(): Promise<void> {
    await this.leave();
    await this.retry();
  }

  /** Sends a chat line; resolves with the relay's message (also added to the store) or its refusal. */
  async chat(text: string): Promise<{ ok: true } | { ok: false; error: string }> {
    const socket = this.connection.socket;
    if (!socket?.connected) return { ok: false, error: 'not connected to the relay' };
    const r = await call(socket, 'chat_message', { text });
    if (!r.ok) return { ok: false, error: r.error.error };
    this.store.setState((s) => ({ chat: [...s.chat, r.value].slice(-100) }));
    return { ok: true };
  }

  async listWorlds(): Promise<void> {
    try {
      const res = await fetch('/worlds');
      if (!res.ok) return;
      const body = (await res.json()) as { worlds: WorldSummary[] };
      this.store.setState({ worlds: body.worlds });
    } catch { /* no relay: the list stays as it was */ }
  }

  dispose(): void {
    clearInterval(this.saver);
    this.connection.disconnect('closed');
  }

  private async createWorld(world_name: string, seed: number, kind: WorldKind): Promise<void> {
    try {
      await fetch('/worlds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ world_name, seed, kind }) });
    } finally {
      await this.listWorlds();
    }
  }

  private async switchWorld(id: number): Promise<void> {
    const socket = this.connection.socket;
    if (!socket?.connected) return;
    await this.save();
    this.session.detach();
    this.worldId = id;
    const join = await this.session.joinWorld(socket, id).catch((e: Error) => (console.warn(e.message), null));
    if (!join) return;
    this.afterJoin(join);
    await this.host.loadWorld(join.world);
  }

  private async join(socket: RelaySocket): Promise<void> {
    this.session.bind(socket);
    bindPresence(socket, this.store, this.remote);
    this.base.bind(socket);
    this.creatures.bind(socket);
    const join = await this.session.joinWorld(socket, this.worldId);
    this.afterJoin(join);
  }

  private async resume(socket: RelaySocket): Promise<void> {
    await this.session.resume(socket);
    if (this.session.join) {
      applyJoin(this.store, this.remote, this.session.join);
      this.base.applyJoin(this.session.join.base);
      this.creatures.applyJoin(this.session.join.creatures, this.session.join.peer_id);
    }
  }

  private afterJoin(join: JoinResult): void {
    this.worldId = join.world.world_id;
    this.spawnState = join.player_state;
    applyJoin(this.store, this.remote, join);
    this.base.applyJoin(join.base);
    this.creatures.applyJoin(join.creatures, join.peer_id);
    this.store.setState({ editSeq: join.folded_seq });
  }

  private async save(): Promise<void> {
    const socket = this.connection.socket;
    const state = this.inWorld() ? this.host.playerState() : null;
    if (socket?.connected && state) await call(socket, 'save_player_state', state);
  }
}
