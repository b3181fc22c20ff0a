/**
 * Edit figures: relay.edit_ack_ms_p50 / _p99 (send → ack with edit_seq, durable: WAL,
 * synchronous=FULL) and relay.edits_per_s, offered at 1,000 edits/s by 100 connections at 10/s each
 * (the default per-connection edit limit). Baseline: the relay has no mode that acknowledges edits
 * without the database, so the same connections send `debug_mode` at the same rate, through the
 * same doors (validation, rate limits) but touching neither the database nor the terrain worker:
 * what the network and socket.io alone cost.
 */
import { round, type Figures } from '../stats.ts';
import { forkChild } from './procs.ts';
import type { EditLoadConfig, EditLoadResult } from './edit-load.ts';
import type { RelayStarter } from './pose-run.ts';

const CLIENTS = 100;
const HZ = 10;

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
  `${r.refused ? ` ${JSON.stringify(r.refusals)}` : ''}, unanswered ${r.unanswered}, p90 ${round(r.p90, 2)} ms, max ${round(r.max, 0)} ms`;

export async function runEditBench(figures: Figures, startRelay: RelayStarter): Promise<void> {
  const { child: relay, url } = await startRelay();
  try {
    const base = { url, clients: CLIENTS, perClientHz: HZ, warmupMs: 2_000, measureMs: 8_000 };
    const network = await runEditLoad({ ...base, event: 'debug_mode', tag: 'ebase' }, 60_000);
    console.log(`[relay] debug_mode baseline: ${summary(network)}`);
    const cpu0 = relay.cpuMs();
    const edits = await runEditLoad({ ...base, event: 'sync_terrain_deform', tag: 'edits' }, 60_000);
    const cpuPct = ((relay.cpuMs() - cpu0) / (edits.measuredMs + base.warmupMs)) * 100;
    console.log(`[relay] edits: ${summary(edits)}, relay CPU ~${round(cpuPct, 0)}%`);
    const note = `${CLIENTS} connections x ${HZ}/s offered; edits ${summary(edits)}; baseline = debug_mode round trip (no database mode exists): ${summary(network)}`;
    figures['relay.edit_ack_ms_p50'] = { value: round(edits.p50, 2), unit: 'ms', baseline: round(network.p50, 2) };
    figures['relay.edit_ack_ms_p99'] = { value: round(edits.p99, 2), unit: 'ms', baseline: round(network.p99, 2), target: '<= 25 at 1000/s', note };
    figures['relay.edits_per_s'] = {
      value: round(edits.ackedInWindow / (edits.measuredMs / 1000), 0), unit: 'edits/s',
      baseline: round(network.ackedInWindow / (network.measuredMs / 1000), 0),
      note: `acks received within the ${round(edits.measuredMs / 1000, 1)} s window at ${CLIENTS * HZ}/s offered, durability on; relay CPU ~${round(cpuPct, 0)}% of a core`,
    };
  } finally {
    await relay.stop();
  }
}
