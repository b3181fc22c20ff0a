/**
 * Pose load generator, run as its own process (procs.ts forks it with a JSON config argument):
 * N players connect, then each sends 20 Hz poses, the sends spread evenly over the 50 ms period
 * (player i at offset i/N of it) rather than all at once. A send is identified by its sender and its
 * 8-bit pose seq; the send time is kept here, so a record's latency is measured on one process clock
 * whichever receiver gets it. After a warm-up it tells the parent `phase: measure` (the parent then
 * samples the relay's CPU), measures, says `phase: end`, and sends the result. If latency runs away
 * (p99 over `collapseMs` two seconds running) it stops early and says so, rather than hang.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createPose, poseLength, writePose, yawPitchQuat, POSE_BYTES } from '../../src/protocol/net/pose-codec.ts';
import { INTEREST_RADIUS_M } from '../../src/protocol/net/limits.ts';
import { Histogram } from './histogram.ts';
import { connectAll, placeWalkers, walkerAt, type Mode } from './pose-clients.ts';
import type { NaivePose } from './naive-relay.ts';

export interface LoadConfig {
  url: string; mode: Mode; clients: number; warmupMs: number; measureMs: number;
  hz?: number; areaM?: number; collapseMs?: number; tag?: string;
}

export interface LoadResult {
  type: 'result'; mode: Mode; clients: number; connected: number; connectFailures: string[]; connectMs: number;
  status: 'ok' | 'collapsed'; measuredMs: number; sent: number; sentLate: number; delivered: number;
  duplicates: number; messages: number; payloadBytes: number; wireBytes: number;
  /** Delivered records whose sender stood within INTEREST_RADIUS_M of the receiver: the updates a receiver can use. */
  deliveredInRange: number;
  p50: number; p90: number; p99: number; max: number; disconnects: number; genCpuMs: number; genLagP99Ms: number;
}

const cfg = JSON.parse(process.argv[2]) as LoadConfig;
const PERIOD = 1000 / (cfg.hz ?? 20);
const t0 = performance.now();
const { players, failures } = await connectAll(cfg.url, cfg.mode, cfg.clients, cfg.tag ?? 'bench');
const connectMs = performance.now() - t0;
const n = players.length;
const walkers = placeWalkers(n, cfg.areaM ?? 1000);

// Who sent what, when: sendT[sender * 256 + seq]. lastSeq[receiver * n + sender] drops records a
// receiver already had (a relay may resend a pose that did not change between its flushes).
const sendT = new Float64Array(n * 256);
const lastSeq = new Int16Array(n * n).fill(-1);
const byPeer = new Int32Array(65536).fill(-1);
const byName = new Map<string, number>();
players.forEach((p, i) => { byPeer[p.peerId & 0xffff] = i; byName.set(p.playerId, i); });

let measuring = false;
const hist = new Histogram();
const win = new Histogram();
// Where each player stood at its last send (at most 50 ms old: a few decimetres at these speeds).
const posX = new Float64Array(n), posZ = new Float64Array(n);
const R2 = INTEREST_RADIUS_M * INTEREST_RADIUS_M;
let deliveredInRange = 0;
let sent = 0, sentLate = 0, delivered = 0, duplicates = 0, messages = 0, payloadBytes = 0, wireBytes = 0, disconnects = 0;

function take(receiver: number, sender: number, seq: number, now: number): void {
  if (sender < 0 || sender === receiver) return;
  const k = receiver * n + sender;
  if (lastSeq[k] === seq) { if (measuring) duplicates++; return; }
  lastSeq[k] = seq;
  const t = sendT[sender * 256 + seq];
  if (!measuring || t === 0) return;
  delivered++;
  const dx = posX[receiver] - posX[sender], dz = posZ[receiver] - posZ[sender];
  if (dx * dx + dz * dz <= R2) deliveredInRange++;
  hist.add(now - t);
  win.add(now - t);
}

players.forEach((p, r) => {
  const engine = p.socket.io.engine;
  engine.on('data', (d: string | ArrayBuffer | Buffer) => { if (measuring) wireBytes += typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength; });
  p.socket.on('disconnect', () => { disconnects++; });
  if (cfg.mode === 'relay') {
    p.socket.on('sync_player_position', (data: Buffer | ArrayBuffer) => {
      const now = performance.now();
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (measuring) { messages++; payloadBytes += bytes.byteLength; }
      for (let off = 0; off + POSE_BYTES <= bytes.byteLength; off += poseLength(view, off)) {
        take(r, byPeer[view.getUint16(off, true)], view.getUint8(off + 15), now);
      }
    });
  } else {
    p.socket.on('pose', (pose: NaivePose) => {
      const now = performance.now();
      if (measuring) messages++;
      take(r, byName.get(pose.player_id) ?? -1, pose.seq, now);
    });
  }
});

// ---- sending: one 2 ms scheduler walks every player and sends those whose slot has come -------
const next = new Float64Array(n);
const seqs = new Uint8Array(n);
const start = performance.now() + 100;
for (let i = 0; i < n; i++) next[i] = start + (i / n) * PERIOD;
const pose = createPose();
const at = { x: 0, z: 0, yaw: 0 };

function sendOne(i: number, now: number): void {
  const seq = seqs[i] = (seqs[i] + 1) & 0xff;
  walkerAt(walkers[i], (now - start) / 1000, at);
  posX[i] = at.x;
  posZ[i] = at.z;
  const socket = players[i].socket;
  sendT[i * 256 + seq] = now;
  if (measuring) sent++;
  if (cfg.mode === 'relay') {
    const buf = new Uint8Array(POSE_BYTES);
    pose.id = players[i].peerId; pose.x = at.x; pose.y = 40; pose.z = at.z; pose.seq = seq;
    yawPitchQuat(at.yaw, 0, pose.q);
    writePose(new DataView(buf.buffer), 0, pose);
    socket.volatile.emit('sync_player_position', buf);
  } else {
    const q = yawPitchQuat(at.yaw, 0, pose.q);
    const msg: NaivePose = { player_id: players[i].playerId, position: { x: at.x, y: 40, z: at.z }, rotation: { ...q }, seq, t: now };
    socket.volatile.emit('pose', msg);
  }
}

const sender = setInterval(() => {
  const now = performance.now();
  for (let i = 0; i < n; i++) {
    if (next[i] > now) continue;
    // Fell a whole period behind (an overloaded generator): skip ahead instead of bursting.
    if (now - next[i] > PERIOD) { if (measuring) sentLate++; next[i] = now; }
    sendOne(i, now);
    next[i] += PERIOD;
  }
}, 2);

// ---- phases ------------------------------------------------------------------------------
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lag = monitorEventLoopDelay({ resolution: 10 });
await sleep(cfg.warmupMs);
process.send?.({ type: 'phase', phase: 'measure' });
measuring = true;
lag.enable();
const cpu0 = process.cpuUsage();
const m0 = performance.now();
let status: LoadResult['status'] = 'ok';
let badSeconds = 0;
while (performance.now() - m0 < cfg.measureMs) {
  await sleep(1000);
  badSeconds = win.percentile(99) > (cfg.collapseMs ?? 2000) || (n > 1 && win.count === 0) ? badSeconds + 1 : 0;
  win.reset();
  if (badSeconds >= 2) { status = 'collapsed'; break; }
}
measuring = false;
const measuredMs = performance.now() - m0;
const cpu = process.cpuUsage(cpu0);
lag.disable();
clearInterval(sender);
process.send?.({ type: 'phase', phase: 'end' });

const result: LoadResult = {
  type: 'result', mode: cfg.mode, clients: cfg.clients, connected: n, connectFailures: failures.slice(0, 5), connectMs,
  status, measuredMs, sent, sentLate, delivered, deliveredInRange, duplicates, messages, payloadBytes, wireBytes,
  p50: hist.percentile(50), p90: hist.percentile(90), p99: hist.percentile(99), max: hist.max, disconnects,
  genCpuMs: (cpu.user + cpu.system) / 1000, genLagP99Ms: lag.percentile(99) / 1e6,
};
for (const p of players) p.socket.disconnect();
if (process.send) process.send(result, () => process.exit(0));
else { console.log(JSON.stringify(result, null, 2)); process.exit(0); }
