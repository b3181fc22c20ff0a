/**
 * The late-join figure alone, outside `npm run bench`: `npx tsx bench/relay/join-quick.ts [joins=6]`
 * builds the worlds as join-bench.ts does (an unedited planet world, then 5,000 edits around its
 * spawn; the first late joiner stays open, as the resume part needs), then times `joins` fresh pages,
 * alternately edited and unedited, and prints each join's timeline (page-join.ts JoinMarks) with the
 * frames drawn, the frames the kept page drew meanwhile, and the CPU the machine spent over the join:
 * ours (this process and its children: relay, Chromium) and others' (the machine is shared).
 * JOINQ_DRAW=1: the pages draw (the game's own behaviour; the bench pauses drawing, see page-join.ts).
 * JOINQ_KEEP_LATE=0: the first late joiner is closed before the timed joins.
 * JOINQ_DIST=<dir>: serve that build of the game instead of bench/server.ts DIST.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/helpers/browser.ts';
import { DIST } from '../server.ts';
import { round } from '../stats.ts';
import { createWorld, EDITS, relayOn, submitEdits } from './join-bench.ts';
import { openWhenReady, type JoinTiming } from './page-join.ts';

const joins = Number(process.argv[2] ?? 6);
const keepLate = process.env.JOINQ_KEEP_LATE !== '0';
const draw = process.env.JOINQ_DRAW === '1';

/** CPU seconds the machine spent busy (all cores, /proc/stat) and this process tree's share. */
function cpu(): { all: number; mine: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const all = (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
  const kids = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const r = st.slice(st.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime (fields 14-17)
      own.set(Number(d), (Number(r[11]) + Number(r[12]) + Number(r[13]) + Number(r[14])) / 100);
      kids.set(Number(r[1]), [...(kids.get(Number(r[1])) ?? []), Number(d)]);
    } catch { /* gone */ }
  }
  let mine = 0;
  const walk = (pid: number) => { mine += own.get(pid) ?? 0; for (const k of kids.get(pid) ?? []) walk(k); };
  walk(process.pid);
  return { all, mine };
}

const timeline = (j: JoinTiming) => {
  const m = j.marks;
  return `bridge ${round(m.bridge, 0)}, joined ${round(m.joined, 0)}, caught up ${round(m.caughtUp, 0)}, spawn area ${round(m.spawnArea, 0)}, ` +
    `all meshed ${round(m.meshed, 0)}, ready ${round(m.ready, 0)} ms; ${m.frames} frames drawn`;
};

const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-joinq-'));
const relay = await relayOn(dataDir, 0, process.env.JOINQ_DIST ?? DIST);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const plain = await createWorld(relay.url, 'bench unedited');
  const edited = await createWorld(relay.url, 'bench 5000 edits');
  const base = await openWhenReady(browser, relay.url, plain, 0, 90_000, { draw });
  console.log(`cold first page: ${timeline(base)}`);
  await base.page.context().close();
  const seq = await submitEdits(relay.url, edited, EDITS, base.spawn, 'build');
  const late = await openWhenReady(browser, relay.url, edited, seq, 90_000, { draw });
  console.log(`first late joiner (${keepLate ? 'kept open' : 'closed'}): ${timeline(late)}`);
  if (!keepLate) await late.page.context().close();
  const lateFrames = () => (keepLate ? late.page.evaluate(() => window.spacetime!.state().frame) : Promise.resolve(0));
  const times: Record<string, number[]> = { edited: [], unedited: [] };
  for (let i = 0; i < joins; i++) {
    const kind = i % 2 ? 'unedited' : 'edited';
    const c0 = cpu(), f0 = await lateFrames(), t0 = performance.now();
    const j = await openWhenReady(browser, relay.url, kind === 'edited' ? edited : plain, kind === 'edited' ? seq : 0, 90_000, { draw });
    await j.page.context().close();
    const c1 = cpu(), f1 = await lateFrames(), wall = (performance.now() - t0) / 1000;
    times[kind].push(j.ms);
    console.log(`join ${i} ${kind} ${round(j.ms, 0)} ms: ${timeline(j)}; kept page drew ${f1 - f0}; ` +
      `over ${round(wall, 1)} s the machine was busy ${round(c1.all - c0.all, 1)} cpu-s, ours ${round(c1.mine - c0.mine, 1)}, others ${round(c1.all - c0.all - (c1.mine - c0.mine), 1)}`);
  }
  console.log(`edited: ${times.edited.map((v) => round(v, 0)).join(' / ')} ms; unedited: ${times.unedited.map((v) => round(v, 0)).join(' / ')} ms`);
  if (keepLate) await late.page.context().close();
} finally {
  await browser.close();
  await relay.child.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
