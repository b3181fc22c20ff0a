/**
 * Edit load generator, its own process like load-gen.ts. `clients` connections join one world and
 * each sends `perClientHz` acknowledged events, spread evenly (client i at offset i/N of the
 * period), open loop: a slow relay does not slow the offered rate, its acks just come later.
 * `event` is `sync_terrain_deform` (durable, acked with edit_seq) or a trivial acked event
 * (`debug_mode`) for the network-only baseline. Latency is send → ack on this process's clock.
 * Also used to build a world of many edits fast (`measureMs` 0 and `total`).
 */
import type { Ack } from '../../src/protocol/net/errors.ts';
import { Histogram } from './histogram.ts';
import { connectAll, prng } from './pose-clients.ts';

export interface EditLoadConfig {
  url: string; clients: number; perClientHz: number; warmupMs: number; measureMs: number;
  event: 'sync_terrain_deform' | 'debug_mode'; worldId?: number; tag: string;
  /** Stop after this many sends in all (building a world) instead of after measureMs. */
  total?: number;
  /** Edits land in a square of this half-size (m) around `centre` (default the origin), ±20 m in y. */
  spreadM?: number;
  centre?: { x: number; y: number; z: number };
  /**
   * After joining, ask for the edits (request_terrain_edits) as a page does, which releases the
   * join's hold on folding, so the world folds every 256 edits as in play (`npm run bench` and
   * edit-quick.ts `--folding`). Off, the joins hold folding for the whole run.
   */
  askEdits?: boolean;
}

export interface EditLoadResult {
  type: 'result'; connected: number; connectFailures: string[]; measuredMs: number;
  sent: number; acked: number; ackedInWindow: number; refused: number; refusals: Record<string, number>; unanswered: number;
  p50: number; p90: number; p99: number; max: number; lastSeq: number;
}

const cfg = JSON.parse(process.argv[2]) as EditLoadConfig;
const { players, failures } = await connectAll(cfg.url, 'relay', cfg.clients, cfg.tag, cfg.worldId);
const n = players.length;
if (cfg.askEdits) {
  await Promise.all(players.map((p) => new Promise<void>((resolve) => {
    p.socket.emit('request_terrain_edits', { since_seq: 0 }, () => resolve());
  })));
}
const period = 1000 / cfg.perClientHz;
const rand = prng(7);
const spread = cfg.spreadM ?? 200;
const c = cfg.centre ?? { x: 0, y: 40, z: 0 };
const hist = new Histogram();
let measuring = false, windowOpen = false, ackedInWindow = 0, sent = 0, acked = 0, refused = 0, pending = 0, lastSeq = 0, sentAll = 0;
const refusals: Record<string, number> = {};

function payload(): unknown {
  if (cfg.event === 'debug_mode') return { enabled: false };
  const op = rand();
  return {
    position: { x: c.x + (rand() - 0.5) * 2 * spread, y: c.y + (rand() - 0.5) * 40, z: c.z + (rand() - 0.5) * 2 * spread },
    radius: 1.5 + rand() * 2.5, strength: 0.5 + rand() * 2,
    operation: op < 0.5 ? 'remove' : op < 0.9 ? 'add' : 'smooth',
  };
}

function sendOne(i: number): void {
  const counted = measuring;
  const t = performance.now();
  if (counted) sent++;
  sentAll++;
  pending++;
  players[i].socket.emit(cfg.event, payload(), (reply: Ack<{ edit_seq?: number }>) => {
    pending--;
    if (!counted) return;
    if (reply.ok) { acked++; if (windowOpen) ackedInWindow++; hist.add(performance.now() - t); lastSeq = Math.max(lastSeq, reply.value.edit_seq ?? 0); }
    else { refused++; refusals[reply.error.code] = (refusals[reply.error.code] ?? 0) + 1; }
  });
}

const next = new Float64Array(n);
const start = performance.now() + 50;
for (let i = 0; i < n; i++) next[i] = start + (i / n) * period;
const limit = cfg.total ?? Infinity;
const sender = setInterval(() => {
  const now = performance.now();
  for (let i = 0; i < n && sentAll < limit; i++) {
    if (next[i] > now) continue;
    sendOne(i);
    next[i] = Math.max(next[i] + period, now - period);
  }
}, 2);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
await sleep(cfg.warmupMs);
measuring = true;
windowOpen = true;
const m0 = performance.now();
if (cfg.total !== undefined) while (sentAll < limit) await sleep(50);
else await sleep(cfg.measureMs);
clearInterval(sender);
windowOpen = false;
const measuredMs = performance.now() - m0;
// Give the stragglers (acks still in flight) up to 5 s; they count with their real latency.
const drain = performance.now() + 5_000;
while (pending > 0 && performance.now() < drain) await sleep(20);
measuring = false;

const result: EditLoadResult = {
  type: 'result', connected: n, connectFailures: failures.slice(0, 5), measuredMs, sent, acked, ackedInWindow, refused, refusals,
  unanswered: pending, p50: hist.percentile(50), p90: hist.percentile(90), p99: hist.percentile(99), max: hist.max, lastSeq,
};
for (const p of players) p.socket.disconnect();
if (process.send) process.send(result, () => process.exit(0));
else { console.log(JSON.stringify(result, null, 2)); process.exit(0); }
