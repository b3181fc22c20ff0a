/**
 * The relay's Prometheus registry (GET /metrics) and the figures GET /status and debug_mode read.
 * Each relay owns its registry, so tests can run several relays in one process. The hot path
 * (events, poses) only bumps numbers in typed arrays; prom-client reads them at scrape time through
 * `collect`, so a pose never pays for label hashing.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Events counted per second over the last minute: a ring of 60 one-second buckets. */
class MinuteRing {
  private readonly buckets = new Uint32Array(60);
  private second = Math.floor(Date.now() / 1000);

  add(n = 1): void {
    this.advance();
    this.buckets[this.second % 60] += n;
  }

  total(): number {
    this.advance();
    let sum = 0;
    for (let i = 0; i < 60; i++) sum += this.buckets[i];
    return sum;
  }

  private advance(): void {
    const now = Math.floor(Date.now() / 1000);
    // Clear the buckets of the seconds that passed with no event, at most the whole ring.
    for (let s = this.second + 1; s <= now && s <= this.second + 60; s++) this.buckets[s % 60] = 0;
    if (now > this.second) this.second = now;
  }
}

export interface RelayMetrics {
  registry: Registry;
  connectionOpened(): void;
  connectionClosed(): void;
  /** An event that passed the door (or was refused: `refused`). */
  event(name: string): void;
  refused(code: string): void;
  editAcked(seconds: number): void;
  checksumMismatch(): void;
  posesDelivered(n: number): void;
  http(method: string, status: number, seconds: number): void;
  snapshot(): { active: number; total: number; eventsPerMinute: number; byEvent: Record<string, number>; refused: number };
}

export function createMetrics(eventNames: readonly string[]): RelayMetrics {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds and the event-loop delay percentiles.
  collectDefaultMetrics({ register: registry });
  const index = new Map(eventNames.map((name, i) => [name, i]));
  const counts = new Float64Array(eventNames.length + 1); // the last slot: names not in the map
  const ring = new MinuteRing();
  let active = 0, total = 0, refusedTotal = 0, delivered = 0;

  new Counter({ name: 'websocket_connections_total', help: 'Total WebSocket connections', registers: [registry],
    collect() { this.reset(); this.inc(total); } });
  new Gauge({ name: 'websocket_connections_active', help: 'Active WebSocket connections', registers: [registry],
    collect() { this.set(active); } });
  new Counter({ name: 'relay_events_total', help: 'Socket events received, by event (rate() gives events per second)',
    labelNames: ['event'], registers: [registry],
    collect() {
      this.reset();
      eventNames.forEach((event, i) => { if (counts[i] > 0) this.inc({ event }, counts[i]); });
      if (counts[eventNames.length] > 0) this.inc({ event: 'unknown' }, counts[eventNames.length]);
    } });
  new Counter({ name: 'relay_poses_delivered_total', help: 'Pose records sent to receivers', registers: [registry],
    collect() { this.reset(); this.inc(delivered); } });
  const refusals = new Counter({ name: 'relay_refusals_total', help: 'Events refused with an error event, by code', labelNames: ['code'], registers: [registry] });
  const editAck = new Histogram({ name: 'relay_edit_ack_seconds', help: 'Terrain edit submit to durable acknowledgement',
    buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1], registers: [registry] });
  const mismatches = new Counter({ name: 'relay_checksum_mismatches_total', help: 'Client chunk checksums that differed from the relay', registers: [registry] });
  const httpRequests = new Counter({ name: 'http_requests_total', help: 'Total HTTP requests', labelNames: ['method', 'status'], registers: [registry] });
  const httpDuration = new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1], registers: [registry] });

  return {
    registry,
    connectionOpened() { active++; total++; },
    connectionClosed() { active--; },
    event(name) {
      counts[index.get(name) ?? eventNames.length]++;
      ring.add();
    },
    refused(code) { refusedTotal++; refusals.inc({ code }); },
    editAcked(seconds) { editAck.observe(seconds); },
    checksumMismatch() { mismatches.inc(); },
    posesDelivered(n) { delivered += n; },
    http(method, status, seconds) {
      httpRequests.inc({ method, status: String(status) });
      httpDuration.observe({ method }, seconds);
    },
    snapshot() {
      const byEvent: Record<string, number> = {};
      eventNames.forEach((event, i) => { if (counts[i] > 0) byEvent[event] = counts[i]; });
      return { active, total, eventsPerMinute: ring.total(), byEvent, refused: refusedTotal };
    },
  };
}
