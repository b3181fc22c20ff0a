/**
 * Edit figures: relay.edit_ack_ms_p50 / _p99 (send → ack with edit_seq, durable: WAL,
 * synchronous=FULL) and relay.edits_per_s, offered at 1,000 edits/s by 10 connections at 100/s each
 * (the per-connection edit limit raised for the bench). Not 100 connections at 10/s: the relay
 * broadcasts every edit to the whole world, so 100 editors would mean 100,000 messages a second
 * into the generator, measuring that fan-out on a 2-core machine rather than the durable ack.
 * Baseline: the same edits on the same relay with its SQLite in memory (no file, no fsync; the
 * relay has no mode without a database). The network alone (an acked `debug_mode` round trip at the
 * same rate) is in the note. The clients ask for the edits after joining, as pages do, which
 * releases their joins' hold on folding: the world folds every 256 edits during the run, as in play,
 * and the acks that wait behind a fold's transaction are in the figure.
 */
import { round, type Figures } from '../stats.ts';
import { forkChild } from './procs.ts';
import { fsyncProbe } from './fsync-probe.ts';
import type { EditLoadConfig, EditLoadResult } from './edit-load.ts';
import type { RelayStarter } from './pose-run.ts';

const CLIENTS = 10;
const HZ = 100;
/** Relay flags: room for 100 edits/s a connection (and the acked debug_mode baseline) with jitter. */
export const EDIT_LIMITS = ['--limit', 'editsPerSecond=200', '--limit', 'otherPerSecond=400'];

export async function runEditLoad(cfg: EditLoadConfig, timeoutMs: number): Promise<EditLoadResult> {
  const gen = forkChild('edit-load.ts', [JSON.stringify(cfg)]);
  try {
    return await gen.next<EditLoadResult>('result', timeoutMs);
  } finally {
    await gen.stop();
  }
}

const summary = (r: EditLoadResult) =>
  `sent ${r.sent}, acked ${r.acked} (${r.ackedInWindow} within the window), refused ${r.refused}` +
  `${r.refused ? ` ${JSON.stringify(r.refusals)}` : ''}, unanswered ${r.unanswered}, p50 ${round(r.p50, 2)} / p99 ${round(r.p99, 2)} / max ${round(r.max, 0)} ms`;
const rate = (r: EditLoadResult) => round(r.ackedInWindow / (r.measuredMs / 1000), 0);

/** Runs the edits (and, first, `before`) against a fresh relay; returns the result and the relay's CPU %. */
async function editsOn(start: RelayStarter, tag: string, before?: (url: string) => Promise<void>) {
  const { child: relay, url } = await start();
  try {
    await before?.(url);
    const cpu0 = relay.cpuMs(), t0 = performance.now();
    const result = await runEditLoad({ url, clients: CLIENTS, perClientHz: HZ, warmupMs: 2_000, measureMs: 8_000, event: 'sync_terrain_deform', tag, askEdits: true }, 60_000);
    return { result, cpuPct: ((relay.cpuMs() - cpu0) / (performance.now() - t0)) * 100 };
  } finally {
    await relay.stop();
  }
}

export async function runEditBench(figures: Figures, durable: RelayStarter, inMemory: RelayStarter): Promise<void> {
  let network: EditLoadResult | undefined;
  const mem = await editsOn(inMemory, 'emem', async (url) => {
    network = await runEditLoad({ url, clients: CLIENTS, perClientHz: HZ, warmupMs: 1_000, measureMs: 4_000, event: 'debug_mode', tag: 'ebase' }, 60_000);
  });
  const disk = await editsOn(durable, 'edisk');
  for (const [name, r] of [['debug_mode (network only)', { result: network!, cpuPct: NaN }], ['edits, in-memory SQLite', mem], ['edits, durable', disk]] as const) {
    console.log(`[relay] ${name}: ${summary(r.result)}${Number.isFinite(r.cpuPct) ? `, relay CPU ~${round(r.cpuPct, 0)}% (incl. warm-up and drain)` : ''}`);
  }
  const d = disk.result, m = mem.result;
  const disk1 = fsyncProbe();
  console.log(`[relay] ${disk1}`);
  figures['relay.edit_ack_ms_p50'] = { value: round(d.p50, 2), unit: 'ms', baseline: round(m.p50, 2) };
  figures['relay.edit_ack_ms_p99'] = { value: round(d.p99, 2), unit: 'ms', baseline: round(m.p99, 2), target: '<= 25 at 1000/s',
    note: `${CLIENTS} connections x ${HZ}/s offered, folding live (every 256 edits); durable: ${summary(d)}; baseline (SQLite in memory): ${summary(m)}; network only (debug_mode): ${summary(network!)}; ${disk1}` };
  figures['relay.edits_per_s'] = { value: rate(d), unit: 'edits/s', baseline: rate(m),
    note: `acks received within the ${round(d.measuredMs / 1000, 1)} s window at ${CLIENTS * HZ}/s offered; relay CPU ~${round(disk.cpuPct, 0)}% durable, ~${round(mem.cpuPct, 0)}% in memory` };
}
