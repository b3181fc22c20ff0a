/**
 * Control-API figures in the page: what a request through window.spacetime.request costs beyond
 * the action itself (the baseline is the handler's own time, from the same answer's Server-Timing),
 * and what telemetry costs per frame with every event subscribed at its fastest interval (the
 * baseline is the same frames with nothing subscribed).
 */
import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from './stats.ts';

const POSITION_CALLS = 600;
const DEFORM_PAIRS = 24;

export async function runApiBench(page: Page, figures: Figures): Promise<void> {
  const position = await page.evaluate(async (n) => {
    const s = window.spacetime!;
    const viaRequest: number[] = [], direct: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const res = await s.request('GET', '/player/position');
      viaRequest.push((performance.now() - t) * 1000);
      // Every door now goes through request(), so the action alone is the handler's own time.
      direct.push(Number(/handler;dur=([\d.]+)/.exec(res.headers['server-timing'])![1]) * 1000);
    }
    return { viaRequest, direct };
  }, POSITION_CALLS);
  // A deform's time is mostly re-meshing in the workers, so its door overhead comes from the
  // router's Server-Timing header (total minus handler) rather than from subtracting two noisy runs.
  const deform = await page.evaluate(async (pairs) => {
    const s = window.spacetime!;
    const overhead: number[] = [], action: number[] = [];
    for (let i = 0; i < pairs * 2; i++) {
      const edit = { position: { x: 6 + (i % 4) * 5, y: 0, z: 6 }, radius: 2, strength: 2, operation: i % 2 ? 'add' : 'remove' };
      const res = await s.request('POST', '/terrain/deform', edit);
      const [handler, total] = [...res.headers['server-timing'].matchAll(/dur=([\d.]+)/g)].map((m) => Number(m[1]));
      overhead.push((total - handler) * 1000);
      action.push(handler * 1000);
    }
    return { overhead, action };
  }, DEFORM_PAIRS);

  const put = (name: string, value: number, baseline: number, target: string, note: string) =>
    (figures[name] = { value: round(value, 1), unit: 'µs', baseline: round(baseline, 1), target, note });
  for (const p of [50, 95]) {
    const r = percentile(position.viaRequest, p), d = percentile(position.direct, p);
    put(`bridge.request_us_p${p}`, r, d, p === 95 ? 'overhead <= 200' : '', `GET /player/position round trip through request(); baseline: the handler itself (Server-Timing); overhead ${round(r - d, 1)} µs`);
  }
  for (const p of [50, 95]) {
    put(`bridge.deform_overhead_us_p${p}`, percentile(deform.overhead, p), percentile(deform.action, p), p === 95 ? '<= 200' : '',
      `POST /terrain/deform: door time around the action (Server-Timing total - handler); baseline: the action itself (edit + re-mesh), ${DEFORM_PAIRS * 2} requests`);
  }

  const telemetryCost = async (config: Record<string, number> | null) => page.evaluate(async (cfg) => {
    const s = window.spacetime!;
    const all = ['fps', 'vr_tracking', 'player_position', 'scene_loaded', 'error', 'warning', 'terrain_modified'] as const;
    const offs = cfg ? [0, 1, 2, 3].map(() => s.subscribe([...all], () => {}, cfg)) : [];
    await s.frames(260);
    const perf = (await s.request('GET', '/performance')).body as { telemetry_frame_us_p95: number; telemetry_frame_us_p50: number };
    for (const off of offs) off();
    return perf;
  }, config);
  const idle = await telemetryCost(null);
  const subscribed = await telemetryCost({});
  const fastest = await telemetryCost({ fps_interval: 0.05, tracking_interval: 0.02, position_interval: 0.02 });
  figures['telemetry.frame_us_p95'] = {
    value: subscribed.telemetry_frame_us_p95, unit: 'µs', baseline: idle.telemetry_frame_us_p95, target: '<= 100',
    note: `4 subscribers to every event at the seed's default intervals (p50 ${subscribed.telemetry_frame_us_p50} µs); baseline: nothing subscribed (p50 ${idle.telemetry_frame_us_p50} µs)`,
  };
  figures['telemetry.frame_us_p95_fastest'] = {
    value: fastest.telemetry_frame_us_p95, unit: 'µs', baseline: idle.telemetry_frame_us_p95,
    note: `the same at the fastest intervals (tracking and position every frame, fps every 50 ms; p50 ${fastest.telemetry_frame_us_p50} µs)`,
  };
}
