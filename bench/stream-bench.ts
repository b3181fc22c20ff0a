/**
 * stream.chunks_per_s_per_worker: after the spawn has settled, move the camera 1.5 km away to
 * unexplored ground and count meshed jobs (state().workers.meshed delta) in-page, sampled every 50 ms,
 * from the move until streaming settles (meshed === wanted, nothing queued or in flight) or 20 s,
 * divided by elapsed seconds and by workers.size.
 */
import type { Page } from '@playwright/test';
import { round, type Figures } from './stats.ts';

export async function runStreamBench(page: Page, figures: Figures): Promise<void> {
  const r = await page.evaluate(async () => {
    const st = window.spacetime!;
    const s0 = st.state();
    const p = s0.camera.position;
    const x = p.x + 1500, z = p.z + 1500;
    const y = (await st.terrain.columnHeight(x, z)) + 20;
    const start = st.state().workers.meshed;
    const t0 = performance.now();
    st.camera.set({ x, y, z }, 0, -15);
    let last = st.state(), lastT = t0, sawWork = false;
    while (performance.now() - t0 < 20_000) {
      await new Promise((res) => setTimeout(res, 50));
      last = st.state(); lastT = performance.now();
      const busy = last.chunks.meshed < last.chunks.wanted || last.workers.queued > 0 || last.workers.inflight > 0;
      if (busy || last.workers.meshed > start) sawWork = true;
      if (sawWork && !busy) break;
    }
    return { jobs: last.workers.meshed - start, seconds: (lastT - t0) / 1000, size: last.workers.size, jobMs: last.workers.jobMsMean, settled: last.chunks.meshed === last.chunks.wanted, wanted: last.chunks.wanted };
  });
  figures['stream.chunks_per_s_per_worker'] = {
    value: round(r.jobs / r.seconds / Math.max(1, r.size), 1), unit: 'chunks/s', target: '>= 200',
    note: `${r.jobs} jobs in ${round(r.seconds, 2)} s on ${r.size} workers, ${r.settled ? 'settled' : 'NOT settled'} (${r.wanted} wanted)`,
  };
  figures['stream.job_ms_mean'] = { value: round(r.jobMs, 2), unit: 'ms' };
}
