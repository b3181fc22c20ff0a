/**
 * The socket to the relay and its life: connect, authenticate, lose it, reconnect (seed 004: up to
 * RECONNECT.maxAttempts, RECONNECT.delayMs apart with backoff), give up, retry. It writes the
 * connection part of the net store (state, attempt, reason, me) and hands every authenticated
 * socket, first or reconnected, to `onAuthenticated`, which joins or resumes the world. It never
 * relies on socket.io's connection-state recovery (lost on a relay restart): every reconnect is
 * authenticated and joined again, and the world resumes by sequence number.
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, RECONNECT } from '../protocol/net/limits.ts';
import { WIRE_PARSER } from '../protocol/net/wire.ts';
import type { NetStore } from '../state/net-store.ts';
import { call, type RelaySocket } from './ack.ts';
import type { GuestIdentity } from './guest-identity.ts';

/** Who connects; a page serving the control API to the relay's HTTP door adds its client_id (api-server.ts). */
export type ConnectIdentity = GuestIdentity & { client_id?: string; token?: () => Promise<string | null> };

/** A first connection that takes longer than this counts as no relay (the game starts single-player). */
const CONNECT_TIMEOUT_MS = 5000;

export interface ConnectionHooks {
  /** A (re)connected, authenticated socket: join (first) or resume (after an outage). Throws to refuse. */
  onAuthenticated(socket: RelaySocket, resumed: boolean): Promise<void>;
  /** The socket dropped; reconnect attempts follow. */
  onDropped(): void;
  /** Given up, refused, or left: the game plays single-player. */
  onOffline(reason: string): void;
  /** A new socket, before it connects: bind relay-to-page events here (once per socket; it reconnects itself). */
  onSocket?(socket: RelaySocket): void;
}

export class RelayConnection {
  socket: RelaySocket | null = null;
  /** Authenticated at least once since connect(): later connects are resumes. */
  private established = false;
  private settle: ((connected: boolean) => void) | null = null;
  private authed = false;

  constructor(
    private readonly store: NetStore,
    private readonly identity: ConnectIdentity,
    private readonly hooks: ConnectionHooks,
    /** Relay origin; undefined = this page's own (npm start serves both). */
    private readonly url?: string,
  ) {}

  /**
   * Authenticated on a live socket. Not the store's 'connected', which waits for the join or resume:
   * a rebuild started while resuming must already see the link as up.
   */
  get connected(): boolean {
    return this.socket?.connected === true && this.authed;
  }

  /** Connects, authenticates and joins; resolves false if the relay cannot be reached or refuses. */
  connect(): Promise<boolean> {
    this.close();
    this.established = false;
    this.store.setState({ state: 'connecting', attempt: 0, reason: null });
    const socket: RelaySocket = io(this.url ?? '', {
      // WebSocket only: poses are binary and frequent; long-polling adds latency for nothing here.
      transports: ['websocket'],
      parser: WIRE_PARSER,
      reconnectionAttempts: RECONNECT.maxAttempts,
      reconnectionDelay: RECONNECT.delayMs,
      reconnectionDelayMax: RECONNECT.maxDelayMs,
      timeout: CONNECT_TIMEOUT_MS,
      autoConnect: false,
    });
    this.socket = socket;
    this.hooks.onSocket?.(socket);
    socket.on('connect', () => void this.authenticate(socket));
    socket.on('connect_error', (err) => {
      // Before the first success there is no relay to come back to: play single-player now.
      if (!this.established) this.fail(`the relay cannot be reached (${err.message})`);
    });
    socket.on('disconnect', (reason) => {
      this.authed = false;
      if (this.socket !== socket || !this.established) return;
      if (reason === 'io client disconnect') return;
      if (reason === 'io server disconnect') {
        this.fail('the relay closed the connection');
        return;
      }
      this.store.setState({ state: 'reconnecting', attempt: 1 });
      this.hooks.onDropped();
    });
    socket.io.on('reconnect_attempt', (attempt) => {
      if (this.socket === socket) this.store.setState({ state: 'reconnecting', attempt });
    });
    socket.io.on('reconnect_failed', () => {
      if (this.socket === socket) this.fail(`the relay did not answer after ${RECONNECT.maxAttempts} attempts`);
    });
    socket.on('error', (e) => console.warn(`relay refused an event: ${e.code} ${e.error}`));
    const done = new Promise<boolean>((resolve) => (this.settle = resolve));
    socket.connect();
    return done;
  }

  /** Leaves: the game goes on single-player. */
  disconnect(reason = 'disconnected'): void {
    if (!this.socket) return;
    this.close();
    this.store.setState({ state: 'offline', attempt: 0, reason });
    this.hooks.onOffline(reason);
    this.finish(false);
  }

  private async authenticate(socket: RelaySocket): Promise<void> {
    const resumed = this.established;
    const { guest_id, name, client_id } = this.identity;
    const token = (await this.identity.token?.()) ?? undefined;
    const auth = await call(socket, 'authenticate', { protocol_version: PROTOCOL_VERSION, guest_id, name, ...(client_id ? { client_id } : {}), ...(token ? { token } : {}) });
    if (this.socket !== socket) return;
    if (!auth.ok) {
      const refusal = auth.error.code === 'PROTOCOL_MISMATCH'
        ? `${auth.error.error}: this page is out of date, reload the page`
        : `the relay refused us: ${auth.error.error}`;
      this.fail(refusal);
      return;
    }
    this.authed = true;
    this.store.setState({ me: { user_id: auth.value.user.id, name: auth.value.user.name, peer_id: 0 } });
    try {
      await this.hooks.onAuthenticated(socket, resumed);
    } catch (e) {
      if (this.socket === socket) this.fail((e as Error).message);
      return;
    }
    if (this.socket !== socket) return;
    this.established = true;
    this.store.setState({ state: 'connected', attempt: 0, reason: null });
    this.finish(true);
  }

  private fail(reason: string): void {
    if (!this.socket) return;
    this.close();
    this.store.setState({ state: 'offline', attempt: 0, reason });
    this.hooks.onOffline(reason);
    this.finish(false);
  }

  private finish(connected: boolean): void {
    const settle = this.settle;
    this.settle = null;
    settle?.(connected);
  }

  private close(): void {
    const socket = this.socket;
    this.socket = null;
    this.authed = false;
    if (!socket) return;
    socket.removeAllListeners();
    socket.io.removeAllListeners();
    socket.disconnect();
  }
}
