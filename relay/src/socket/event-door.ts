/**
 * The one door every client event passes, installed with socket.onAny so nothing reaches a handler
 * around it: count → rate budget → size (≤ maxMessageBytes) → known event → zod → handler. A refusal
 * is seed 003's `error` event and, when the client asked for an acknowledgement, `{ ok: false,
 * error }` as well; the connection and the world stay as they were. A connection that keeps being
 * refused past floodRefusalsPerMinute is dropped, so refusing it cannot slow the others down.
 */
import type { z } from 'zod';
import type { ClientToRelayEvents } from '../../../src/protocol/net/events.ts';
import { relayError, validationError, type Ack, type RelayError } from '../../../src/protocol/net/errors.ts';
import type { RelayLimits } from '../../../src/protocol/net/limits.ts';
import type { Logger } from '../log.ts';
import type { RelayMetrics } from '../metrics.ts';
import type { RateClass } from './rate-window.ts';
import type { Session } from './session.ts';

/** A refusal a handler decides on (not in world, world not found…): answered, not logged as a fault. */
export class Refusal extends Error {
  constructor(readonly body: RelayError) { super(body.error); }
}
export const refuse = (...args: Parameters<typeof relayError>): Refusal => new Refusal(relayError(...args));

type AckOf<F> = F extends (payload: never, reply: (ack: Ack<infer T>) => void) => void ? T : void;
type Reply = (ack: Ack<unknown>) => void;

export interface EventHandler<E extends keyof ClientToRelayEvents, S extends z.ZodType = z.ZodType> {
  cls: RateClass;
  schema: S;
  /** 'auth': after authenticate; 'world': after join_world. */
  needs: 'none' | 'auth' | 'world';
  run(session: Session, payload: z.output<S>): Promise<AckOf<ClientToRelayEvents[E]>> | AckOf<ClientToRelayEvents[E]>;
}

export type HandlerTable = { [E in keyof ClientToRelayEvents]?: EventHandler<E> };

/** Typed in one place so each table entry checks its ack value against the event map. */
export const handler = <E extends keyof ClientToRelayEvents, S extends z.ZodType>(_event: E, h: EventHandler<E, S>): EventHandler<E, S> => h;

export interface EventDoorDeps {
  limits: RelayLimits;
  metrics: RelayMetrics;
  log: Logger;
  /** The binary hot path, kept out of the generic door's JSON and zod work. */
  pose(session: Session, record: unknown): RelayError | null;
}

const POSE_EVENT = 'sync_player_position';

function payloadBytes(payload: unknown): number {
  if (payload === undefined) return 0;
  if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) return payload.byteLength;
  return Buffer.byteLength(JSON.stringify(payload) ?? '');
}

export function installEventDoor(session: Session, table: HandlerTable, deps: EventDoorDeps): void {
  const { socket } = session;
  const { limits, metrics, log } = deps;

  const refuseWith = (event: string, body: RelayError, reply?: Reply): void => {
    metrics.refused(body.code);
    socket.emit('error', body);
    reply?.({ ok: false, error: body });
    if (!session.rates.take('refusal')) {
      log.warn({ socket: socket.id, ip: session.ip, event, code: body.code }, 'connection flooding: disconnected');
      socket.disconnect(true);
    }
  };

  socket.onAny((event: string, ...args: unknown[]) => {
    metrics.event(event);
    const reply = typeof args[args.length - 1] === 'function' ? (args.pop() as Reply) : undefined;
    if (event === POSE_EVENT) {
      if (!session.rates.take('pose')) return refuseWith(event, relayError('RATE_LIMITED', `more than ${limits.posesPerSecond} poses a second`, { event }), reply);
      const refusal = args.length === 1 ? deps.pose(session, args[0]) : relayError('VALIDATION_ERROR', 'sync_player_position takes one binary record', { event });
      if (refusal) refuseWith(event, refusal, reply);
      return;
    }
    const h = Object.hasOwn(table, event) ? (table[event as keyof HandlerTable] as EventHandler<never> | undefined) : undefined;
    const cls = h?.cls ?? 'other';
    if (!session.rates.take(cls)) return refuseWith(event, relayError('RATE_LIMITED', `too many ${event} events; slow down`, { event, class: cls }), reply);
    if (!h) return refuseWith(event, relayError('UNKNOWN_EVENT', `the relay has no event "${event}"`, { event }), reply);
    if (args.length > 1) return refuseWith(event, relayError('VALIDATION_ERROR', `${event} takes one payload object`, { event }), reply);
    const size = payloadBytes(args[0]);
    if (size > limits.maxMessageBytes) {
      return refuseWith(event, relayError('MESSAGE_TOO_LARGE', `${event} is ${size} bytes; the limit is ${limits.maxMessageBytes}`, { event, bytes: size, limit: limits.maxMessageBytes }), reply);
    }
    if (h.needs !== 'none' && !session.user) return refuseWith(event, relayError('AUTH_FAILED', `authenticate before ${event}`, { event }), reply);
    if (h.needs === 'world' && !session.room) return refuseWith(event, relayError('NOT_IN_WORLD', `join_world before ${event}`, { event }), reply);
    const parsed = h.schema.safeParse(args[0]);
    if (!parsed.success) return refuseWith(event, validationError(event, parsed.error), reply);
    Promise.resolve()
      .then(() => h.run(session, parsed.data as never))
      .then((value) => reply?.({ ok: true, value }))
      .catch((err: unknown) => {
        if (err instanceof Refusal) return refuseWith(event, err.body, reply);
        log.error({ err, event, socket: socket.id }, 'event handler failed');
        refuseWith(event, relayError('SERVER_ERROR', `the relay failed on ${event}; see its log`, { event }), reply);
      });
  });
}
