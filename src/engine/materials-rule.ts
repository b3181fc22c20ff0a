/**
 * Which material a solid generated voxel is made of, from its column's biome
 * and its depth below the column surface. Layers: biome topsoil, then rock,
 * with ore pockets (iron or copper) in rock and basalt deep down.
 */
import { MATERIAL_ID, WORLD_BOUNDS } from '../protocol/world.ts';
import { DESERT, ICE, MOUNTAINS } from './biomes.ts';
import { hash3 } from './noise.ts';

const ROCK = MATERIAL_ID.rock;
const SOIL = MATERIAL_ID.soil;
const GRASS = MATERIAL_ID.grass;
const SAND = MATERIAL_ID.sand;
const SANDSTONE = MATERIAL_ID.sandstone;
const SNOW = MATERIAL_ID.snow;
const ICE_M = MATERIAL_ID.ice;
const IRON_ORE = MATERIAL_ID.ore;
const COPPER_ORE = MATERIAL_ID.copper_ore;
const BASALT = MATERIAL_ID.basalt;

/** Below this y rock turns to basalt (jittered by a hash so the boundary is not a flat plane). */
const BASALT_Y = -40;
/** Bedrock layers at the world floor are always solid basalt. */
export const BEDROCK_TOP = WORLD_BOUNDS.minY + 2;

/** Ore pockets live in 8 m hash cells: 1 in 12 cells holds a blob of radius 1.5..3 m. */
const ORE_CELL = 8;
/**
 * 1 in COPPER_ONE_IN pockets is copper, the rest iron. Decided by cell hash bits 12 and up, which
 * the pocket's presence test (h % 12) barely constrains and its placement (bits 4..11) does not
 * use, so copper pockets are spread like iron ones. Integer maths only: every engine agrees.
 */
const COPPER_ONE_IN = 3;
/** Metres above the column height still counted as surface (dune crests, warped bumps). */
const SURFACE_BUMP = 4;
const DESERT_B = DESERT;
const ICE_B = ICE;
const MOUNTAINS_B = MOUNTAINS;

/**
 * Per-column material rule for fillBox: the per-column parts (basalt jitter, ore pockets
 * crossing the column) are computed once per column instead of per voxel. Ore cell hashes are cached per box; nothing is allocated once sized.
 */
export class ColumnMaterials {
  /** Per box row of the current column: the ore material id there, 0 outside every pocket. */
  private ore = new Uint8Array(0);
  private cellHash = new Int32Array(0);
  private cellSt = new Int32Array(0);
  private gen = 0;
  private cx0 = 0; private cy0 = 0; private cz0 = 0; private cnx = 0; private cny = 0;
  private y0 = 0; private ny = 0;
  private biome = 0; private height = 0; private basaltY = 0; private snowy = false;

  constructor(private readonly oreSeed: number) {}

  prepare(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number): void {
    this.y0 = y0; this.ny = ny;
    this.cx0 = Math.floor(x0 / ORE_CELL); this.cy0 = Math.floor(y0 / ORE_CELL); this.cz0 = Math.floor(z0 / ORE_CELL);
    this.cnx = Math.floor((x0 + nx - 1) / ORE_CELL) - this.cx0 + 1;
    this.cny = Math.floor((y0 + ny - 1) / ORE_CELL) - this.cy0 + 1;
    const n = this.cnx * this.cny * (Math.floor((z0 + nz - 1) / ORE_CELL) - this.cz0 + 1);
    if (this.cellSt.length < n) { this.cellHash = new Int32Array(n); this.cellSt = new Int32Array(n); this.gen = 0; }
    if (this.ore.length < ny) this.ore = new Uint8Array(ny);
    this.gen = (this.gen + 1) | 0;
    if (this.gen === 0) { this.cellSt.fill(0); this.gen = 1; }
  }

  /** Sets up column (x, z): marks the box rows inside an ore pocket (a sphere clipped to its cell) with the pocket's ore. */
  column(dominant: number, height: number, x: number, z: number): void {
    this.biome = dominant;
    this.height = height;
    this.snowy = height > 75;
    this.basaltY = BASALT_Y + (hash3(this.oreSeed, x, 0, z) & 3);
    const ore = this.ore, y0 = this.y0, ny = this.ny;
    ore.fill(0, 0, ny);
    const cx = Math.floor(x / ORE_CELL), cz = Math.floor(z / ORE_CELL);
    for (let k = 0; k < this.cny; k++) {
      const cy = this.cy0 + k;
      const c = (cx - this.cx0) + this.cnx * (k + this.cny * (cz - this.cz0));
      if (this.cellSt[c] !== this.gen) { this.cellSt[c] = this.gen; this.cellHash[c] = hash3(this.oreSeed, cx, cy, cz) | 0; }
      const h = this.cellHash[c] >>> 0;
      if (h % 12 !== 0) continue;
      const px = cx * ORE_CELL + 3 + ((h >>> 4) & 1) + ((h >>> 5) & 1);
      const py = cy * ORE_CELL + 3 + ((h >>> 6) & 1) + ((h >>> 7) & 1);
      const pz = cz * ORE_CELL + 3 + ((h >>> 8) & 1) + ((h >>> 9) & 1);
      const r = 1.5 + ((h >>> 10) & 3) * 0.5;
      const oreId = (h >>> 12) % COPPER_ONE_IN === 0 ? COPPER_ORE : IRON_ORE;
      const dx = x - px, dz = z - pz;
      // A pocket stays inside its own 8 m cell (as it already does in x and z, where a column only
      // looks at its own cell): otherwise its top row would depend on where the box starts.
      const top = (cy + 1) * ORE_CELL - 1;
      for (let dy = -3; dy <= 3; dy++) {
        const ly = py + dy - y0;
        if (ly >= 0 && ly < ny && py + dy <= top && dx * dx + dy * dy + dz * dz <= r * r) ore[ly] = oreId;
      }
    }
  }

  /**
   * Material of solid voxel y (box row ly) of the current column. depth = metres below the column's
   * surface height, negative in overhangs and arches (bare rock there, sandstone in the desert).
   */
  at(y: number, ly: number): number {
    const biome = this.biome;
    // Well above the column's height: an arch or overhang, bare rock (sandstone in the desert).
    // Just above it: a bump of the warped surface, which wears the surface material like the rest.
    if (this.height - y < -SURFACE_BUMP) return biome === DESERT_B ? SANDSTONE : ROCK;
    const depth = Math.max(0, this.height - y);
    if (biome === DESERT_B) {
      if (depth < 5) return SAND; // thick enough that dune troughs stay sand, not sandstone patches
      if (depth < 22) return SANDSTONE;
    } else if (biome === ICE_B) {
      if (depth < 1.5) return SNOW;
      if (depth < 8) return ICE_M;
    } else if (biome === MOUNTAINS_B) {
      if (depth < 1.5 && this.snowy) return SNOW;
    } else {
      if (depth < 1) return GRASS;
      if (depth < 4) return SOIL;
    }
    if (y < this.basaltY) return BASALT;
    if (depth > 3 && this.ore[ly] !== 0) return this.ore[ly];
    return ROCK;
  }
}
