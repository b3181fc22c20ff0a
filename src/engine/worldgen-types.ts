/** What a world generator offers (worldgen.ts builds the planet, arena-gen.ts the test arena). */
import type { BiomeName } from '../protocol/world.ts';

export interface ColumnInfo { height: number; biome: BiomeName; temperature: number }

export interface Worldgen {
  readonly seed: number;
  /** Surface height, dominant biome and surface temperature of column (x, z). */
  columnInfo(x: number, z: number): ColumnInfo;
  /** Air temperature (°C) at a point: column climate minus the altitude lapse. */
  temperatureAt(x: number, y: number, z: number): number;
  /**
   * Generates the box of voxels [x0, x0+nx) × [y0, y0+ny) × [z0, z0+nz) into
   * density/material at index x + y*nx + z*nx*ny. Returns the highest y that can be solid
   * in the box's columns, so callers can tell whether the whole box is air.
   */
  fillBox(x0: number, y0: number, z0: number, nx: number, ny: number, nz: number, density: Int8Array, material: Uint8Array): number;
  /** Upper bound of solid y over columns [x0, x0+nx) × [z0, z0+nz), memoised per box (used for the air fast path). */
  topBound(x0: number, z0: number, nx: number, nz: number): number;
}
