/**
 * Node mesh bench: our mesher (src/engine/surface-nets.ts) vs the npm `surface-nets` package on the
 * same four fields, in the same run, in alternating blocks of calls so both share the machine's noise.
 * Per-call timing with performance.now() (sub-µs resolution in Node).
 */
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMesher } from '../src/engine/surface-nets.ts';
import { FIELD_SIZE, FIELD_VOLUME } from '../src/protocol/world.ts';
import { buildFixtures, type Field } from './fixtures.ts';
import { median, percentile, round, type Figures } from './stats.ts';

const require = createRequire(import.meta.url);
type NdArray = unknown;
const ndarray = require('ndarray') as (data: Float32Array, shape: number[], stride: number[]) => NdArray;
const surfaceNets = require('surface-nets') as (a: NdArray, level: number) => { positions: number[][]; cells: number[][] };

const WARMUP = 50;
const CALLS = 400;
/**
 * Calls per block. The two meshers run in alternating blocks, not alternating calls: the package
 * allocates arrays on every call, and its garbage collections would otherwise land inside our
 * timed calls. Alternating blocks still spreads the machine's noise over both.
 */
const BLOCK = 25;

/** Our Int8 field as a float ndarray with the same layout: axis 0 = x (stride 1), 1 = y, 2 = z.
 * Negated, because the package calls value > level "inside" with outward-facing winding the
 * other way round; the sign does not change the work done, only the winding. */
function toNdarray(density: Int8Array): NdArray {
  const data = new Float32Array(FIELD_VOLUME);
  for (let i = 0; i < FIELD_VOLUME; i++) data[i] = -density[i];
  return ndarray(data, [FIELD_SIZE, FIELD_SIZE, FIELD_SIZE], [1, FIELD_SIZE, FIELD_SIZE * FIELD_SIZE]);
}

function benchField(field: Field, figures: Figures): void {
  const mesher = createMesher();
  const arr = toNdarray(field.density);
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) {
    sink += mesher.mesh(field.density, field.material).indexCount;
    sink += surfaceNets(arr, 0).cells.length;
  }
  const ours: number[] = [], theirs: number[] = [];
  for (let block = 0; block < CALLS / BLOCK; block++) {
    for (let i = 0; i < BLOCK; i++) {
      const t0 = performance.now();
      sink += mesher.mesh(field.density, field.material).indexCount;
      ours.push((performance.now() - t0) * 1000);
    }
    for (let i = 0; i < BLOCK; i++) {
      const t0 = performance.now();
      sink += surfaceNets(arr, 0).cells.length;
      theirs.push((performance.now() - t0) * 1000);
    }
  }
  if (sink === -1) console.log(sink); // keep results observable so nothing is optimised away
  const counts = mesher.mesh(field.density, field.material);
  const baseTris = surfaceNets(arr, 0).cells.length;
  const f = `mesh.${field.name}`;
  const oursMed = median(ours), baseMed = median(theirs);
  figures[`${f}.median_us`] = { value: round(oursMed, 1), unit: 'us', baseline: round(baseMed, 1) };
  figures[`${f}.p99_us`] = { value: round(percentile(ours, 99), 1), unit: 'us', baseline: round(percentile(theirs, 99), 1) };
  figures[`${f}.triangles`] = {
    value: counts.indexCount / 3, unit: 'tris', baseline: baseTris,
    note: `${field.where}${counts.overflow ? ', OVERFLOW' : ''}; pkg meshes all 33^3 cells, ours owned edges only`,
  };
  figures[`${f}.ratio`] = { value: round(baseMed / oursMed, 2), unit: 'x', baseline: 1, target: '>= 5' };
}

export function runMeshBench(figures: Figures): void {
  for (const field of buildFixtures()) benchField(field, figures);
}

interface AllocResult { bytesPerCall: number; perField: Record<string, number>; switching: number; gcs: number }

/** mesh.alloc_bytes_per_call: spawns alloc-child.ts under `node --expose-gc --import tsx` (method there). */
export function runAllocBench(figures: Figures): void {
  const child = fileURLToPath(new URL('./alloc-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as AllocResult;
  const per = Object.entries(r.perField).map(([k, v]) => `${k} ${round(v, 1)}`).join(', ');
  figures['mesh.alloc_bytes_per_call'] = {
    value: round(r.bytesPerCall, 1), unit: 'B', target: '0',
    note: `heap delta/1000 calls, same buffer: ${per}; alternating buffers ${round(r.switching, 1)}; non-forced GCs ${r.gcs}`,
  };
}
