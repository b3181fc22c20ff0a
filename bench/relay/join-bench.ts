/**
 * Page figures: relay.late_join_ms (a fresh page opening a planet world of 5,000 edits until its
 * spawn area is ready: connected, caught up to the world's edit_seq, and every wanted chunk
 * meshed), beside the same page joining an unedited world of the same seed; and relay.resume_ms_p99
 * (the relay killed with SIGKILL and restarted on the same port and data: from listening again until
 * the page is connected and caught up with edits made meanwhile, with no reload). The game is the
 * bench build (bench/server.ts DIST) served by the relay child itself, as `npm start --prod` does.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/helpers/browser.ts';
import { DIST } from '../server.ts';
import { round, type Figures } from '../stats.ts';
import { runEditLoad, EDIT_LIMITS } from './edit-bench.ts';
import { forkChild, type Child } from './procs.ts';
import { NoRelayClient, openWhenReady, waitInSync, type JoinTiming } from './page-join.ts';

const SEED = 1337;
const EDITS = 5_000;
const RESTARTS = 3;

async function relayOn(dataDir: string, port = 0): Promise<{ child: Child; url: string; port: number }> {
  const child = forkChild('relay-child.ts', ['--port', String(port), '--data', dataDir, '--bench-dist', DIST, '--limit', 'connectionsPerIp=100', ...EDIT_LIMITS]);
  const ready = await child.next<{ port: number }>('ready', 60_000);
  return { child, url: `http://127.0.0.1:${ready.port}`, port: ready.port };
}

async function createWorld(url: string, name: string): Promise<number> {
  const res = await fetch(`${url}/worlds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ world_name: name, seed: SEED, kind: 'planet' }) });
  if (!res.ok) throw new Error(`POST /worlds answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { world_id: number }).world_id;
}

/** Submits `total` edits around `centre` through 10 socket clients; returns the last edit_seq. */
async function submitEdits(url: string, worldId: number, total: number, centre: { x: number; y: number; z: number }, tag: string): Promise<number> {
  const r = await runEditLoad({ url, clients: 10, perClientHz: 100, warmupMs: 0, measureMs: 0, total, event: 'sync_terrain_deform', worldId, tag, spreadM: 48, centre }, 90_000);
  if (r.acked < total) console.warn(`[relay] only ${r.acked} of ${total} edits acknowledged (${JSON.stringify(r.refusals)})`);
  return r.lastSeq;
}

export async function runJoinBench(figures: Figures, deadline: number): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(`[relay] late join / resume skipped: no built game in ${DIST} (the browser part builds it; BENCH_SKIP_BROWSER skips it)`);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-join-'));
  let relay = await relayOn(dataDir);
  let browser: Browser | undefined;
  try {
    const plain = await createWorld(relay.url, 'bench unedited');
    const edited = await createWorld(relay.url, 'bench 5000 edits');
    browser = await chromium.launch(chromiumLaunchOptions());
    const base = await openWhenReady(browser, relay.url, plain, 0);
    const spawn = base.spawn;
    await base.page.context().close();
    const t0 = performance.now();
    const seq = await submitEdits(relay.url, edited, EDITS, { x: spawn.x, y: spawn.y, z: spawn.z }, 'build');
    console.log(`[relay] built ${EDITS} edits around the spawn in ${round((performance.now() - t0) / 1000, 1)} s (edit_seq ${seq})`);
    const late: JoinTiming = await openWhenReady(browser, relay.url, edited, seq);
    figures['relay.late_join_ms'] = { value: round(late.ms, 0), unit: 'ms', baseline: round(base.ms, 0), target: '<= 1.5x baseline',
      note: `world of ${EDITS} edits within 48 m of the spawn (${late.detail}) vs the unedited world of the same seed (${base.detail}); ratio ${round(late.ms / base.ms, 2)}x` };

    const resumes: number[] = [];
    for (let i = 0; i < RESTARTS && performance.now() + 20_000 < deadline; i++) {
      relay.child.proc.kill('SIGKILL');
      await relay.child.exited;
      relay = await relayOn(dataDir, relay.port);
      const back = performance.now();
      // Edits made while the page is still away: it must fetch them on resume (request_terrain_edits).
      const target = await submitEdits(relay.url, edited, 50, spawn, `re${i}x`);
      resumes.push(await waitInSync(late.page, edited, target, back, 30_000));
    }
    if (resumes.length) {
      figures['relay.resume_ms_p99'] = { value: round(Math.max(...resumes), 0), unit: 'ms',
        note: `max of ${resumes.length} SIGKILL restarts (${resumes.map((v) => round(v, 0)).join(' / ')} ms), from the relay listening again until the page is connected with 50 edits made meanwhile; reconnect back-off starts at 1000 ms (seed 004)` };
    }
  } catch (e) {
    if (!(e instanceof NoRelayClient)) throw e;
    console.log(`[relay] TODO late join / resume not measured: ${e.message}`);
  } finally {
    await browser?.close();
    await relay.child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
