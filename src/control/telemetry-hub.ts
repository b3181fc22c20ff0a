/**
 * The in-page side of the seed's WebSocket Telemetry API: one TelemetryConnection per socket (the
 * relay binds `send` and feeds `handle`), interval events driven from the frame loop.
 */
import { isoTimestamp } from '../protocol/iso-time.ts';
import {
  DEFAULT_TELEMETRY_CONFIG, TELEMETRY_EVENTS, encodeFpsPacket, parseTelemetryClientMessage,
  type FpsData, type PlayerPositionData, type TelemetryClientMessage, type TelemetryConfig,
  type TelemetryEvent, type TelemetryEventMessage, type TelemetryServerMessage, type TelemetrySnapshotData,
  type TelemetryEventDataMap, type VrTrackingEventData,
} from '../protocol/telemetry.ts';
import type { ErrorCode } from '../protocol/errors.ts';

export interface TelemetrySource {
  fps(out: FpsData): FpsData;
  vrTracking(): VrTrackingEventData;
  playerPosition(): PlayerPositionData;
  snapshot(): TelemetrySnapshotData;
}

export type TelemetryOutput = TelemetryServerMessage | ArrayBuffer;

export interface TelemetryConnection {
  readonly id: string;
  /** One client message: parsed JSON, or the raw text frame. */
  handle(raw: unknown): void;
  close(): void;
  subscribed(): readonly TelemetryEvent[];
}

export interface TelemetryHubOptions {
  /** Without it every connection is trusted. */
  verifyToken?: (token: string) => boolean;
  /** Wall clock in ms for timestamps; interval timing uses frame()'s own time. */
  clock?: () => number;
}

class Connection implements TelemetryConnection {
  readonly events = new Set<TelemetryEvent>();
  readonly config: TelemetryConfig = { ...DEFAULT_TELEMETRY_CONFIG };
  // Frame time (ms) each interval event last went out; -Infinity sends on the next frame.
  lastFps = -Infinity;
  lastTracking = -Infinity;
  lastPosition = -Infinity;
  closed = false;

  constructor(
    readonly id: string,
    readonly send: (msg: TelemetryOutput) => void,
    public authenticated: boolean,
    private readonly hub: TelemetryHub,
  ) {}

  handle(raw: unknown): void {
    if (!this.closed) this.hub.receive(this, raw);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.hub.drop(this);
  }

  subscribed(): readonly TelemetryEvent[] {
    return TELEMETRY_EVENTS.filter((event) => this.events.has(event));
  }

  /** Subscribed and not switched off by configure. */
  delivers(event: TelemetryEvent): boolean {
    if (!this.events.has(event)) return false;
    if (event === 'fps') return this.config.fps_enabled;
    if (event === 'vr_tracking') return this.config.vr_tracking_enabled;
    if (event === 'player_position') return this.config.player_position_enabled;
    return true;
  }
}

export class TelemetryHub {
  private readonly live: Connection[] = [];
  private readonly verifyToken: ((token: string) => boolean) | undefined;
  private readonly clock: () => number;
  private readonly fpsScratch: FpsData = { fps: 0, frame_time_ms: 0, physics_time_ms: 0, render_time_ms: 0 };
  private nextClientNumber = 1;
  // Built at most once per frame and shared by every connection due that frame.
  private fpsMessage: TelemetryEventMessage | null = null;
  /** One timestamp per frame for all its interval events: Date#toISOString costs several µs. */
  private frameStamp: string | null = null;
  private fpsPacket: ArrayBuffer | null = null;
  private trackingMessage: TelemetryEventMessage | null = null;
  private positionMessage: TelemetryEventMessage | null = null;

  constructor(private readonly source: TelemetrySource, options: TelemetryHubOptions = {}) {
    this.verifyToken = options.verifyToken;
    this.clock = options.clock ?? Date.now;
  }

  get connections(): number {
    return this.live.length;
  }

  /** `authenticated`: the relay already checked the client (e.g. a token in the upgrade request). */
  open(send: (msg: TelemetryOutput) => void, options: { authenticated?: boolean } = {}): TelemetryConnection {
    const trusted = options.authenticated === true || this.verifyToken === undefined;
    const connection = new Connection(`client_${this.nextClientNumber++}`, send, trusted, this);
    this.live.push(connection);
    return connection;
  }

  /** One event to every connection subscribed to it; the payload is typed by the event (protocol/telemetry.ts). */
  emit<K extends TelemetryEvent>(event: K, data: TelemetryEventDataMap[K]): void {
    let message: TelemetryEventMessage | null = null;
    for (let i = this.live.length - 1; i >= 0; i--) {
      const connection = this.live[i];
      if (connection === undefined || !connection.authenticated || !connection.delivers(event)) continue;
      message ??= this.event(event, data);
      this.deliver(connection, message);
    }
  }

  frame(nowMs: number): void {
    this.fpsMessage = this.fpsPacket = this.trackingMessage = this.positionMessage = null;
    this.frameStamp = null;
    // Backwards, so a connection dropped by a failing send does not shift the ones still to visit.
    for (let i = this.live.length - 1; i >= 0; i--) {
      const c = this.live[i];
      // undefined when a send callback closed several other connections.
      if (c === undefined || !c.authenticated) continue;
      if (nowMs >= c.lastFps + c.config.fps_interval * 1000 && c.delivers('fps')) {
        c.lastFps = nowMs;
        this.deliver(c, c.config.fps_binary ? this.binaryFps() : this.jsonFps());
      }
      if (c.closed) continue;
      if (nowMs >= c.lastTracking + c.config.tracking_interval * 1000 && c.delivers('vr_tracking')) {
        c.lastTracking = nowMs;
        this.trackingMessage ??= this.event('vr_tracking', this.source.vrTracking(), this.stamp());
        this.deliver(c, this.trackingMessage);
      }
      if (c.closed) continue;
      if (nowMs >= c.lastPosition + c.config.position_interval * 1000 && c.delivers('player_position')) {
        c.lastPosition = nowMs;
        this.positionMessage ??= this.event('player_position', this.source.playerPosition(), this.stamp());
        this.deliver(c, this.positionMessage);
      }
    }
  }

  wants(event: TelemetryEvent): boolean {
    for (let i = 0; i < this.live.length; i++) {
      if (this.live[i].authenticated && this.live[i].delivers(event)) return true;
    }
    return false;
  }

  /** @internal Connection.handle lands here. */
  receive(c: Connection, raw: unknown): void {
    let input = raw;
    if (typeof raw === 'string') {
      try { input = JSON.parse(raw); } catch { return this.error(c, 'INVALID_PARAMETER', 'message is not valid JSON'); }
    }
    const parsed = parseTelemetryClientMessage(input);
    if (!parsed.ok) return this.error(c, parsed.error.code, parsed.error.message);
    const message: TelemetryClientMessage = parsed.value;
    if (!c.authenticated && message.type !== 'auth' && message.type !== 'ping') {
      return this.error(c, 'INVALID_TOKEN', 'authenticate first: send {"type":"auth","token":...}');
    }
    const timestamp = this.now();
    switch (message.type) {
      case 'auth':
        // A failed retry does not revoke an earlier success: the client already proved itself.
        if (this.verifyToken === undefined || this.verifyToken(message.token)) {
          c.authenticated = true;
          return this.deliver(c, { type: 'auth_success', client_id: c.id, timestamp });
        }
        return this.deliver(c, { type: 'auth_failed', reason: 'Invalid token', timestamp });
      case 'subscribe': {
        const events = [...new Set(message.events)];
        for (const event of events) {
          if (c.events.has(event)) continue;
          c.events.add(event);
          // A fresh subscription gets its first interval event on the next frame.
          if (event === 'fps') c.lastFps = -Infinity;
          if (event === 'vr_tracking') c.lastTracking = -Infinity;
          if (event === 'player_position') c.lastPosition = -Infinity;
        }
        return this.deliver(c, { type: 'subscribed', events, timestamp });
      }
      case 'unsubscribe': {
        const events = [...new Set(message.events)];
        for (const event of events) c.events.delete(event);
        return this.deliver(c, { type: 'unsubscribed', events, timestamp });
      }
      case 'configure':
        Object.assign(c.config, message.config);
        return this.deliver(c, { type: 'configured', config: { ...c.config }, timestamp });
      case 'get_snapshot':
        return this.deliver(c, { type: 'snapshot', data: { ...this.source.snapshot() }, timestamp });
      case 'ping':
        return this.deliver(c, { type: 'pong', timestamp });
    }
  }

  /** @internal Connection.close lands here. */
  drop(c: Connection): void {
    const index = this.live.indexOf(c);
    if (index >= 0) this.live.splice(index, 1);
  }

  private jsonFps(): TelemetryEventMessage {
    // A copy: the scratch object is refilled next time, the message may still sit in a send queue.
    this.fpsMessage ??= this.event('fps', { ...this.source.fps(this.fpsScratch) }, this.stamp());
    return this.fpsMessage;
  }

  /** A new buffer per frame, since sockets may hold on to what they were given. */
  private binaryFps(): ArrayBuffer {
    this.fpsPacket ??= encodeFpsPacket(this.source.fps(this.fpsScratch));
    return this.fpsPacket;
  }

  private event<K extends TelemetryEvent>(event: K, data: TelemetryEventDataMap[K], stamp = this.now()): TelemetryEventMessage {
    // The one cast: TypeScript cannot see that an event K with the data of K is a member of the union over all events.
    return { type: 'event', event, data, timestamp: stamp } as TelemetryEventMessage;
  }

  private error(c: Connection, code: ErrorCode, message: string): void {
    this.deliver(c, { type: 'error', code, message, timestamp: this.now() });
  }

  /** A socket that throws is dead: drop it rather than break the frame loop. */
  private deliver(c: Connection, message: TelemetryOutput): void {
    if (c.closed) return;
    try {
      c.send(message);
    } catch {
      c.close();
    }
  }

  private stamp(): string {
    return (this.frameStamp ??= this.now());
  }

  private now(): string {
    return isoTimestamp(this.clock());
  }
}
