/**
 * One pose run pair outside `npm run bench`, for working on the relay's pose path:
 * `npx tsx bench/relay/pose-quick.ts [clients=200] [relay|naive|both] [generators]` prints each run;
 * `generators`: load-generator processes (default as in the bench: pose-run.ts generatorsFor).
 */
import { ourRelay } from './index.ts';
import { describeRun, runPoses, startNaive } from './pose-run.ts';

const clients = Number(process.argv[2] ?? 200);
const which = process.argv[3] ?? 'both';
const generators = process.argv[4] ? Number(process.argv[4]) : undefined;
const runs = [];
for (const mode of ['relay', 'naive'] as const) {
  if (which !== 'both' && which !== mode) continue;
  const run = await runPoses(mode, mode === 'relay' ? ourRelay() : startNaive, clients, { warmupMs: 3_000, measureMs: 8_000, generators });
  console.log(describeRun(run));
  console.log(`  delivered per relay CPU-s ${run.deliveredPerCpuS.toFixed(0)}, cpu ms/1k ${run.cpuMsPer1k.toFixed(3)}, records/msg ${(run.load.delivered / Math.max(1, run.load.messages)).toFixed(2)}`);
  runs.push(run);
}
if (runs.length === 2) console.log(`ratio ${(runs[0].deliveredPerCpuS / runs[1].deliveredPerCpuS).toFixed(2)}, in range ${(runs[0].inRangePerCpuS / runs[1].inRangePerCpuS).toFixed(2)}`);
process.exit(0);
