/**
 * Main-thread density for collision. Each terrain worker sends, with a chunk's mesh, a 33^3 Int8
 * box: the chunk's 32 owned voxels per axis plus the first voxel of the +x/+y/+z neighbours, so a
 * trilinear sample anywhere inside the chunk reads one array (index x + y*33 + z*33*33, voxel i at
 * world coordinate chunk*32 + i). A box whose values are all equal arrives as null plus that value
 * and shares one array per value here, so open sky and deep rock cost no memory per chunk.
 *
 * Rows outside CHUNK_Y_MIN..CHUNK_Y_MAX are never streamed: above is open sky and below is solid,
 * so they count as loaded. Everything else that has not arrived is unknown: sample() answers NaN
 * and the player sim refuses to move into it.
 */
import { CHUNK_SIZE, CHUNK_Y_MAX, CHUNK_Y_MIN, DENSITY_MAX } from '../../protocol/world.ts';
import { chunkKey } from '../chunk-key.ts';

import { COLLISION_EDGE, COLLISION_VOLUME } from '../collision-data.ts';
import { BoxSolids } from './box-solids.ts';

// The box format is defined with the code that fills it in the workers.
export { COLLISION_EDGE, COLLISION_VOLUME, collisionFromField } from '../collision-data.ts';

const S = CHUNK_SIZE;
const E = COLLISION_EDGE;
const E2 = E * E;

export class CollisionField {
  /** Solid boxes beside the terrain (base structures), tested with it by SphereContact. */
  readonly solids = new BoxSolids();
  private readonly chunks = new Map<number, Int8Array>();
  /** One shared box per fill value (uniform chunks point at it). */
  private readonly uniform = new Map<number, Int8Array>();
  private readonly sky: Int8Array;
  private readonly bedrock: Int8Array;
  // Last lookup: most samples in a frame hit the chunk the previous one did.
  private lastKey = NaN;
  private lastData: Int8Array | undefined;
  private readonly io = new Float64Array(7);

  constructor() {
    this.sky = this.uniformBox(-DENSITY_MAX);
    this.bedrock = this.uniformBox(DENSITY_MAX);
  }

  /** Stores a chunk's box (kept, not copied: do not reuse the array), or a uniform chunk when data is null. */
  set(cx: number, cy: number, cz: number, data: Int8Array | null, fill: number): void {
    if (data && data.length !== COLLISION_VOLUME) throw new RangeError(`collision box must hold ${COLLISION_VOLUME} samples, got ${data.length}`);
    this.chunks.set(chunkKey(cx, cy, cz), data ?? this.uniformBox(fill));
    this.lastKey = NaN;
  }

  delete(cx: number, cy: number, cz: number): void {
    this.chunks.delete(chunkKey(cx, cy, cz));
    this.lastKey = NaN;
  }

  clear(): void {
    this.chunks.clear();
    this.lastKey = NaN;
  }

  /** Whether this chunk was stored (rows outside the streamed range are implicit and report false). */
  has(cx: number, cy: number, cz: number): boolean { return this.chunks.has(chunkKey(cx, cy, cz)); }

  get size(): number { return this.chunks.size; }

  /** Trilinear density (Int8 units, > 0 solid) at a world point; NaN where the chunk is not loaded. */
  sample(x: number, y: number, z: number): number {
    const io = this.io;
    io[0] = x; io[1] = y; io[2] = z;
    return this.gradientAt(io) ? io[3] : NaN;
  }

  /**
   * Writes [density, d/dx, d/dy, d/dz] at a world point into out: the trilinear value and its exact
   * gradient within the voxel cell holding the point (density units per metre). False, out
   * untouched, where the chunk is not loaded.
   */
  sampleGradient(x: number, y: number, z: number, out: Float64Array): boolean {
    const io = this.io;
    io[0] = x; io[1] = y; io[2] = z;
    if (!this.gradientAt(io)) return false;
    out[0] = io[3]; out[1] = io[4]; out[2] = io[5]; out[3] = io[6];
    return true;
  }

  /**
   * sampleGradient for hot loops: reads the point from io[0..2] and writes [density, gx, gy, gz]
   * to io[3..6]. Passing doubles through a typed array keeps V8 from boxing each argument into a
   * fresh heap number when the call is not inlined (thousands per second in the player sim).
   */
  gradientAt(io: Float64Array): boolean {
    const x = io[0], y = io[1], z = io[2];
    const cx = Math.floor(x / S), cy = Math.floor(y / S), cz = Math.floor(z / S);
    const data = this.lookup(cx, cy, cz);
    if (!data) return false;
    const lx = x - cx * S, ly = y - cy * S, lz = z - cz * S;
    // A hair below a chunk's far face, x - cx*32 can round up to exactly 32: use the last cell (u = 1).
    const ix = Math.min(S - 1, Math.floor(lx)), iy = Math.min(S - 1, Math.floor(ly)), iz = Math.min(S - 1, Math.floor(lz));
    const u = lx - ix, v = ly - iy, w = lz - iz;
    const i = ix + iy * E + iz * E2;
    const d000 = data[i], d100 = data[i + 1], d010 = data[i + E], d110 = data[i + E + 1];
    const d001 = data[i + E2], d101 = data[i + E2 + 1], d011 = data[i + E2 + E], d111 = data[i + E2 + E + 1];
    // Differences along x on the four x-edges, then blend them: value and all three partials.
    const ex00 = d100 - d000, ex10 = d110 - d010, ex01 = d101 - d001, ex11 = d111 - d011;
    const c00 = d000 + ex00 * u, c10 = d010 + ex10 * u, c01 = d001 + ex01 * u, c11 = d011 + ex11 * u;
    const c0 = c00 + (c10 - c00) * v, c1 = c01 + (c11 - c01) * v;
    const v1 = 1 - v, w1 = 1 - w;
    io[3] = c0 + (c1 - c0) * w;
    io[4] = (ex00 * v1 + ex10 * v) * w1 + (ex01 * v1 + ex11 * v) * w;
    io[5] = (c10 - c00) * w1 + (c11 - c01) * w;
    io[6] = c1 - c0;
    return true;
  }

  /** True when every chunk overlapping the cube centre ± radius is loaded (or implicit). */
  loadedAround(x: number, y: number, z: number, radius: number): boolean {
    const x0 = Math.floor((x - radius) / S), x1 = Math.floor((x + radius) / S);
    const y0 = Math.floor((y - radius) / S), y1 = Math.floor((y + radius) / S);
    const z0 = Math.floor((z - radius) / S), z1 = Math.floor((z + radius) / S);
    for (let cz = z0; cz <= z1; cz++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (let cx = x0; cx <= x1; cx++) if (!this.lookup(cx, cy, cz)) return false;
      }
    }
    return true;
  }

  private lookup(cx: number, cy: number, cz: number): Int8Array | undefined {
    if (cy > CHUNK_Y_MAX) return this.sky;
    if (cy < CHUNK_Y_MIN) return this.bedrock;
    const k = chunkKey(cx, cy, cz);
    if (k === this.lastKey) return this.lastData;
    const data = this.chunks.get(k);
    this.lastKey = k;
    this.lastData = data;
    return data;
  }

  private uniformBox(fill: number): Int8Array {
    let box = this.uniform.get(fill);
    if (!box) {
      box = new Int8Array(COLLISION_VOLUME).fill(fill);
      this.uniform.set(fill, box);
    }
    return box;
  }
}
