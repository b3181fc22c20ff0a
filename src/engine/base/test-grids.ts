/**
 * Small helpers the base tests share: a grid built from a compact list, and readers for one
 * structure's or one network's results by structure id.
 */
import { PowerGrid } from './power-grid.ts';
import type { StructureTypeId } from './structure-types.ts';
import type { StructureInput } from './structure-store.ts';
import { networkReport, structurePower } from './power-report.ts';
import { Q16 } from './fixed-trig.ts';

/** Full sun, no sun; full wind, no wind. */
export const NOON = Q16;
export const NIGHT = 0;
export const CALM = 0;

/** [id, type, x, z] on flat ground (y = 0), optionally with more fields. */
export type Row = [number, StructureTypeId, number, number, Partial<StructureInput>?];

export function gridOf(rows: Row[]): PowerGrid {
  const grid = new PowerGrid(4); // small, so tests also exercise growing
  for (const [id, type, x, z, more] of rows) grid.add({ id, type, x, y: 0, z, ...more });
  return grid;
}

export const power = (grid: PowerGrid, id: number) => structurePower(grid, id)!;
export const netOf = (grid: PowerGrid, id: number) => networkReport(grid, grid.networkOf(id));

export function run(grid: PowerGrid, ticks: number, solar = NOON, wind = CALM): void {
  for (let i = 0; i < ticks; i++) grid.tick(solar, wind);
}
