/**
 * Edit latency and hole frames, all in-page. 100 radius-4 edits (strength 10), alternating remove/add
 * on the surface (columnHeight) at 10 spots within ±12 m ahead of the camera. Per edit:
 * t0 = performance.now() before terrain.deform; landed = when deform resolves (new meshes in scene);
 * visible = the first rAF callback after that (the frame that will show the edit).
 * Hole frames: a rAF sampler records state().chunks.drawn every frame; a frame counts as a hole if
 * drawn is below its value just before the current edit started (the camera is still, so nothing is
 * legitimately unloaded). The sampler runs from the first edit until 2 frames after the last.
 */
import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from './stats.ts';

/**
 * The same edits with drawing paused: the pipeline's own latency (brush call → every touched chunk
 * re-meshed and in the batch) without SwiftShader frames holding the main thread.
 */
export async function runEditPipelineBench(page: Page, figures: Figures, count = 50): Promise<void> {
  const landed = await page.evaluate(async (n) => {
    const st = window.spacetime!;
    st.debug.pauseRendering(true);
    const { position: p } = st.state().camera;
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = p.x + ((i * 7) % 17) - 8, z = p.z + ((i * 11) % 17) - 8;
      const spot = { x, y: await st.terrain.columnHeight(x, z), z };
      const t0 = performance.now();
      await st.terrain.deform({ position: spot, radius: 4, strength: 10, operation: i % 2 === 0 ? 'remove' : 'add' });
      out.push(performance.now() - t0);
    }
    st.debug.pauseRendering(false);
    return out;
  }, count);
  figures['edit.pipeline_ms_p50'] = { value: round(percentile(landed, 50), 1), unit: 'ms', note: 'drawing paused' };
  figures['edit.pipeline_ms_p95'] = { value: round(percentile(landed, 95), 1), unit: 'ms', note: `drawing paused, ${landed.length} edits` };
}

export async function runEditBench(page: Page, figures: Figures, count = 100): Promise<void> {
  const r = await page.evaluate(async (n) => {
    const st = window.spacetime!;
    const raf = () => new Promise<number>((res) => requestAnimationFrame(() => res(performance.now())));
    const s0 = st.state();
    const { position: p, direction: d } = s0.camera;
    const len = Math.hypot(d.x, d.z) || 1;
    const fx = d.x / len, fz = d.z / len;
    const spots: { x: number; y: number; z: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const ahead = 14 + (i % 5) * 3, side = (Math.floor(i / 5) * 2 - 1) * 6 + (i % 5) - 2;
      const x = p.x + fx * ahead - fz * side, z = p.z + fz * ahead + fx * side;
      spots.push({ x, y: await st.terrain.columnHeight(x, z), z });
    }
    let baseline = s0.chunks.drawn, holes = 0, sampling = true, sampled = 0, minDrawn = Infinity;
    const sample = () => {
      if (!sampling) return;
      const drawn = st.state().chunks.drawn;
      sampled++; minDrawn = Math.min(minDrawn, drawn);
      if (drawn < baseline) holes++;
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    const landed: number[] = [], visible: number[] = [], errors: string[] = [];
    for (let i = 0; i < n; i++) {
      const spot = spots[Math.floor(i / 2) % spots.length];
      baseline = st.state().chunks.drawn;
      const t0 = performance.now();
      const res = await st.terrain.deform({ position: spot, radius: 4, strength: 10, operation: i % 2 === 0 ? 'remove' : 'add' });
      const t1 = performance.now();
      const t2 = await raf();
      if (!(res as { ok?: boolean }).ok) errors.push(JSON.stringify(res).slice(0, 200));
      landed.push(t1 - t0); visible.push(t2 - t0);
    }
    await st.frames(2);
    sampling = false;
    return { landed, visible, holes, sampled, minDrawn, baseline0: s0.chunks.drawn, errors };
  }, count);
  if (r.errors.length) console.warn(`[edit] ${r.errors.length} edits failed, e.g. ${r.errors[0]}`);
  figures['edit.landed_ms_p50'] = { value: round(percentile(r.landed, 50), 1), unit: 'ms' };
  figures['edit.landed_ms_p95'] = { value: round(percentile(r.landed, 95), 1), unit: 'ms' };
  figures['edit.visible_ms_p50'] = { value: round(percentile(r.visible, 50), 1), unit: 'ms' };
  figures['edit.visible_ms_p95'] = { value: round(percentile(r.visible, 95), 1), unit: 'ms', target: '<= 22' };
  figures['edit.hole_frames'] = {
    value: r.holes, unit: 'frames', target: '0',
    note: `${r.sampled} frames sampled over ${r.landed.length} edits (${r.errors.length} failed); drawn ${r.baseline0} at start, min ${r.minDrawn}`,
  };
}
