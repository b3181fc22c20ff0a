import { describe, expect, it } from 'vitest';
import { ApiMetrics, DURATION_BUCKETS } from './metrics.ts';

const gauges = {
  fps: () => 58.5, memoryBytes: () => 1024, chunksMeshed: () => 12, drawCalls: () => 1, triangles: () => 3000,
  workers: () => 3, editCount: () => 2, telemetryFrameUs: (q: number) => (q === 0.5 ? 4 : 9),
};

describe('ApiMetrics', () => {
  it('counts requests by method, endpoint and status, and buckets their durations cumulatively', () => {
    const m = new ApiMetrics(gauges);
    m.observe('GET', '/health', 200, 0.0002);
    m.observe('GET', '/health', 200, 0.003);
    m.observe('GET', '/health', 503, 50);
    m.observe('POST', '/scene/load', 400, 0.00005);
    const text = m.text();
    const lines = text.split('\n');
    expect(lines).toContain('http_requests_total{method="GET",endpoint="/health",status="200"} 2');
    expect(lines).toContain('http_requests_total{method="GET",endpoint="/health",status="503"} 1');
    expect(lines).toContain('http_requests_total{method="POST",endpoint="/scene/load",status="400"} 1');
    const bucket = (le: string) => lines.find((l) => l.startsWith(`spacetime_request_duration_seconds_bucket{method="GET",endpoint="/health",le="${le}"}`))?.split(' ')[1];
    expect([bucket('0.0001'), bucket('0.0005'), bucket('0.001'), bucket('0.005'), bucket('10'), bucket('+Inf')]).toEqual(['0', '1', '1', '2', '2', '3']);
    expect(lines.filter((l) => l.startsWith('spacetime_request_duration_seconds_bucket{method="GET"'))).toHaveLength(DURATION_BUCKETS.length + 1);
    expect(lines).toContain('spacetime_request_duration_seconds_count{method="GET",endpoint="/health"} 3');
    expect(Number(lines.find((l) => l.startsWith('spacetime_request_duration_seconds_sum{method="GET"'))?.split(' ')[1])).toBeCloseTo(50.0032, 6);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('reads the seed gauges and the telemetry cost at scrape time, each with HELP and TYPE', () => {
    const text = new ApiMetrics(gauges).text();
    expect(text).toContain('# HELP godot_fps Current frames per second\n# TYPE godot_fps gauge\ngodot_fps 58.5\n');
    expect(text).toContain('godot_memory_bytes 1024\n');
    expect(text).toContain('spacetime_telemetry_frame_us{quantile="0.95"} 9\n');
    // Every sample line is `name{labels} value` or `name value`.
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? (-?[\d.e+-]+|\+Inf|NaN))$/);
  });

  it('escapes label values', () => {
    const m = new ApiMetrics(gauges);
    m.observe('GET', 'un"matched\\', 404, 0.001);
    expect(m.text()).toContain('endpoint="un\\"matched\\\\",status="404"} 1');
  });
});
