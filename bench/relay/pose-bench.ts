/**
 * Pose figures (issue 10, "Benchmarks"): our relay at 50, 200 and 500 clients, the naive relay at
 * 50, 200 and 500 under the same load generator, each figure beside the naive one at the same N.
 * The naive runs stop early once latency runs away (load-gen.ts) and are recorded as they went.
 * Each latency figure's note gives every load generator's CPU and event-loop delay over the window
 * (from 300 clients the players are split over two generator processes: pose-run.ts generatorsFor).
 */
import { INTEREST_RADIUS_M } from '../../src/protocol/net/limits.ts';
import { round, type Figures } from '../stats.ts';
import { describeGenerators, describeRun, runPoses, startNaive, type PoseRun, type RelayStarter } from './pose-run.ts';

interface Plan { mode: 'relay' | 'naive'; clients: number; measureMs: number }

/** Ordered so the headline runs come first if the time budget runs short. */
const PLANS: Plan[] = [
  { mode: 'relay', clients: 200, measureMs: 10_000 }, { mode: 'naive', clients: 200, measureMs: 5_000 },
  { mode: 'relay', clients: 500, measureMs: 10_000 }, { mode: 'naive', clients: 500, measureMs: 5_000 },
  { mode: 'relay', clients: 50, measureMs: 5_000 }, { mode: 'naive', clients: 50, measureMs: 5_000 },
];

export async function runPoseBench(figures: Figures, startRelay: RelayStarter, deadline: number): Promise<PoseRun[]> {
  const runs: PoseRun[] = [];
  for (const plan of PLANS) {
    // A run takes connect (our joins cost ~50 ms each on a busy machine) + 3 s warm-up + its window.
    if (Date.now() + plan.measureMs + 3_000 + plan.clients * (plan.mode === 'relay' ? 60 : 10) > deadline) { console.log(`[relay] skipped ${plan.mode}@${plan.clients}: time budget`); continue; }
    try {
      const run = await runPoses(plan.mode, plan.mode === 'relay' ? startRelay : startNaive, plan.clients, { warmupMs: 3_000, measureMs: plan.measureMs });
      console.log(`[relay] ${describeRun(run)}`);
      runs.push(run);
    } catch (e) {
      console.error(`[relay] ${plan.mode}@${plan.clients} failed:`, (e as Error).message);
    }
  }
  record(figures, runs);
  return runs;
}

const at = (runs: PoseRun[], mode: 'relay' | 'naive', n: number) => runs.find((r) => r.mode === mode && r.clients === n);
const ms = (v: number) => round(v, 2);
/** Relay + generator processes on the machine's cores: with 2 cores they compete, and the latencies include that. */
const sharing = (r: PoseRun) => `relay + ${r.load.generators.length} generator process${r.load.generators.length > 1 ? 'es' : ''} sharing ${r.cores} cores`;
const state = (r: PoseRun | undefined) => (r
  ? `${r.load.status}, ${r.load.connected} clients, ${round(r.load.measuredMs / 1000, 1)} s window, relay CPU ${round(r.relayCpuPct, 0)}%, ` +
    `${describeGenerators(r.load)}, ${r.load.sentLate} of ${r.load.sent} sends late, ${sharing(r)}, other processes ${round(r.otherCpuPct, 0)}%`
  : 'not run');

function record(figures: Figures, runs: PoseRun[]): void {
  const ours = runs.filter((r) => r.mode === 'relay');
  if (ours.length === 0) return;
  const top = ours.reduce((a, b) => (b.clients > a.clients ? b : a));
  figures['relay.clients'] = { value: top.load.connected, unit: 'clients', baseline: at(runs, 'naive', top.clients)?.load.connected,
    note: `connected at the largest run (asked ${top.clients}), ${top.load.disconnects} disconnects; baseline: the naive relay's at the same N` };
  for (const n of [50, 200, 500]) {
    const r = at(runs, 'relay', n), b = at(runs, 'naive', n);
    if (!r) continue;
    const target = n === 200 ? '<= 10' : n === 500 ? '<= 50' : undefined;
    figures[`relay.pose_latency_ms_p50@${n}`] = { value: ms(r.load.p50), unit: 'ms', baseline: b && ms(b.load.p50) };
    figures[`relay.pose_latency_ms_p99@${n}`] = { value: ms(r.load.p99), unit: 'ms', baseline: b && ms(b.load.p99), target,
      note: `ours ${state(r)}, max ${round(r.load.max, 0)} ms; naive ${state(b)}${b ? `, max ${round(b.load.max, 0)} ms` : ''}` };
  }
  const b = at(runs, 'naive', top.clients);
  figures['relay.delivered_per_s'] = { value: round(top.deliveredPerS, 0), unit: 'records/s', baseline: b && round(b.deliveredPerS, 0),
    note: `at ${top.clients} clients; ours delivers only players within INTEREST_RADIUS_M, the naive one everyone to everyone; ` +
      `${round(top.load.delivered / Math.max(1, top.load.messages), 2)} records per message (naive 1); sent ${top.load.sent} poses in the window, ${top.load.sentLate} late` };
  figures['relay.cpu_ms_per_1k_delivered'] = { value: round(top.cpuMsPer1k, 3), unit: 'ms', baseline: b && round(b.cpuMsPer1k, 3),
    note: `relay CPU ${round(top.relayCpuPct, 0)}% of a core at ${top.clients} (naive ${b ? round(b.relayCpuPct, 0) : 'n/a'}%); ${describeGenerators(top.load)}; ` +
      `${sharing(top)}; other processes ${round(top.otherCpuPct, 0)}%` };
  figures['relay.bytes_per_pose'] = { value: round(top.bytesPerPose, 1), unit: 'B', baseline: b && round(b.bytesPerPose, 1), target: '<= 16',
    note: `payload bytes / records; on the wire (socket.io + engine.io framing, without ws headers) ${round(top.wireBytesPerPose, 1)} B (naive ${b ? round(b.wireBytesPerPose, 1) : 'n/a'} B)` };
  figures['relay.heap_mb'] = { value: round(top.relayHeapPeak / 2 ** 20, 1), unit: 'MB', baseline: b && round(b.relayHeapPeak / 2 ** 20, 1),
    target: top.clients === 500 ? '<= 150' : undefined, note: `peak heapUsed at ${top.clients} clients; rss ${round(top.relayRssPeak / 2 ** 20, 0)} MB` };
  const ratios = [200, 50, 500].map((n) => [n, at(runs, 'relay', n), at(runs, 'naive', n)] as const)
    .filter(([, r, nv]) => r && nv).map(([n, r, nv]) => [n, r!.deliveredPerCpuS / nv!.deliveredPerCpuS, r!, nv!] as const);
  if (ratios.length) {
    const [n, ratio, r, nv] = ratios[0];
    figures['relay.vs_naive.ratio'] = { value: round(ratio, 2), unit: 'x', baseline: 1, target: '>= 3',
      note: `delivered records per relay CPU-second at ${n} clients: ours ${round(r.deliveredPerCpuS, 0)}, naive ${round(nv.deliveredPerCpuS, 0)}; ` +
        ratios.slice(1).map(([m, x]) => `at ${m}: ${round(x, 2)}x`).join(', ') };
    // The same, counting only updates a receiver can use: the naive relay's other records are about
    // players beyond INTEREST_RADIUS_M, which no client draws.
    const useful = ratios.map(([m, , ours, naive]) => [m, ours.inRangePerCpuS / naive.inRangePerCpuS, ours, naive] as const);
    const [un, uratio, ur, unv] = useful[0];
    figures['relay.vs_naive.in_range_ratio'] = { value: round(uratio, 2), unit: 'x', baseline: 1,
      note: `records whose sender stood within ${INTEREST_RADIUS_M} m of the receiver, per relay CPU-second at ${un} clients: ours ${round(ur.inRangePerCpuS, 0)}, ` +
        `naive ${round(unv.inRangePerCpuS, 0)} (${round((unv.load.deliveredInRange / Math.max(1, unv.load.delivered)) * 100, 1)}% of its deliveries); ` +
        useful.slice(1).map(([m, x]) => `at ${m}: ${round(x, 2)}x`).join(', ') };
  }
}
