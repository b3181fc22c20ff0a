/**
 * One pose run: a relay child (ours or the naive one) and a load-generator child, each its own
 * process. The relay's CPU is read from /proc over exactly the generator's measuring window, and its
 * heap is sampled every second of that window (the peak is kept).
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { forkChild, machineBusyMs, type Child } from './procs.ts';
import type { LoadConfig, LoadResult } from './load-gen.ts';
import type { Mode } from './pose-clients.ts';

const PROF_DIR = fileURLToPath(new URL('../results/relay-prof/', import.meta.url));

export interface PoseRun {
  mode: Mode; clients: number; load: LoadResult;
  relayCpuMs: number; relayHeapPeak: number; relayRssPeak: number;
  /** CPU the rest of the machine used in the window (other processes), as % of one core; cores on the machine. */
  otherCpuPct: number; cores: number;
  /** Derived per the measuring window. */
  deliveredPerS: number; relayCpuPct: number; cpuMsPer1k: number; deliveredPerCpuS: number;
  /** Only the records a receiver can use (sender within INTEREST_RADIUS_M), per relay CPU-second. */
  inRangePerCpuS: number;
  bytesPerPose: number; wireBytesPerPose: number;
}

export interface RelayStarter { (): Promise<{ child: Child; url: string }> }

/** The naive baseline relay (naive-relay.ts). */
export const startNaive: RelayStarter = async () => {
  const child = forkChild('naive-relay.ts');
  const ready = await child.next<{ port: number }>('ready', 30_000);
  return { child, url: `http://127.0.0.1:${ready.port}` };
};

export async function runPoses(mode: Mode, start: RelayStarter, clients: number, opts: { warmupMs: number; measureMs: number }): Promise<PoseRun> {
  const { child: relay, url } = await start();
  const cfg: LoadConfig = { url, mode, clients, warmupMs: opts.warmupMs, measureMs: opts.measureMs, tag: `${mode === 'naive' ? 'n' : 'r'}${clients}x` };
  const gen = forkChild('load-gen.ts', [JSON.stringify(cfg)]);
  try {
    // Connecting 500 clients through a busy relay can take a while; the cap keeps the bench bounded.
    await gen.next('phase', 90_000 + opts.warmupMs);
    // BENCH_RELAY_PROF: a CPU profile of the relay over this window (window-profile.ts).
    const profile = process.env.BENCH_RELAY_PROF ? `${PROF_DIR}${mode}-${clients}.cpuprofile` : undefined;
    if (profile) relay.send({ type: 'profile', action: 'start' });
    const cpu0 = relay.cpuMs();
    const busy0 = machineBusyMs();
    let heap = 0, rss = 0;
    const sample = async () => { try { const s = await relay.stats(); heap = Math.max(heap, s.heapUsed); rss = Math.max(rss, s.rss); } catch { /* busy */ } };
    const sampler = setInterval(() => void sample(), 1000);
    await gen.next('phase', opts.measureMs + 20_000);
    const relayCpuMs = relay.cpuMs() - cpu0;
    const busyMs = machineBusyMs() - busy0;
    clearInterval(sampler);
    await sample();
    if (profile) {
      relay.send({ type: 'profile', action: 'stop', file: profile });
      await relay.next('profiled', 30_000).then(() => console.log(`[relay] profile: ${profile}`), () => undefined);
    }
    const load = await gen.next<LoadResult>('result', 30_000);
    const s = load.measuredMs / 1000;
    return {
      mode, clients, load, relayCpuMs, relayHeapPeak: heap, relayRssPeak: rss, cores: cpus().length,
      // Clamped: the three clocks tick at 10 ms and the windows differ by an IPC hop, so a quiet
      // machine can come out a few percent below zero.
      otherCpuPct: Math.max(0, ((busyMs - relayCpuMs - load.genCpuMs) / load.measuredMs) * 100),
      deliveredPerS: load.delivered / s,
      relayCpuPct: (relayCpuMs / load.measuredMs) * 100,
      cpuMsPer1k: load.delivered ? relayCpuMs / (load.delivered / 1000) : NaN,
      deliveredPerCpuS: relayCpuMs ? load.delivered / (relayCpuMs / 1000) : NaN,
      inRangePerCpuS: relayCpuMs ? load.deliveredInRange / (relayCpuMs / 1000) : NaN,
      // Our records: binary payload / records. Naive: the JSON after socket.io's `42["pose",` framing.
      bytesPerPose: mode === 'relay' ? load.payloadBytes / (load.delivered + load.duplicates) : (load.wireBytes - load.messages * 11) / load.messages,
      wireBytesPerPose: load.wireBytes / (load.delivered + load.duplicates),
    };
  } finally {
    await gen.stop();
    await relay.stop();
  }
}

export function describeRun(r: PoseRun): string {
  const l = r.load;
  const f = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  return `${r.mode}@${r.clients}: ${l.status}, ${l.connected} connected in ${f(l.connectMs / 1000)} s, ` +
    `p50 ${f(l.p50, 2)} / p90 ${f(l.p90, 2)} / p99 ${f(l.p99, 2)} / max ${f(l.max, 0)} ms over ${f(l.measuredMs / 1000)} s, ` +
    `sent ${l.sent} (${l.sentLate} late), delivered ${l.delivered} (${f(r.deliveredPerS, 0)}/s, ${l.deliveredInRange} in range, ${l.duplicates} dup), ` +
    `${l.messages} msgs, relay CPU ${f(r.relayCpuPct, 0)}%, heap ${f(r.relayHeapPeak / 2 ** 20)} MB, ` +
    `generator CPU ${f((l.genCpuMs / l.measuredMs) * 100, 0)}% lag p99 ${f(l.genLagP99Ms, 1)} ms, ` +
    `other processes ${f(r.otherCpuPct, 0)}% of ${r.cores} cores, disconnects ${l.disconnects}` +
    (l.connectFailures.length ? `, connect failures e.g. ${l.connectFailures[0]}` : '');
}
