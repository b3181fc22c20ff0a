/** The bridge's telemetry doors: seed-protocol connections, callback subscriptions, and waitFor. */
import type { SpacetimeBridge, TelemetryPort } from '../protocol/bridge.ts';
import type { GameStateView } from '../protocol/debug.ts';
import { TELEMETRY_EVENTS, type TelemetryEvent, type TelemetryEventMessage } from '../protocol/telemetry.ts';
import type { ControlApi } from './control-api.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

type Doors = Pick<SpacetimeBridge, 'subscribe' | 'waitFor' | 'telemetry'>;

export function telemetryDoors(api: ControlApi): Doors {
  const hub = api.telemetry;
  const open: Doors['telemetry']['open'] = (onMessage) => {
    const c = hub.open(onMessage, { authenticated: true });
    const port: TelemetryPort = { id: c.id, send: (m) => c.handle(m), close: () => c.close() };
    return port;
  };

  const subscribe: Doors['subscribe'] = (events, callback, config) => {
    const list = Array.isArray(events) ? events : [events];
    const unknown = list.find((e) => !(TELEMETRY_EVENTS as readonly string[]).includes(e));
    if (unknown !== undefined || list.length === 0) throw new TypeError(`unknown telemetry event ${String(unknown)}; known: ${TELEMETRY_EVENTS.join(', ')}`);
    let refused: string | null = null;
    // In-page code already holds the page: the token guards the doors from outside (the relay).
    const c = hub.open((m) => {
      if (m instanceof ArrayBuffer) return;
      if (m.type === 'event') callback(m);
      else if (m.type === 'error') refused = m.message;
    }, { authenticated: true });
    if (config) c.handle({ type: 'configure', config });
    c.handle({ type: 'subscribe', events: list });
    if (refused) {
      c.close();
      throw new TypeError(refused);
    }
    return () => c.close();
  };

  function waitFor(target: TelemetryEvent | ((s: GameStateView) => boolean), options?: { timeout?: number }): Promise<TelemetryEventMessage | GameStateView> {
    const timeout = options?.timeout ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      let stop = () => {};
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`waitFor timed out after ${timeout} ms`));
      }, timeout);
      const finish = (value: TelemetryEventMessage | GameStateView) => {
        clearTimeout(timer);
        stop();
        resolve(value);
      };
      if (typeof target === 'function') {
        const check = () => {
          const state = api.context.stateView();
          let holds: boolean;
          try {
            holds = !!target(state);
          } catch (e) {
            // A predicate that throws ends the wait, not the frame it was checked in.
            clearTimeout(timer);
            stop();
            reject(e);
            return;
          }
          if (holds) finish(state);
        };
        // Every frame, and on a timer too: nothing is drawn while a scene loads.
        const offFrame = api.onFrame(check);
        const poll = setInterval(check, 100);
        stop = () => { offFrame(); clearInterval(poll); };
        check();
      } else {
        stop = subscribe(target, finish);
      }
    });
  }

  return { subscribe, waitFor: waitFor as Doors['waitFor'], telemetry: { open } };
}
