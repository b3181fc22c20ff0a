/**
 * GET /metrics with prom-client: request counts by route, request durations, and live game gauges
 * read at scrape time. Names from seed 000 (godot_fps, godot_memory_bytes, http_requests_total)
 * are kept so dashboards built on the seed work.
 */
import Registry from 'prom-client/lib/registry.js';
import Counter from 'prom-client/lib/counter.js';
import Gauge from 'prom-client/lib/gauge.js';
import Histogram from 'prom-client/lib/histogram.js';

export interface GameGauges {
  fps(): number;
  memoryBytes(): number;
  chunksMeshed(): number;
  drawCalls(): number;
  triangles(): number;
  workers(): number;
  editCount(): number;
}

export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'endpoint' | 'status'>;
  private readonly durations: Histogram<'method' | 'endpoint'>;

  constructor(game: GameGauges) {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'http_requests_total', help: 'Total HTTP requests', labelNames: ['method', 'endpoint', 'status'], registers });
    this.durations = new Histogram({
      name: 'spacetime_request_duration_seconds', help: 'Control API request time, door to answer', labelNames: ['method', 'endpoint'],
      buckets: [0.0001, 0.0005, 0.001, 0.005, 0.02, 0.1, 0.5, 2, 10], registers,
    });
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers, collect() { this.set(read()); } });
    gauge('godot_fps', 'Current frames per second', game.fps);
    gauge('godot_memory_bytes', 'Memory usage in bytes (JS heap where the browser reports it)', game.memoryBytes);
    gauge('spacetime_chunks_meshed', 'Terrain chunks meshed in view', game.chunksMeshed);
    gauge('spacetime_draw_calls', 'Draw calls in the last frame', game.drawCalls);
    gauge('spacetime_triangles', 'Triangles in the last frame', game.triangles);
    gauge('spacetime_terrain_workers', 'Live terrain workers', game.workers);
    gauge('spacetime_terrain_edits_total', 'Edits in the world edit log', game.editCount);
  }

  /** endpoint is the route path (not the raw URL), so label cardinality stays bounded. */
  observe(method: string, endpoint: string, status: number, seconds: number): void {
    this.requests.inc({ method, endpoint, status: String(status) });
    this.durations.observe({ method, endpoint }, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
