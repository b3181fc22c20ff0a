/**
 * GET /metrics in the Prometheus text format (0.0.4), from plain counters the page keeps anyway:
 * request counts by method, endpoint and status, request durations in fixed buckets (typed arrays),
 * and live game gauges read at scrape time. Names from seed 000 (godot_fps, godot_memory_bytes,
 * http_requests_total) are kept so dashboards built on the seed work. No metrics library: the page
 * bundle does not carry one, and the label sets are bounded by the route table.
 */

export interface GameGauges {
  fps(): number;
  memoryBytes(): number;
  chunksMeshed(): number;
  drawCalls(): number;
  triangles(): number;
  workers(): number;
  editCount(): number;
  /** Main-thread µs per frame spent on telemetry and the FPS meter, at a quantile (the cost ring). */
  telemetryFrameUs(quantile: number): number;
}

/** Upper bounds (seconds) of the request-duration buckets; +Inf is implied. */
export const DURATION_BUCKETS: readonly number[] = [0.0001, 0.0005, 0.001, 0.005, 0.02, 0.1, 0.5, 2, 10];

interface Durations {
  labels: string;
  /** Per bucket (not cumulative), plus one for above the last bound. */
  counts: Uint32Array;
  sum: number;
  count: number;
}

export class ApiMetrics {
  /** `method="GET",endpoint="/health",status="200"` → count. */
  private readonly requests = new Map<string, number>();
  /** `method="GET",endpoint="/health"` → bucketed durations. */
  private readonly durations = new Map<string, Durations>();

  constructor(private readonly game: GameGauges) {}

  /** endpoint is the route path (not the raw URL), so label cardinality stays bounded. */
  observe(method: string, endpoint: string, status: number, seconds: number): void {
    const route = `method="${escapeLabel(method)}",endpoint="${escapeLabel(endpoint)}"`;
    const key = `${route},status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    let d = this.durations.get(route);
    if (!d) this.durations.set(route, (d = { labels: route, counts: new Uint32Array(DURATION_BUCKETS.length + 1), sum: 0, count: 0 }));
    let i = 0;
    while (i < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[i]) i++;
    d.counts[i]++;
    d.sum += seconds;
    d.count++;
  }

  text(): string {
    const out: string[] = [];
    const head = (name: string, help: string, type: 'counter' | 'gauge' | 'histogram') => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    head('http_requests_total', 'Total HTTP requests', 'counter');
    for (const [labels, n] of this.requests) out.push(`http_requests_total{${labels}} ${n}`);
    head('spacetime_request_duration_seconds', 'Control API request time, door to answer', 'histogram');
    for (const d of this.durations.values()) {
      let cumulative = 0;
      DURATION_BUCKETS.forEach((le, i) => {
        cumulative += d.counts[i];
        out.push(`spacetime_request_duration_seconds_bucket{${d.labels},le="${le}"} ${cumulative}`);
      });
      out.push(`spacetime_request_duration_seconds_bucket{${d.labels},le="+Inf"} ${d.count}`);
      out.push(`spacetime_request_duration_seconds_sum{${d.labels}} ${d.sum}`, `spacetime_request_duration_seconds_count{${d.labels}} ${d.count}`);
    }
    const g = this.game;
    const gauge = (name: string, help: string, value: number) => {
      head(name, help, 'gauge');
      out.push(`${name} ${formatValue(value)}`);
    };
    gauge('godot_fps', 'Current frames per second', g.fps());
    gauge('godot_memory_bytes', 'Memory usage in bytes (JS heap where the browser reports it)', g.memoryBytes());
    gauge('spacetime_chunks_meshed', 'Terrain chunks meshed in view', g.chunksMeshed());
    gauge('spacetime_draw_calls', 'Draw calls in the last frame', g.drawCalls());
    gauge('spacetime_triangles', 'Triangles in the last frame', g.triangles());
    gauge('spacetime_terrain_workers', 'Live terrain workers', g.workers());
    gauge('spacetime_terrain_edits_total', 'Edits in the world edit log', g.editCount());
    head('spacetime_telemetry_frame_us', 'Main-thread microseconds per frame spent on telemetry and the FPS meter (last 240 frames)', 'gauge');
    for (const q of [0.5, 0.95]) out.push(`spacetime_telemetry_frame_us{quantile="${q}"} ${formatValue(g.telemetryFrameUs(q))}`);
    return `${out.join('\n')}\n`;
  }
}

/** Prometheus label values escape backslash, double quote and newline. */
const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Prometheus spells the non-finite values +Inf, -Inf and NaN. */
const formatValue = (v: number): string => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));
