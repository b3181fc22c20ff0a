/**
 * One pose run: a relay child (ours or the naive one) and the load-generator children (load-gen.ts),
 * each its own process. With many clients the players are split over `GENERATORS` generators so no
 * one event loop has to send and receive for all of them. This process hands out the players, starts
 * every generator on one clock, passes each generator's send times to the others, and merges their
 * results. The relay's CPU is read from /proc over the measuring window, and its heap is sampled
 * every second of that window (the peak is kept).
 */
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { forkChild, machineBusyMs, type Child } from './procs.ts';
import { Histogram } from './histogram.ts';
import type { ConnectedMsg, GenResult, LoadConfig, SendsMsg, StartMsg } from './load-gen.ts';
import type { Mode } from './pose-clients.ts';

/** Load generators for a run of `clients`: one process sending and receiving 500 clients' poses saturates its core. */
export const generatorsFor = (clients: number): number => (clients >= 300 ? 2 : 1);

/** One load generator over the window. */
export interface GenStats {
  clients: number; cpuPct: number; lagP99Ms: number; lagMaxMs: number; sent: number; sentLate: number; unresolved: number;
}

/** The generators' results, merged. */
export interface LoadResult {
  mode: Mode; clients: number; connected: number; connectFailures: string[]; connectMs: number;
  status: 'ok' | 'collapsed'; measuredMs: number; sent: number; sentLate: number; delivered: number;
  duplicates: number; messages: number; payloadBytes: number; wireBytes: number;
  /** Delivered records whose sender stood within INTEREST_RADIUS_M of the receiver: the updates a receiver can use. */
  deliveredInRange: number;
  p50: number; p90: number; p99: number; max: number; disconnects: number;
  /** All generators' CPU over the window, and the worst generator's event-loop delay p99. */
  genCpuMs: number; genLagP99Ms: number;
  generators: GenStats[];
}

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function runPoses(mode: Mode, start: RelayStarter, clients: number,
  opts: { warmupMs: number; measureMs: number; generators?: number }): Promise<PoseRun> {
  const parts = Math.max(1, Math.min(clients, opts.generators ?? generatorsFor(clients)));
  const { child: relay, url } = await start();
  const gens: Child[] = [];
  try {
    for (let p = 0, first = 0; p < parts; p++) {
      const count = Math.floor((clients * (p + 1)) / parts) - first;
      // The same 20 joins in flight in all as with one generator.
      const cfg: LoadConfig = { url, mode, tag: `${mode === 'naive' ? 'n' : 'r'}${clients}x`, part: p, parts, first, count, concurrency: Math.ceil(20 / parts) };
      // BENCH_GEN_PROF: CPU profiles of the generators over their whole life, in <mode>-<N>-gen/ (one
      // per thread: the largest is the main thread, the others tsx's loader).
      const prof = process.env.BENCH_GEN_PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}${mode}-${clients}-gen`] : [];
      gens.push(forkChild('load-gen.ts', [JSON.stringify(cfg)], prof));
      first += count;
    }
    // Connecting 500 clients through a busy relay can take a while; the cap keeps the bench bounded.
    const joined = await Promise.all(gens.map((g) => g.next<ConnectedMsg>('connected', 90_000)));
    gens.forEach((g, p) => g.on<SendsMsg>('sends', (m) => gens.forEach((o, q) => { if (q !== p) o.send(m); })));
    // One clock for every process (performance.timeOrigin + performance.now(): wall time at the
    // process's start plus a monotonic clock since, the same to a few µs across processes here).
    const base = performance.timeOrigin + performance.now();
    const clock = () => performance.timeOrigin + performance.now() - base;
    const peers = joined.flatMap((j) => j.peers);
    const offsets = joined.reduce((o, j) => [...o, o[o.length - 1] + j.peers.length], [0]);
    const startAt = 300, measureAt = startAt + opts.warmupMs, measureEnd = measureAt + opts.measureMs;
    const results = Promise.all(gens.map((g) => g.next<GenResult>('result', measureEnd + 60_000)));
    results.catch(() => undefined); // awaited below; a generator that dies must not go unhandled meanwhile
    // A generator whose latency runs away (load-gen.ts) stops them all.
    let stoppedAt = measureEnd;
    let stopped: () => void = () => undefined;
    const collapsed = new Promise<void>((resolve) => { stopped = resolve; });
    gens.forEach((g) => g.on('collapsed', () => {
      if (stoppedAt < measureEnd) return;
      stoppedAt = Math.min(measureEnd - 1, Math.max(measureAt, clock()));
      for (const o of gens) o.send({ type: 'stop', at: stoppedAt });
      stopped();
    }));
    for (const g of gens) g.send({ type: 'start', base, startAt, measureAt, measureEnd, peers, offsets } satisfies StartMsg);

    await sleep(measureAt - clock());
    // BENCH_RELAY_PROF: a CPU profile of the relay over this window (window-profile.ts).
    const profile = process.env.BENCH_RELAY_PROF ? `${PROF_DIR}${mode}-${clients}.cpuprofile` : undefined;
    if (profile) relay.send({ type: 'profile', action: 'start' });
    const cpu0 = relay.cpuMs();
    const busy0 = machineBusyMs();
    const w0 = clock();
    let heap = 0, rss = 0;
    const sample = async () => { try { const s = await relay.stats(); heap = Math.max(heap, s.heapUsed); rss = Math.max(rss, s.rss); } catch { /* busy */ } };
    const sampler = setInterval(() => void sample(), 1000);
    await Promise.race([sleep(measureEnd - clock()), collapsed]);
    const relayCpuMs = relay.cpuMs() - cpu0;
    const busyMs = machineBusyMs() - busy0;
    const windowMs = clock() - w0;
    clearInterval(sampler);
    await sample();
    if (profile) {
      relay.send({ type: 'profile', action: 'stop', file: profile });
      await relay.next('profiled', 30_000).then(() => console.log(`[relay] profile: ${profile}`), () => undefined);
    }
    const load = merge(mode, clients, joined, await results, stoppedAt < measureEnd ? 'collapsed' : 'ok', stoppedAt - measureAt);
    const s = load.measuredMs / 1000;
    return {
      mode, clients, load, relayCpuMs, relayHeapPeak: heap, relayRssPeak: rss, cores: cpus().length,
      // Clamped: the clocks tick at 10 ms and the windows differ by a timer's lateness, so a quiet
      // machine can come out a few percent below zero.
      otherCpuPct: Math.max(0, ((busyMs - relayCpuMs - load.genCpuMs) / windowMs) * 100),
      deliveredPerS: load.delivered / s,
      relayCpuPct: (relayCpuMs / windowMs) * 100,
      cpuMsPer1k: load.delivered ? relayCpuMs / (load.delivered / 1000) : NaN,
      deliveredPerCpuS: relayCpuMs ? load.delivered / (relayCpuMs / 1000) : NaN,
      inRangePerCpuS: relayCpuMs ? load.deliveredInRange / (relayCpuMs / 1000) : NaN,
      // Our records: binary payload / records. Naive: the JSON after socket.io's `42["pose",` framing.
      bytesPerPose: mode === 'relay' ? load.payloadBytes / (load.delivered + load.duplicates) : (load.wireBytes - load.messages * 11) / load.messages,
      wireBytesPerPose: load.wireBytes / (load.delivered + load.duplicates),
    };
  } finally {
    await Promise.all(gens.map((g) => g.stop()));
    await relay.stop();
  }
}

function merge(mode: Mode, clients: number, joined: ConnectedMsg[], gens: GenResult[], status: LoadResult['status'], measuredMs: number): LoadResult {
  const hist = new Histogram();
  for (const g of gens) hist.addSparse(g.hist, g.max);
  const sum = (k: 'sent' | 'sentLate' | 'delivered' | 'deliveredInRange' | 'duplicates' | 'messages' | 'payloadBytes' | 'wireBytes' | 'disconnects' | 'cpuMs') =>
    gens.reduce((a, g) => a + g[k], 0);
  return {
    mode, clients, connected: gens.reduce((a, g) => a + g.connected, 0), connectFailures: joined.flatMap((j) => j.failures).slice(0, 5),
    connectMs: Math.max(...joined.map((j) => j.connectMs)), status, measuredMs,
    sent: sum('sent'), sentLate: sum('sentLate'), delivered: sum('delivered'), deliveredInRange: sum('deliveredInRange'),
    duplicates: sum('duplicates'), messages: sum('messages'), payloadBytes: sum('payloadBytes'), wireBytes: sum('wireBytes'),
    p50: hist.percentile(50), p90: hist.percentile(90), p99: hist.percentile(99), max: hist.max, disconnects: sum('disconnects'),
    genCpuMs: sum('cpuMs'), genLagP99Ms: Math.max(...gens.map((g) => g.lagP99Ms)),
    generators: gens.map((g) => ({
      clients: g.connected, cpuPct: (g.cpuMs / g.cpuWindowMs) * 100, lagP99Ms: g.lagP99Ms, lagMaxMs: g.lagMaxMs,
      sent: g.sent, sentLate: g.sentLate, unresolved: g.unresolved,
    })),
  };
}

/** Each generator's CPU (% of one core) and event-loop delay over the window: did the load generation keep up? */
export function describeGenerators(l: LoadResult): string {
  const f = (v: number, d: number) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  const each = l.generators.map((g) => `${g.clients} clients ${f(g.cpuPct, 0)}% CPU, loop delay p99 ${f(g.lagP99Ms, 1)} / max ${f(g.lagMaxMs, 0)} ms` +
    (g.unresolved ? `, ${g.unresolved} records unmatched` : ''));
  return `${l.generators.length} generator${l.generators.length > 1 ? 's' : ''} (${each.join('; ')})`;
}

export function describeRun(r: PoseRun): string {
  const l = r.load;
  const f = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');
  return `${r.mode}@${r.clients}: ${l.status}, ${l.connected} connected in ${f(l.connectMs / 1000)} s, ` +
    `p50 ${f(l.p50, 2)} / p90 ${f(l.p90, 2)} / p99 ${f(l.p99, 2)} / max ${f(l.max, 0)} ms over ${f(l.measuredMs / 1000)} s, ` +
    `sent ${l.sent} (${l.sentLate} late), delivered ${l.delivered} (${f(r.deliveredPerS, 0)}/s, ${l.deliveredInRange} in range, ${l.duplicates} dup), ` +
    `${l.messages} msgs, relay CPU ${f(r.relayCpuPct, 0)}%, heap ${f(r.relayHeapPeak / 2 ** 20)} MB, ` +
    `${describeGenerators(l)}, ` +
    `other processes ${f(r.otherCpuPct, 0)}% of ${r.cores} cores, disconnects ${l.disconnects}` +
    (l.connectFailures.length ? `, connect failures e.g. ${l.connectFailures[0]}` : '');
}
