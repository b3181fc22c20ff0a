/**
 * One acknowledged relay call as a promise of seed 003's Ack shape. A call that gets no answer in
 * time (a dropped connection) is a refusal too, so nothing waits forever on a dead socket.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToRelayEvents, RelayToClientEvents } from '../protocol/net/events.ts';
import { relayError, type Ack } from '../protocol/net/errors.ts';

export type RelaySocket = Socket<RelayToClientEvents, ClientToRelayEvents>;

type Acked = {
  [E in keyof ClientToRelayEvents]: Parameters<ClientToRelayEvents[E]> extends [unknown, (ack: never) => void] ? E : never
}[keyof ClientToRelayEvents];
type PayloadOf<E extends Acked> = Parameters<ClientToRelayEvents[E]>[0];
export type AckOf<E extends Acked> = Parameters<ClientToRelayEvents[E]>[1] extends (ack: infer A) => void ? A : never;

const CALL_TIMEOUT_MS = 10_000;

export function call<E extends Acked>(socket: RelaySocket, event: E, payload: PayloadOf<E>, timeoutMs = CALL_TIMEOUT_MS): Promise<AckOf<E>> {
  return new Promise((resolve) => {
    if (!socket.connected) {
      resolve({ ok: false, error: relayError('SERVER_ERROR', 'not connected to the relay') } as AckOf<E>);
      return;
    }
    // socket.io's typed emit cannot follow a generic event name; the event map above checks it.
    const timed = socket.timeout(timeoutMs) as unknown as { emit(e: string, p: unknown, cb: (err: Error | null, ack: unknown) => void): void };
    timed.emit(event, payload, (err, ack) => {
      if (err) resolve({ ok: false, error: relayError('SERVER_ERROR', `${event}: no answer from the relay`) } as AckOf<E>);
      else resolve(ack as AckOf<E>);
    });
  });
}

export type { Ack };
