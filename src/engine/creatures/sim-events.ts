/**
 * A tick's events as plain objects for the main thread (telemetry ai:thinking / ai:action, deaths
 * for drops, strikes for effects). Built after the tick from the event ring's columns.
 */
import { EventRing, SimEventKind } from './event-ring.ts';

export type SimEvent =
  | { kind: 'died'; n: number; killer: number; x: number; y: number; z: number }
  | { kind: 'struck'; n: number; target: number; damage: number }
  /** Picked a target: to hunt it, or to flee from it (seed 004's ai:thinking). */
  | { kind: 'hunt' | 'flee'; n: number; target: number }
  /** A command took effect (seed 004's ai:action): its state and whom it follows (-1 none). */
  | { kind: 'action'; n: number; state: number; follow: number }
  | { kind: 'spawned'; n: number; x: number; y: number; z: number }
  /** The ring was full: this many events of the tick were not kept. */
  | { kind: 'dropped'; count: number };

export function drainEvents(ring: EventRing): SimEvent[] {
  const out: SimEvent[] = [];
  for (let e = 0; e < ring.count; e++) {
    const n = ring.a[e], b = ring.b[e];
    switch (ring.kind[e]) {
      case SimEventKind.Died: out.push({ kind: 'died', n, killer: b, x: ring.x[e], y: ring.y[e], z: ring.z[e] }); break;
      case SimEventKind.Struck: out.push({ kind: 'struck', n, target: b, damage: ring.value[e] }); break;
      case SimEventKind.Thinking: out.push({ kind: ring.value[e] === 1 ? 'flee' : 'hunt', n, target: b }); break;
      case SimEventKind.Action: out.push({ kind: 'action', n, state: ring.value[e], follow: b }); break;
      case SimEventKind.Spawned: out.push({ kind: 'spawned', n, x: ring.x[e], y: ring.y[e], z: ring.z[e] }); break;
    }
  }
  if (ring.dropped > 0) out.push({ kind: 'dropped', count: ring.dropped });
  return out;
}
