/**
 * Brush maths for add / remove / smooth on a sphere. Every new value is computed
 * from a pre-edit snapshot of the brush box, so the result never depends on the
 * order voxels are visited in, and an edit is a pure function of (state, edit).
 * An optional EditLedger counts the solid density the edit took away and put in, per material,
 * which is what mining yields and building costs are made from (engine/mining/).
 *
 * Material policy: everything the build and smooth tools put into the world is soil. A voxel whose
 * solid density rises (max(new, 0) > max(old, 0)) becomes soil, a partly solid ore voxel that is
 * topped up included (its old units turn to soil with it); a voxel that loses density or keeps it
 * keeps its material (air once it holds none), so digging yields what is really there. Were a new voxel to take a
 * neighbour's material (as it once did), a player could build soil beside an ore pocket, dig it
 * back and get ore; a topped-up voxel keeping its material would do the same by the unit. Only
 * 'add' and 'smooth' can raise a voxel, so the rule needs no test of the operation.
 */
import { CHUNK_SIZE, DENSITY_MAX, MATERIAL_ID, WORLD_BOUNDS } from '../protocol/world.ts';
import { chunkInWorld, type BrushEdit } from '../protocol/terrain.ts';
import { BEDROCK_TOP } from './materials-rule.ts';
import { chunkKey, keyToCoord } from './chunk-key.ts';
import type { EditLedger } from './mining/edit-ledger.ts';

/** What a brush needs of the voxel store (VoxelStore): a box of voxels to read, chunks to write into. */
export interface BrushTarget {
  readBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): void;
  /** The chunk's owned 32³ voxels, materialised so they can be written. */
  ensureChunk(cx: number, cy: number, cz: number): { density: Int8Array; material: Uint8Array };
}

/** Density units per unit of strength at the brush centre (strength 10 = 160: a full solid/air flip). */
export const BRUSH_DENSITY_SCALE = 16;
/** Fraction of the way to the box average that smooth moves per unit of strength at the centre. */
const SMOOTH_RATE = 0.12;
const S = CHUNK_SIZE;
const DMAX = DENSITY_MAX;
/** What every raised voxel becomes (the build item, yield.ts BUILD_ITEM). */
const BUILT = MATERIAL_ID.soil;

// Snapshot scratch, grown on demand and then reused (max box is (2*16+5)^3).
let snapD = new Int8Array(0);
let snapM = new Uint8Array(0);

/** Clamped, rounded Int8 density. */
export const quantiseDensity = (v: number): number => { const r = Math.round(v); return r > DMAX ? DMAX : r < -DMAX ? -DMAX : r; };
const q = quantiseDensity;

/** The voxel box (inclusive) a brush can reach. Shared with maxBuildUnits, which must visit the same voxels. */
export interface BrushReach { ax: number; bx: number; ay: number; by: number; az: number; bz: number }

/** Voxels the sphere can reach, clamped to the editable world (bedrock stays intact); empty when a > b on an axis. */
export function brushReach(edit: BrushEdit, out: BrushReach): BrushReach {
  const { x: px, y: py, z: pz } = edit.position;
  const r = edit.radius;
  out.ax = Math.max(WORLD_BOUNDS.minX, Math.ceil(px - r)); out.bx = Math.min(WORLD_BOUNDS.maxX, Math.floor(px + r));
  out.ay = Math.max(BEDROCK_TOP + 1, Math.ceil(py - r)); out.by = Math.min(WORLD_BOUNDS.maxY - 1, Math.floor(py + r));
  out.az = Math.max(WORLD_BOUNDS.minZ, Math.ceil(pz - r)); out.bz = Math.min(WORLD_BOUNDS.maxZ, Math.floor(pz + r));
  return out;
}

/** Brush weight at squared distance d2 (< r2): 1 at the centre and flat (zero slope) at the rim. */
export function brushFalloff(d2: number, r2: number): number {
  const f0 = 1 - d2 / r2;
  return f0 * f0;
}

const reach: BrushReach = { ax: 0, bx: 0, ay: 0, by: 0, az: 0, bz: 0 };

/**
 * Applies one edit. With a ledger, also adds to it (never clears it) the solid density each voxel
 * lost, under its old material, and gained, under its new one (see EditLedger). A topped-up voxel
 * of another material counts only its gain, as soil: its old units are converted, not dug, so they
 * are in neither array (the player loses them; counting them as removed would let smoothing mine).
 */
export function applyBrush(store: BrushTarget, edit: BrushEdit, ledger?: EditLedger): { voxelsModified: number; touched: number[] } {
  const { x: px, y: py, z: pz } = edit.position;
  const r = edit.radius;
  const r2 = r * r;
  const { ax, bx, ay, by, az, bz } = brushReach(edit, reach);
  const touchedKeys = new Set<number>();
  if (ax > bx || ay > by || az > bz) return { voxelsModified: 0, touched: [] };
  // Snapshot with a 1-voxel margin for the smoothing box.
  const x0 = ax - 1, y0 = ay - 1, z0 = az - 1;
  const nx = bx - ax + 3, ny = by - ay + 3, nz = bz - az + 3;
  const sy = nx, sz = nx * ny;
  if (snapD.length < nx * ny * nz) { snapD = new Int8Array(nx * ny * nz); snapM = new Uint8Array(nx * ny * nz); }
  store.readBox(x0, y0, z0, nx, ny, nz, snapD, snapM);
  const amount = edit.strength * BRUSH_DENSITY_SCALE;
  const op = edit.operation;
  let modified = 0;
  for (let z = az; z <= bz; z++) for (let y = ay; y <= by; y++) for (let x = ax; x <= bx; x++) {
    const dx = x - px, dy = y - py, dz = z - pz;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 >= r2) continue;
    const f = brushFalloff(d2, r2);
    const i = (x - x0) + (y - y0) * sy + (z - z0) * sz;
    const old = snapD[i];
    let nd: number;
    if (op === 'add') nd = q(old + f * amount);
    else if (op === 'remove') nd = q(old - f * amount);
    else {
      let sum = 0;
      for (let oz = -sz; oz <= sz; oz += sz) for (let oy = -sy; oy <= sy; oy += sy) for (let ox = -1; ox <= 1; ox++) sum += snapD[i + oz + oy + ox];
      const t = Math.min(1, f * edit.strength * SMOOTH_RATE);
      nd = q(old + (sum / 27 - old) * t);
    }
    const oldM = snapM[i];
    // Only density above the iso level is material: air voxels (<= 0) hold nothing.
    const solidChange = (nd > 0 ? nd : 0) - (old > 0 ? old : 0);
    const nm = nd <= 0 ? 0 : solidChange > 0 ? BUILT : oldM;
    if (nd === old && nm === oldM) continue;
    modified++;
    if (ledger) {
      if (solidChange < 0) ledger.removed[oldM] -= solidChange;
      else if (solidChange > 0) ledger.added[nm] += solidChange;
    }
    write(store, x, y, z, nd, nm);
    addTouched(touchedKeys, x, y, z);
  }
  const touched: number[] = [];
  for (const k of [...touchedKeys].sort((a, b) => a - b)) {
    const [cx, cy, cz] = keyToCoord(k);
    // Chunks past the world's edge exist only as apron samples; no one can ask to mesh them.
    if (chunkInWorld(cx, cy, cz)) touched.push(cx, cy, cz);
  }
  return { voxelsModified: modified, touched };
}

function write(store: BrushTarget, x: number, y: number, z: number, d: number, m: number): void {
  const cx = Math.floor(x / S), cy = Math.floor(y / S), cz = Math.floor(z / S);
  const c = store.ensureChunk(cx, cy, cz);
  const i = (x - cx * S) + (y - cy * S) * S + (z - cz * S) * S * S;
  c.density[i] = d;
  c.material[i] = m;
}

/** A voxel at local 0 is also in the -1 neighbour's apron; at local 31, in the +1 neighbour's. */
function addTouched(set: Set<number>, x: number, y: number, z: number): void {
  const cx = Math.floor(x / S), cy = Math.floor(y / S), cz = Math.floor(z / S);
  const lx = x - cx * S, ly = y - cy * S, lz = z - cz * S;
  const ex = lx === 0 ? -1 : lx === S - 1 ? 1 : 0;
  const ey = ly === 0 ? -1 : ly === S - 1 ? 1 : 0;
  const ez = lz === 0 ? -1 : lz === S - 1 ? 1 : 0;
  for (let a = 0; a <= (ex ? 1 : 0); a++) for (let b = 0; b <= (ey ? 1 : 0); b++) for (let c = 0; c <= (ez ? 1 : 0); c++) {
    set.add(chunkKey(cx + a * ex, cy + b * ey, cz + c * ez));
  }
}
