/**
 * A Node socket.io client of the relay for e2e tests: connects the way the page does (WebSocket
 * only), records every `error` event it gets, and calls events with acknowledgements. Plus the
 * relay's HTTP routes a test needs (worlds).
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, RelayError } from '../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/net/limits.ts';
import { WIRE_PARSER } from '../../src/protocol/net/wire.ts';
import type { WorldSummary } from '../../src/protocol/net/worlds.ts';

export interface TestClient {
  socket: Socket;
  /** Every `error` event, in arrival order. */
  errors: RelayError[];
  /** Other events by name, in arrival order. */
  events: Array<{ event: string; args: unknown[] }>;
  /** Emits with an acknowledgement; rejects if none comes within `timeoutMs`. */
  call<T = unknown>(event: string, payload?: unknown, timeoutMs?: number): Promise<Ack<T>>;
  /** Resolves once `errors.length` reaches `count` (rejects after `timeoutMs`). */
  waitErrors(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Connects and waits for the relay's `connected` greeting. */
export async function connectClient(url: string, timeoutMs = 10_000): Promise<TestClient> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: timeoutMs, parser: WIRE_PARSER });
  const errors: RelayError[] = [];
  const events: TestClient['events'] = [];
  const errorWaiters = new Set<() => void>();
  socket.on('error', (e: RelayError) => {
    errors.push(e);
    for (const w of errorWaiters) w();
  });
  socket.onAny((event: string, ...args: unknown[]) => {
    if (event !== 'error') events.push({ event, args });
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no 'connected' from ${url} within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connected', () => { clearTimeout(timer); resolve(); });
    socket.once('connect_error', (err) => { clearTimeout(timer); reject(err); });
  });
  return {
    socket, errors, events,
    call<T>(event: string, payload?: unknown, timeout = 10_000) {
      return socket.timeout(timeout).emitWithAck(event, payload) as Promise<Ack<T>>;
    },
    waitErrors(count, timeout = 15_000) {
      if (errors.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (errors.length < count) return;
          errorWaiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          errorWaiters.delete(check);
          reject(new Error(`${errors.length} error events of ${count} within ${timeout} ms`));
        }, timeout);
        errorWaiters.add(check);
      });
    },
    close: () => { socket.disconnect(); },
  };
}

let guests = 0;
/** A fresh guest id the relay accepts (guest_<6-32 lowercase letters and digits>). */
export const guestId = (tag = 'e2e'): string => `guest_${tag}${process.pid.toString(36)}${(guests++).toString(36)}${Date.now().toString(36)}`.slice(0, 38);

export async function authenticate(client: TestClient, name = 'E2E bot'): Promise<void> {
  const r = await client.call('authenticate', { protocol_version: PROTOCOL_VERSION, guest_id: guestId(), name });
  if (!r.ok) throw new Error(`authenticate refused: ${JSON.stringify(r.error)}`);
}

export async function joinWorld(client: TestClient, worldId: number): Promise<{ edit_seq: number }> {
  const r = await client.call<{ edit_seq: number }>('join_world', { world_id: worldId });
  if (!r.ok) throw new Error(`join_world refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function createWorld(relayUrl: string, body: { world_name: string; seed: number; kind: 'arena' | 'planet' }): Promise<WorldSummary> {
  const res = await fetch(`${relayUrl}/worlds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /worlds answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as WorldSummary;
}

export async function getWorld(relayUrl: string, worldId: number): Promise<WorldSummary> {
  const res = await fetch(`${relayUrl}/worlds/${worldId}`);
  if (res.status !== 200) throw new Error(`GET /worlds/${worldId} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as WorldSummary;
}

/** A counter or gauge from the relay's GET /metrics, summed over its labels (0 if absent). */
export async function metric(relayUrl: string, name: string): Promise<number> {
  const res = await fetch(`${relayUrl}/metrics`);
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  let sum = 0;
  for (const line of (await res.text()).split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m && m[1] === name) sum += Number(m[3]);
  }
  return sum;
}
