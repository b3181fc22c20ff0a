/**
 * Each creature's animation state, integrated on the main thread once per frame: gait and wing
 * phases advance with the distance travelled and the climb, the head turns smoothly toward the
 * look target (clamped), a hit flashes, death plays out. The state follows the creature, not its
 * slot: slots may reorder from one frame to the next, so a small open-addressing table maps the
 * creature's number to last frame's slot, and the state is copied over (two tables and two state
 * arrays, swapped each frame; nothing is allocated per frame).
 */
import { CreatureFlag, type CreatureFrame } from './creature-frame.ts';
import { CREATURE_RIGS, levelScale } from './creature-rig.ts';

/** Offsets into a slot's record in `state` (STRIDE floats per slot). */
export const M = {
  Gait: 0, Swing: 1, Wing: 2, WingAmp: 3, Yaw: 4, Pitch: 5, Jaw: 6, Seed: 7,
  Hit: 8, Dying: 9, Health: 10, BodyPitch: 11, Bank: 12, HeadX: 13, HeadZ: 14,
} as const;
export const STRIDE = 15;

const EMPTY = -1;

class SlotTable {
  keys = new Int32Array(0);
  slots = new Int32Array(0);
  mask = 0;

  resize(capacity: number): void {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    if (size === this.keys.length) return;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
  }

  clear(): void {
    this.slots.fill(EMPTY);
  }

  private home(n: number): number {
    return Math.imul(n, 0x9e3779b1) >>> 0 & this.mask;
  }

  get(n: number): number {
    for (let h = this.home(n); ; h = (h + 1) & this.mask) {
      const s = this.slots[h];
      if (s === EMPTY) return EMPTY;
      if (this.keys[h] === n) return s;
    }
  }

  set(n: number, slot: number): void {
    let h = this.home(n);
    while (this.slots[h] !== EMPTY && this.keys[h] !== n) h = (h + 1) & this.mask;
    this.keys[h] = n;
    this.slots[h] = slot;
  }
}

/** A 0..1 hash of a creature number, different per salt: desynchronises herds. */
function unit(n: number, salt: number): number {
  let h = Math.imul(n ^ Math.imul(salt, 0x85ebca6b), 0xcc9e2d51);
  h = Math.imul(h ^ (h >>> 15), 0x1b873593);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);
const approach = (cur: number, target: number, k: number) => cur + (target - cur) * k;

export class CreatureMotion {
  /** This frame's records, by slot of the frame last stepped. */
  state = new Float32Array(0);
  private prev = new Float32Array(0);
  private table = new SlotTable();
  private prevTable = new SlotTable();
  private capacity = 0;
  /** Seconds of animation so far (chewing and other idle cycles). */
  time = 0;

  constructor() {
    this.table.resize(16);
    this.prevTable.resize(16);
  }

  private reserve(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2, 64);
    const keep = (a: Float32Array) => {
      const b = new Float32Array(cap * STRIDE);
      b.set(a);
      return b;
    };
    this.state = keep(this.state);
    this.prev = keep(this.prev);
    // Last frame's table (still `table` until step swaps) keeps its entries: they point into
    // last frame's records, which were kept.
    const old = this.table;
    this.table = new SlotTable();
    this.table.resize(cap);
    for (let h = 0; h < old.slots.length; h++) if (old.slots[h] !== EMPTY) this.table.set(old.keys[h], old.slots[h]);
    this.prevTable.resize(cap);
    this.capacity = cap;
  }

  /** Advances every creature in `frame` by dt seconds; afterwards state[slot * STRIDE + M.x] describes slot. */
  step(frame: CreatureFrame, dt: number): void {
    this.reserve(frame.count);
    // Last frame's records become prev; this frame's are written fresh into state.
    const t = this.prev; this.prev = this.state; this.state = t;
    const tt = this.prevTable; this.prevTable = this.table; this.table = tt;
    this.table.clear();
    this.time += dt;
    const { state, prev } = this;
    for (let i = 0; i < frame.count; i++) {
      const n = frame.number[i], o = i * STRIDE;
      const j = this.prevTable.get(n);
      if (j !== EMPTY) {
        for (let k = 0, p = j * STRIDE; k < STRIDE; k++) state[o + k] = prev[p + k];
      } else {
        this.fresh(frame, i, n);
      }
      this.table.set(n, i);
      this.integrate(frame, i, dt);
    }
  }

  private fresh(frame: CreatureFrame, i: number, n: number): void {
    const s = this.state, o = i * STRIDE;
    for (let k = 0; k < STRIDE; k++) s[o + k] = 0;
    s[o + M.Gait] = unit(n, 1);
    s[o + M.Wing] = unit(n, 2);
    s[o + M.Seed] = unit(n, 3);
    s[o + M.Health] = frame.health01[i];
    s[o + M.HeadX] = frame.headX[i];
    s[o + M.HeadZ] = frame.headZ[i];
  }

  private integrate(f: CreatureFrame, i: number, dt: number): void {
    const s = this.state, o = i * STRIDE;
    const rig = CREATURE_RIGS[f.type[i]] ?? CREATURE_RIGS[0];
    const vx = f.vx[i], vy = f.vy[i], vz = f.vz[i], hx = f.headX[i], hz = f.headZ[i];
    const speed = Math.sqrt(vx * vx + vz * vz);
    const k6 = 1 - Math.exp(-6 * dt), k3 = 1 - Math.exp(-3 * dt);

    if (rig.flyer) {
      const climb = clamp(vy / 2.5, -1, 1), fast = clamp((speed - 4) / 6, 0, 1);
      const hover = speed < 1.5 && Math.abs(vy) < 0.5;
      const amp = hover ? 0.75 : clamp(0.55 + 0.4 * Math.max(climb, 0) - 0.45 * fast - 0.35 * Math.max(-climb, 0), 0.06, 0.95);
      s[o + M.WingAmp] = approach(s[o + M.WingAmp], amp, k3);
      s[o + M.Wing] += (0.9 + 1.8 * Math.max(climb, 0) + 0.6 * (1 - fast) + (hover ? 0.6 : 0)) * dt;
      // Nose follows the climb; it banks into turns (heading change per second times speed).
      const turn = dt > 0 ? (s[o + M.HeadX] * hz - s[o + M.HeadZ] * hx) / dt : 0;
      s[o + M.BodyPitch] = approach(s[o + M.BodyPitch], clamp(Math.atan2(vy, Math.max(speed, 0.5)) * 0.8, -0.5, 0.5), k3);
      s[o + M.Bank] = approach(s[o + M.Bank], clamp(-turn * speed * 0.15, -0.6, 0.6), k3);
    } else {
      const target = speed < 0.05 ? 0 : rig.maxSwing * Math.min(1, 0.3 + (0.7 * speed) / rig.runSpeed) * clamp((speed - 0.05) / 0.45, 0, 1);
      s[o + M.Swing] = approach(s[o + M.Swing], target, k6);
      // A cycle carries the body four hip-heights times the sine of the swing (two stances).
      const stride = 4 * rig.hipHeight * levelScale(f.level[i]) * Math.sin(Math.max(s[o + M.Swing], 0.08));
      s[o + M.Gait] += (speed * dt) / stride;
    }
    s[o + M.Gait] -= Math.floor(s[o + M.Gait]);
    s[o + M.Wing] -= Math.floor(s[o + M.Wing]);
    s[o + M.HeadX] = hx;
    s[o + M.HeadZ] = hz;

    // Head: toward the look target within its limits, else ahead (or down, grazing, when standing).
    let yaw = 0, pitch = 0, jaw = 0;
    const scale = levelScale(f.level[i]);
    if (Number.isNaN(f.lookX[i])) {
      if (rig.grazes && speed < 0.3) {
        pitch = rig.pitchMin;
        jaw = 0.25 + 0.25 * Math.sin(this.time * 7 + s[o + M.Seed] * 40);
      }
    } else {
      const dx = f.lookX[i] - (f.x[i] + hx * rig.headForward * scale);
      const dy = f.lookY[i] - (f.y[i] + rig.headY * scale);
      const dz = f.lookZ[i] - (f.z[i] + hz * rig.headForward * scale);
      const ahead = dx * hx + dz * hz, right = -dx * hz + dz * hx;
      const bearing = Math.atan2(-right, ahead);
      if (Math.abs(bearing) < 2.6) {
        yaw = clamp(bearing, -rig.yawLimit, rig.yawLimit);
        pitch = clamp(Math.atan2(dy, Math.sqrt(ahead * ahead + right * right)) - s[o + M.BodyPitch], rig.pitchMin, rig.pitchMax);
      }
      if (rig.bites && f.state[i] === 3 && dx * dx + dy * dy + dz * dz < 144) jaw = 0.6 + 0.4 * Math.sin(this.time * 3 + s[o + M.Seed] * 20);
    }
    s[o + M.Yaw] = approach(s[o + M.Yaw], yaw, k6);
    s[o + M.Pitch] = approach(s[o + M.Pitch], pitch, k3);
    s[o + M.Jaw] = approach(s[o + M.Jaw], jaw, k6);

    const health = f.health01[i];
    if (health < s[o + M.Health] - 0.002) s[o + M.Hit] = 1;
    else s[o + M.Hit] = Math.max(0, s[o + M.Hit] - dt * 3.5);
    s[o + M.Health] = health;
    const dying = (f.flags[i] & CreatureFlag.Dying) !== 0;
    s[o + M.Dying] = clamp(s[o + M.Dying] + (dying ? dt / 1.1 : -dt * 2), 0, 1);
  }
}
