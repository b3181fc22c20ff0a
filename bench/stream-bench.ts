/**
 * stream.chunks_per_s_per_worker: move the camera 1.5 km to unexplored ground and count meshed jobs
 * (state().workers.meshed delta), sampled every 50 ms, from the move until streaming settles
 * (meshed === wanted, nothing queued or in flight) or 20 s, divided by seconds and workers.size.
 * Measured twice in the same run:
 *  - with drawing paused (debug.pauseRendering): the pool's own throughput. Headless Chromium
 *    rasterises on the CPU (SwiftShader), which on this 2-core machine takes the cores the workers
 *    need; on a GPU that cost is not on the CPU.
 *  - `stream.rendering_chunks_per_s_per_worker`: while frames are drawn with SwiftShader.
 */
import type { Page } from '@playwright/test';
import { round, type Figures } from './stats.ts';

async function measure(page: Page, offset: number, paused: boolean) {
  return page.evaluate(async ({ offset, paused }) => {
    const st = window.spacetime!;
    st.debug.pauseRendering(paused);
    const p = st.state().camera.position;
    const x = p.x + offset, z = p.z + offset;
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
    st.debug.pauseRendering(false);
    return { jobs: last.workers.meshed - start, seconds: (lastT - t0) / 1000, size: last.workers.size, jobMs: last.workers.jobMsMean, settled: last.chunks.meshed === last.chunks.wanted, wanted: last.chunks.wanted };
  }, { offset, paused });
}

export async function runStreamBench(page: Page, figures: Figures): Promise<void> {
  const describe = (r: Awaited<ReturnType<typeof measure>>) =>
    `${r.jobs} jobs in ${round(r.seconds, 2)} s on ${r.size} workers, ${r.settled ? 'settled' : 'NOT settled'} (${r.wanted} wanted)`;
  const paused = await measure(page, 1500, true);
  figures['stream.chunks_per_s_per_worker'] = {
    value: round(paused.jobs / paused.seconds / Math.max(1, paused.size), 1), unit: 'chunks/s', target: '>= 200',
    note: `drawing paused; ${describe(paused)}`,
  };
  const drawing = await measure(page, -1500, false);
  figures['stream.rendering_chunks_per_s_per_worker'] = {
    value: round(drawing.jobs / drawing.seconds / Math.max(1, drawing.size), 1), unit: 'chunks/s',
    note: `while SwiftShader draws; ${describe(drawing)}`,
  };
  figures['stream.job_ms_mean'] = { value: round(drawing.jobMs, 2), unit: 'ms', note: 'dispatch to result, incl. queueing' };
}
