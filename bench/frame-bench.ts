/**
 * Frame main-thread cost. FRAME_HOOK is injected before any page script (addInitScript) and wraps
 * window.requestAnimationFrame: at the first rAF callback of each frame (new rAF timestamp) it
 * records performance.now() and posts a MessageChannel message; that message's task runs after the
 * frame's rendering update (all rAF callbacks, R3F's render = WebGL command submission, style/layout),
 * so end - start bounds the main thread's time for the frame. Under SwiftShader that task is held back
 * until the software frame is done (it tracks the frame interval, ~0.5 s), so it measures GPU time, not
 * JS. The reported figure is therefore the sum of the frame's rAF callback durations (R3F's update and
 * render = all game JS plus WebGL command submission); the rAF-to-task span is printed as a note.
 */
import type { Page } from '@playwright/test';
import { percentile, round, type Figures } from './stats.ts';
import { state } from './page-state.ts';

export const FRAME_HOOK = `globalThis.__name = globalThis.__name || ((f) => f); // tsx (esbuild keepNames) wraps evaluated functions in __name
(() => {
  const raf = window.requestAnimationFrame.bind(window);
  const chan = new MessageChannel();
  const rec = { on: false, frames: [], cur: null, lastTs: -1 };
  window.__benchFrames = rec;
  chan.port1.onmessage = () => { const c = rec.cur; if (c) { c.end = performance.now(); if (rec.on) rec.frames.push(c); rec.cur = null; } };
  window.requestAnimationFrame = (cb) => raf((ts) => {
    if (ts !== rec.lastTs) {
      rec.lastTs = ts;
      rec.cur = { start: performance.now(), end: 0, cbs: 0 };
      chan.port2.postMessage(0);
    }
    const t = performance.now();
    try { cb(ts); } finally { if (rec.cur) rec.cur.cbs += performance.now() - t; }
  });
})();`;

interface FrameRec { start: number; end: number; cbs: number }

export async function runFrameBench(page: Page, figures: Figures, frames = 120): Promise<void> {
  await page.evaluate(() => window.spacetime!.frames(10)); // let the settled view render a few frames first
  await page.evaluate(() => { const r = (window as unknown as { __benchFrames: { on: boolean; frames: unknown[] } }).__benchFrames; r.frames = []; r.on = true; });
  await page.evaluate((n) => window.spacetime!.frames(n), frames + 1);
  const recs = await page.evaluate(() => {
    const r = (window as unknown as { __benchFrames: { on: boolean; frames: FrameRec[] } }).__benchFrames;
    r.on = false;
    return r.frames.filter((f) => f.end > 0);
  });
  const s = await state(page);
  const main = recs.map((f) => f.end - f.start);
  const cbs = recs.map((f) => f.cbs);
  const gaps = recs.slice(1).map((f, i) => f.start - recs[i].start);
  figures['frame.main_ms_p50'] = { value: round(percentile(cbs, 50), 2), unit: 'ms', note: `${recs.length} frames, sum of rAF callbacks; rAF-to-next-task p50 ${round(percentile(main, 50), 1)} ms` };
  figures['frame.main_ms_p95'] = { value: round(percentile(cbs, 95), 2), unit: 'ms', target: '<= 4', note: `rAF-to-next-task p95 ${round(percentile(main, 95), 1)} ms; frame interval p50 ${round(percentile(gaps, 50), 0)} ms` };
  figures['frame.draw_calls'] = { value: s.render.drawCalls, unit: 'calls', target: '<= 100' };
  figures['frame.triangles'] = { value: s.render.triangles, unit: 'tris', target: '<= 750k', note: `${s.chunks.drawn} chunks drawn` };
}
