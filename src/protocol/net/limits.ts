/**
 * Numbers every end of the multiplayer link agrees on. Reconnection and keep-alive follow seed 004's
 * "WebSocket Protocol"; connection and event limits follow seed 003's "Rate Limiting", with the
 * game's own pose and edit rates beside them. The relay reads its defaults from here and lets flags
 * or the environment change them.
 */

/** Bumped whenever an event's payload changes shape; a relay refuses a client of another version. */
export const PROTOCOL_VERSION = 1;

export const RECONNECT = {
  /** Seed 004: max reconnect attempts. After the last one the page shows "offline" and a retry button. */
  maxAttempts: 5,
  /** Seed 004: reconnect delay (the first; socket.io backs off from it up to maxDelayMs). */
  delayMs: 1000,
  /**
   * Attempts come ~1, 2, 2, 2, 2 s apart (±50% jitter, so a restarted relay is not hit by every
   * page at once): about 9 s of outage is ridden out, and a relay back after a restart (~2 s) is
   * found within ~2 s. With 5 s the wait after a restart reached 6 s for an outage of 2.
   */
  maxDelayMs: 2000,
} as const;

export const KEEPALIVE = {
  /** Seed 004: ping interval. */
  pingIntervalMs: 30_000,
  /** Seed 004: pong timeout. */
  pongTimeoutMs: 5_000,
} as const;

/** Default limits; the relay can be configured with others. */
export const RELAY_LIMITS = {
  /** Seed 004: max message size. A larger message is refused with an error event, not applied. */
  maxMessageBytes: 16 * 1024,
  /** Seed 003: max connections per IP. */
  connectionsPerIp: 10,
  /** Seed 003: max connections per user (per identity: tabs and devices of one player). */
  connectionsPerUser: 5,
  /** Seed 003: messages per minute (chat). */
  chatPerMinute: 60,
  /** Seed 003: typing events per minute. */
  typingPerMinute: 120,
  /** Seed 003: notifications per minute a connection is sent; past it they are dropped (they only inform). */
  notificationsPerMinute: 30,
  /** Pose updates a connection may send per second (20 Hz plus slack for jitter). */
  posesPerSecond: 30,
  /** Terrain edits a connection may send per second. */
  editsPerSecond: 10,
  /** Any other event per second (chunk requests, reports, notifications). */
  otherPerSecond: 200,
  /** Telemetry messages a page sends the relay for its /telemetry clients (several clients at 50 Hz). */
  telemetryPerSecond: 1000,
  /**
   * A connection refused this many times within a minute is flooding: the relay drops it, so the
   * work of refusing it never slows the others.
   */
  floodRefusalsPerMinute: 1000,
} as const;

export type RelayLimits = { -readonly [K in keyof typeof RELAY_LIMITS]: number };

export const POSE_RATE_HZ = 20;
/** Players farther apart than this do not receive each other's poses. */
export const INTEREST_RADIUS_M = 128;
/** Receivers draw remote players this far in the past, so two or three poses are always buffered. */
export const INTERPOLATION_DELAY_MS = 100;
/** Chat messages a joining player receives from the world's history. */
export const CHAT_HISTORY = 50;
export const CHAT_MAX_CHARS = 500;
/**
 * Clients report chunk checksums after every edit whose edit_seq is a multiple of this, and the
 * relay keeps the hashes of those edits' chunks to compare: drift is caught within 16 edits without
 * hashing after every one.
 */
export const CHECKSUM_SAMPLE = 16;
