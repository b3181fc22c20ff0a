/**
 * The world state: a seed and a world kind (planet or arena) plus an ordered edit log.
 * Unedited chunks are generated on demand (a pure function of seed and kind), so only
 * chunks an edit changed are kept, materialised as owned 32^3 voxels. Reading order therefore never affects state.
 *
 * API (class VoxelStore):
 *  - readField(cx, cy, cz, density, material): fill a 34^3 meshing field (local -1..32).
 *  - readBox(x0, y0, z0, nx, ny, nz, density, material): any world box, x fastest.
 *  - applyEdit(edit): EditOutcome            (see brush.ts for the brush maths)
 *  - sample(x, y, z), info(pos), chunkHash(cx, cy, cz), editCount(), columnInfo(x, z)
 *  - loadChunk(cx, cy, cz, bytes): install a 65536-byte snapshot (density then material)
 */
import { CHUNK_SIZE, CHUNK_VOLUME, DENSITY_MAX, FIELD_SIZE, MATERIALS } from '../protocol/world.ts';
import type { BrushEdit, EditOutcome, Position, TerrainInfo, WorldKind } from '../protocol/terrain.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { createWorldgen } from './worldgen.ts';
import type { ColumnInfo, Worldgen } from './worldgen-types.ts';
import { applyBrush } from './brush.ts';
import type { EditLedger } from './mining/edit-ledger.ts';
import { chunkKey } from './chunk-key.ts';
import { sampleTrilinear } from './terrain-probe.ts';

const S = CHUNK_SIZE;
const DMAX = DENSITY_MAX;

export interface Chunk { density: Int8Array; material: Uint8Array }

export class VoxelStore {
  readonly gen: Worldgen;
  private readonly chunks = new Map<number, Chunk>();
  /** Edits applied so far; the log itself lives on the main thread (TerrainPool), which replays it. */
  private applied = 0;
  private readonly one = { d: new Int8Array(1), m: new Uint8Array(1) };
  private readonly scratch = { d: new Int8Array(CHUNK_VOLUME), m: new Uint8Array(CHUNK_VOLUME) };

  constructor(readonly seed: number, readonly kind: WorldKind = 'planet') {
    this.gen = createWorldgen(seed, kind);
  }

  editCount(): number { return this.applied; }
  columnInfo(x: number, z: number): ColumnInfo { return this.gen.columnInfo(x, z); }
  /** The materialised chunk, or undefined if it is still pure generation. */
  chunk(cx: number, cy: number, cz: number): Chunk | undefined { return this.chunks.get(chunkKey(cx, cy, cz)); }

  /** Materialises a chunk (generating it) so an edit can write into it. */
  ensureChunk(cx: number, cy: number, cz: number): Chunk {
    const k = chunkKey(cx, cy, cz);
    let c = this.chunks.get(k);
    if (!c) {
      c = { density: new Int8Array(CHUNK_VOLUME), material: new Uint8Array(CHUNK_VOLUME) };
      this.gen.fillBox(cx * S, cy * S, cz * S, S, S, S, c.density, c.material);
      this.chunks.set(k, c);
    }
    return c;
  }

  /**
   * Installs a materialised chunk snapshot (a relay's folded chunk, or one a late joiner fetched):
   * `bytes` are the 65536 bytes chunkHash hashes, density then material (chunk-codec.ts chunkBytes).
   * Copied, so the caller may reuse its buffer; the edit count is unchanged (a snapshot is state, not
   * an edit). Throws on a wrong length: callers validate with decodeChunk first.
   */
  loadChunk(cx: number, cy: number, cz: number, bytes: Uint8Array): void {
    if (bytes.length !== CHUNK_VOLUME * 2) throw new RangeError(`chunk snapshot must be ${CHUNK_VOLUME * 2} bytes, got ${bytes.length}`);
    const c: Chunk = { density: new Int8Array(CHUNK_VOLUME), material: new Uint8Array(CHUNK_VOLUME) };
    c.density.set(new Int8Array(bytes.buffer, bytes.byteOffset, CHUNK_VOLUME));
    c.material.set(bytes.subarray(CHUNK_VOLUME, CHUNK_VOLUME * 2));
    this.chunks.set(chunkKey(cx, cy, cz), c);
  }

  /** Fills the 34^3 field of chunk (cx, cy, cz): index = x + y*34 + z*34*34, local -1..32. */
  readField(cx: number, cy: number, cz: number, density: Int8Array, material: Uint8Array): void {
    this.readBox(cx * S - 1, cy * S - 1, cz * S - 1, FIELD_SIZE, FIELD_SIZE, FIELD_SIZE, density, material);
  }

  /** Fills a world box (x fastest) from materialised chunks, generating the rest. */
  readBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): void {
    const kx0 = Math.floor(x0 / S), kx1 = Math.floor((x0 + nx - 1) / S);
    const ky0 = Math.floor(y0 / S), ky1 = Math.floor((y0 + ny - 1) / S);
    const kz0 = Math.floor(z0 / S), kz1 = Math.floor((z0 + nz - 1) / S);
    let total = 0, stored = 0;
    for (let kz = kz0; kz <= kz1; kz++) for (let ky = ky0; ky <= ky1; ky++) for (let kx = kx0; kx <= kx1; kx++) {
      total++;
      if (this.chunks.has(chunkKey(kx, ky, kz))) stored++;
    }
    const n = nx * ny * nz;
    if (stored === 0 && this.gen.topBound(x0, z0, nx, nz) < y0) {
      // Fast path: wholly above every column's possible solid top and unedited.
      density.fill(-DMAX, 0, n);
      material.fill(0, 0, n);
      return;
    }
    if (stored < total) this.gen.fillBox(x0, y0, z0, nx, ny, nz, density, material);
    if (stored === 0) return;
    for (let kz = kz0; kz <= kz1; kz++) for (let ky = ky0; ky <= ky1; ky++) for (let kx = kx0; kx <= kx1; kx++) {
      const c = this.chunks.get(chunkKey(kx, ky, kz));
      if (!c) continue;
      // Intersection of the box with this chunk, in world coordinates.
      const ax = Math.max(x0, kx * S), bx = Math.min(x0 + nx, kx * S + S);
      const ay = Math.max(y0, ky * S), by = Math.min(y0 + ny, ky * S + S);
      const az = Math.max(z0, kz * S), bz = Math.min(z0 + nz, kz * S + S);
      for (let z = az; z < bz; z++) for (let y = ay; y < by; y++) {
        let src = (ax - kx * S) + (y - ky * S) * S + (z - kz * S) * S * S;
        let dst = (ax - x0) + (y - y0) * nx + (z - z0) * nx * ny;
        for (let x = ax; x < bx; x++, src++, dst++) {
          density[dst] = c.density[src];
          material[dst] = c.material[src];
        }
      }
    }
  }

  /** Density and material id of world voxel (x, y, z) (integers). */
  sample(x: number, y: number, z: number): { density: number; material: number } {
    const cx = Math.floor(x / S), cy = Math.floor(y / S), cz = Math.floor(z / S);
    const c = this.chunks.get(chunkKey(cx, cy, cz));
    if (c) {
      const i = (x - cx * S) + (y - cy * S) * S + (z - cz * S) * S * S;
      return { density: c.density[i], material: c.material[i] };
    }
    this.gen.fillBox(x, y, z, 1, 1, 1, this.one.d, this.one.m);
    return { density: this.one.d[0], material: this.one.m[0] };
  }

  /** Terrain facts at a point: trilinear density (-1..1), nearest solid material, climate. */
  info(pos: Position): TerrainInfo {
    const { density, material } = sampleTrilinear(this, pos.x, pos.y, pos.z);
    const col = this.gen.columnInfo(pos.x, pos.z);
    return {
      position: { x: pos.x, y: pos.y, z: pos.z },
      material: MATERIALS[material] ?? 'air',
      density,
      temperature: this.gen.temperatureAt(pos.x, pos.y, pos.z),
      biome: col.biome,
    };
  }

  /** Hex SHA-256 of the chunk's owned density bytes followed by its material bytes. */
  chunkHash(cx: number, cy: number, cz: number): string {
    let c = this.chunks.get(chunkKey(cx, cy, cz));
    if (!c) {
      this.gen.fillBox(cx * S, cy * S, cz * S, S, S, S, this.scratch.d, this.scratch.m);
      c = { density: this.scratch.d, material: this.scratch.m };
    }
    const bytes = new Uint8Array(CHUNK_VOLUME * 2);
    bytes.set(new Uint8Array(c.density.buffer, c.density.byteOffset, CHUNK_VOLUME), 0);
    bytes.set(c.material, CHUNK_VOLUME);
    return bytesToHex(sha256(bytes));
  }

  /**
   * Applies a (validated) brush edit, the next in the log. With a ledger, also counts the solid
   * density the edit moved per material (added to it, never cleared).
   */
  applyEdit(edit: BrushEdit, ledger?: EditLedger): EditOutcome {
    const { voxelsModified, touched } = applyBrush(this, edit, ledger);
    this.applied++;
    return { voxelsModified, touched, sequence: this.applied };
  }
}
