/**
 * Pose load generator, run as its own process (procs.ts forks it with a JSON config argument); a run
 * has one or more of them (pose-run.ts), each with its share of the N players, so no one process's
 * event loop has to keep up with all of them. The protocol with the parent:
 *
 * 1. This generator connects its players and says `connected` (their peer ids and names).
 * 2. The parent answers `start`, the same to every generator: all N players in one order (each
 *    generator's share a contiguous range of it), a common time base, and when sending starts, when
 *    the measuring window opens and when it closes, all on that base.
 * 3. Each of the N players sends 20 Hz poses, the sends spread evenly over the 50 ms period (player i
 *    at offset i/N of it) rather than all at once, whichever generator holds it.
 * 4. A send is identified by its sender and its 8-bit pose seq. Times are `performance.timeOrigin +
 *    performance.now()` less the base: one clock for every process on the machine. Each generator
 *    keeps its own players' send times and passes them to the others (through the parent, every
 *    20 ms, `sends`), with the time up to which the list is complete. A record from another
 *    generator's player waits until its send time is known, then counts like any other.
 * 5. Records count if received inside the window. If latency runs away (this generator's p99 over
 *    `collapseMs` two seconds running) it says `collapsed` and the parent stops every generator
 *    early (`stop`) rather than hang.
 * 6. After the window: a last `sends` (final), then, once every other generator's last one is in,
 *    the `result`: counts, this generator's latency histogram, and its own CPU and event-loop delay
 *    over the window, so a reader can see whether it kept up.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createPose, poseLength, writePose, yawPitchQuat, POSE_BYTES } from '../../src/protocol/net/pose-codec.ts';
import { INTEREST_RADIUS_M } from '../../src/protocol/net/limits.ts';
import { Histogram } from './histogram.ts';
import { connectAll, placeWalkers, walkerAt, type Mode } from './pose-clients.ts';
import type { NaivePose } from './naive-relay.ts';

export interface LoadConfig {
  url: string; mode: Mode; tag: string;
  /** This generator: number `part` of `parts`, connecting players `first` .. `first + count - 1`. */
  part: number; parts: number; first: number; count: number;
  concurrency?: number; hz?: number; areaM?: number; collapseMs?: number;
}

/** Parent -> generators, once all are connected. Times are ms on the common clock (see `clock`). */
export interface StartMsg {
  type: 'start';
  /** `performance.timeOrigin + performance.now()` that is time 0 of this run. */
  base: number;
  startAt: number; measureAt: number; measureEnd: number;
  /** Every connected player, generator 0's first: [peer id, player id]. */
  peers: Array<[number, string]>;
  /** Generator p holds peers[offsets[p]] .. peers[offsets[p + 1] - 1]. */
  offsets: number[];
}

/** Generator -> parent -> the other generators: [sender, seq, time, ...] of sends, complete up to `upTo`. */
export interface SendsMsg { type: 'sends'; from: number; upTo: number; data: number[]; final: boolean }

export interface ConnectedMsg { type: 'connected'; peers: Array<[number, string]>; failures: string[]; failed: number; connectMs: number }

export interface GenResult {
  type: 'result'; part: number; clients: number; connected: number;
  sent: number; sentLate: number; delivered: number; deliveredInRange: number; duplicates: number;
  messages: number; payloadBytes: number; wireBytes: number; disconnects: number;
  /** The latency histogram's buckets (Histogram.toSparse) and max. */
  hist: number[]; max: number;
  /** This process over the window: CPU (user + system) and how long that window really was on its own timers. */
  cpuMs: number; cpuWindowMs: number;
  /** Its event-loop delay over the window: monitorEventLoopDelay's p99 and max less its 10 ms period. */
  lagP99Ms: number; lagMaxMs: number;
  /** Records from other generators' players whose send time never came (0 unless one died). */
  unresolved: number;
}

const cfg = JSON.parse(process.argv[2]) as LoadConfig;
const PERIOD = 1000 / (cfg.hz ?? 20);

// ---- messages from the parent ------------------------------------------------------------------
let onStart: (m: StartMsg) => void = () => undefined;
const started = new Promise<StartMsg>((resolve) => { onStart = resolve; });
// Send lists that come before this generator is set up to read them are kept until it is.
const early: SendsMsg[] = [];
let onSends: (m: SendsMsg) => void = (m) => { early.push(m); };
/** The window's end on the common clock: the parent's, or sooner if it stops the run. */
let measureEnd = Infinity;
let wakeEnd: () => void = () => undefined;
process.on('message', (m: SendsMsg | StartMsg | { type: 'stop'; at: number }) => {
  if (m.type === 'sends') onSends(m);
  else if (m.type === 'start') onStart(m);
  else if (m.type === 'stop') { measureEnd = Math.min(measureEnd, m.at); wakeEnd(); }
});
process.on('disconnect', () => process.exit(0));
// A normal exit, so that a profile (BENCH_GEN_PROF, --cpu-prof) gets written.
process.on('SIGTERM', () => process.exit(0));

const t0 = performance.now();
const { players, failures } = await connectAll(cfg.url, cfg.mode, cfg.count, cfg.tag, undefined, cfg.concurrency ?? 20, cfg.first);
process.send?.({
  type: 'connected', peers: players.map((p) => [p.peerId, p.playerId]), failures: failures.slice(0, 5), failed: failures.length,
  connectMs: performance.now() - t0,
} satisfies ConnectedMsg);
const go = await started;

/** The run's common clock: ms since `go.base`, comparable across processes on this machine. */
const origin = performance.timeOrigin - go.base;
const clock = () => origin + performance.now();

const n = go.peers.length;
const lo = go.offsets[cfg.part];
const mine = players.length; // = go.offsets[cfg.part + 1] - lo
const owner = new Uint8Array(n);
for (let p = 0; p < cfg.parts; p++) owner.fill(p, go.offsets[p], go.offsets[p + 1]);
const walkers = placeWalkers(n, cfg.areaM ?? 1000);

// Who sent what, when: sendT[sender * 256 + seq] (NaN: not yet). lastSeq[receiver * n + sender] drops
// records a receiver already had (a relay may resend a pose that did not change between its flushes).
const sendT = new Float64Array(n * 256).fill(NaN);
const lastSeq = new Int16Array(mine * n).fill(-1);
const byPeer = new Int32Array(65536).fill(-1);
const byName = new Map<string, number>();
go.peers.forEach(([peerId, playerId], i) => { byPeer[peerId & 0xffff] = i; byName.set(playerId, i); });

measureEnd = Math.min(measureEnd, go.measureEnd);
const inWindow = (t: number) => t >= go.measureAt && t < measureEnd;
const hist = new Histogram();
const win = new Histogram();
// Where every player stands, refreshed every 10 ms from the shared layout and clock (a few cm at these speeds).
const posX = new Float64Array(n), posZ = new Float64Array(n);
let posT = -Infinity;
const at = { x: 0, z: 0, yaw: 0 };
function placeAll(now: number): void {
  posT = now;
  for (let i = 0; i < n; i++) { walkerAt(walkers[i], (now - go.startAt) / 1000, at); posX[i] = at.x; posZ[i] = at.z; }
}
const R2 = INTEREST_RADIUS_M * INTEREST_RADIUS_M;
let sent = 0, sentLate = 0, delivered = 0, deliveredInRange = 0, duplicates = 0, messages = 0, payloadBytes = 0, wireBytes = 0, disconnects = 0;

/** A received record that counts: latency from its send (NaN or later than receipt: not this send). */
function settle(sender: number, seq: number, recvT: number, near: boolean): void {
  const t = sendT[sender * 256 + seq];
  if (!(t <= recvT) || recvT >= measureEnd) return;
  delivered++;
  if (near) deliveredInRange++;
  hist.add(recvT - t);
  win.add(recvT - t);
}

/** Records from other generators' players, in order of receipt, until their send times are known. */
class Waiting {
  sender = new Int32Array(4096); seq = new Uint8Array(4096); t = new Float64Array(4096); near = new Uint8Array(4096);
  head = 0; tail = 0;
  push(sender: number, seq: number, t: number, near: boolean): void {
    if (this.tail === this.t.length) this.makeRoom();
    this.sender[this.tail] = sender; this.seq[this.tail] = seq; this.t[this.tail] = t; this.near[this.tail] = near ? 1 : 0;
    this.tail++;
  }
  /** Settles every record received before `upTo`, the time up to which its sender's generator has told all its sends. */
  drain(upTo: number): void {
    while (this.head < this.tail && this.t[this.head] < upTo) {
      settle(this.sender[this.head], this.seq[this.head], this.t[this.head], this.near[this.head] === 1);
      this.head++;
    }
    if (this.head === this.tail) this.head = this.tail = 0;
  }
  get size(): number { return this.tail - this.head; }
  private makeRoom(): void {
    const live = this.tail - this.head;
    const cap = live * 2 > this.t.length ? this.t.length * 2 : this.t.length;
    const move = <A extends Int32Array | Uint8Array | Float64Array>(a: A, b: A): A => { b.set(a.subarray(this.head, this.tail)); return b; };
    this.sender = move(this.sender, new Int32Array(cap)); this.seq = move(this.seq, new Uint8Array(cap));
    this.t = move(this.t, new Float64Array(cap)); this.near = move(this.near, new Uint8Array(cap));
    this.head = 0; this.tail = live;
  }
}
const waiting = Array.from({ length: cfg.parts }, () => new Waiting());

function take(receiver: number, sender: number, seq: number, now: number): void {
  if (sender < 0 || sender === lo + receiver) return;
  const k = receiver * n + sender;
  if (lastSeq[k] === seq) { if (inWindow(now)) duplicates++; return; }
  lastSeq[k] = seq;
  if (!inWindow(now)) return;
  const dx = posX[lo + receiver] - posX[sender], dz = posZ[lo + receiver] - posZ[sender];
  const near = dx * dx + dz * dz <= R2;
  const from = owner[sender];
  if (from === cfg.part) settle(sender, seq, now, near);
  else waiting[from].push(sender, seq, now, near);
}

players.forEach((p, r) => {
  const engine = p.socket.io.engine;
  engine.on('data', (d: string | ArrayBuffer | Buffer) => { if (inWindow(clock())) wireBytes += typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength; });
  p.socket.on('disconnect', () => { disconnects++; });
  if (cfg.mode === 'relay') {
    p.socket.on('sync_player_position', (data: Buffer | ArrayBuffer) => {
      const now = clock();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (inWindow(now)) { messages++; payloadBytes += bytes.byteLength; }
      for (let off = 0; off + POSE_BYTES <= bytes.byteLength; off += poseLength(view, off)) {
        take(r, byPeer[view.getUint16(off, true)], view.getUint8(off + 15), now);
      }
    });
  } else {
    p.socket.on('pose', (pose: NaivePose) => {
      const now = clock();
      if (inWindow(now)) messages++;
      take(r, byName.get(pose.player_id) ?? -1, pose.seq, now);
    });
  }
});

// ---- send times to and from the other generators -------------------------------------------
let outgoing: number[] = [];
const flush = (final: boolean) => {
  if (cfg.parts > 1) process.send?.({ type: 'sends', from: cfg.part, upTo: final ? Infinity : clock(), data: outgoing, final } satisfies SendsMsg);
  outgoing = [];
};
let finals = 0;
let allFinal: () => void = () => undefined;
const othersDone = new Promise<void>((resolve) => { allFinal = resolve; if (cfg.parts === 1) resolve(); });
onSends = (m) => {
  const d = m.data;
  for (let i = 0; i + 2 < d.length; i += 3) sendT[d[i] * 256 + d[i + 1]] = d[i + 2];
  // JSON carries Infinity as null: a final list is complete for good.
  waiting[m.from].drain(m.final ? Infinity : m.upTo);
  if (m.final && ++finals === cfg.parts - 1) allFinal();
};
early.splice(0).forEach(onSends);
const flusher = setInterval(() => flush(false), 20);

// ---- sending: one 2 ms scheduler walks this generator's players and sends those whose slot has come
const next = new Float64Array(mine);
const seqs = new Uint8Array(mine);
for (let j = 0; j < mine; j++) next[j] = go.startAt + ((lo + j) / n) * PERIOD;
const pose = createPose();

function sendOne(j: number, now: number): void {
  const i = lo + j;
  const seq = seqs[j] = (seqs[j] + 1) & 0xff;
  walkerAt(walkers[i], (now - go.startAt) / 1000, at);
  posX[i] = at.x;
  posZ[i] = at.z;
  const socket = players[j].socket;
  sendT[i * 256 + seq] = now;
  if (cfg.parts > 1) outgoing.push(i, seq, now);
  if (inWindow(now)) sent++;
  if (cfg.mode === 'relay') {
    const buf = new Uint8Array(POSE_BYTES);
    pose.id = players[j].peerId; pose.x = at.x; pose.y = 40; pose.z = at.z; pose.seq = seq;
    yawPitchQuat(at.yaw, 0, pose.q);
    writePose(new DataView(buf.buffer), 0, pose);
    socket.volatile.emit('sync_player_position', buf);
  } else {
    const q = yawPitchQuat(at.yaw, 0, pose.q);
    const msg: NaivePose = { player_id: players[j].playerId, position: { x: at.x, y: 40, z: at.z }, rotation: { ...q }, seq, t: now };
    socket.volatile.emit('pose', msg);
  }
}

const sender = setInterval(() => {
  const now = clock();
  if (now - posT >= 10) placeAll(now);
  for (let j = 0; j < mine; j++) {
    if (next[j] > now) continue;
    // Fell a whole period behind (an overloaded generator): skip ahead instead of bursting.
    if (now - next[j] > PERIOD) { if (inWindow(now)) sentLate++; next[j] = now; }
    sendOne(j, now);
    next[j] += PERIOD;
  }
}, 2);

// ---- the window ------------------------------------------------------------------------------
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** The delay monitor's timer period: what it records is each period's length, so the delay is what exceeds this. */
const LAG_RESOLUTION_MS = 10;
const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
await sleep(go.measureAt - clock());
lag.enable();
const cpu0 = process.cpuUsage();
const w0 = clock();
let badSeconds = 0, collapsed = false;
const checker = setInterval(() => {
  badSeconds = win.percentile(99) > (cfg.collapseMs ?? 2000) || (n > 1 && mine > 0 && win.count === 0) ? badSeconds + 1 : 0;
  win.reset();
  if (badSeconds >= 2 && !collapsed) { collapsed = true; process.send?.({ type: 'collapsed' }); }
}, 1000);
await new Promise<void>((resolve) => {
  let timer = setTimeout(resolve, Math.max(0, measureEnd - clock()));
  wakeEnd = () => { clearTimeout(timer); timer = setTimeout(resolve, Math.max(0, measureEnd - clock())); };
});
const cpu = process.cpuUsage(cpu0);
const cpuWindowMs = clock() - w0;
lag.disable();
clearInterval(checker);
clearInterval(sender);
clearInterval(flusher);
flush(true);
await othersDone;
const unresolved = waiting.reduce((sum, w) => sum + w.size, 0);

const result: GenResult = {
  type: 'result', part: cfg.part, clients: cfg.count, connected: mine,
  sent, sentLate, delivered, deliveredInRange, duplicates, messages, payloadBytes, wireBytes, disconnects,
  hist: hist.toSparse(), max: hist.max, cpuMs: (cpu.user + cpu.system) / 1000, cpuWindowMs,
  lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS), lagMaxMs: Math.max(0, lag.max / 1e6 - LAG_RESOLUTION_MS), unresolved,
};
for (const p of players) p.socket.disconnect();
process.send?.(result, () => process.exit(0));
