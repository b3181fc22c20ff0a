/**
 * What the fabricator panel shows, as plain functions of the base store's values: which of the
 * player's fabricators is within reach, each recipe's inputs against what is held, and a running
 * job's power status in words.
 */
import type { Vec3 } from '../protocol/vec3.ts';
import type { StructureInfo, StructureState } from '../protocol/net/base-events.ts';
import type { FabricatorJobView } from '../net/base-replica.ts';
import type { Recipe } from '../engine/crafting/recipes.ts';
import type { Inventory } from '../engine/inventory/inventory-schema.ts';
import { countItem } from '../engine/inventory/inventory.ts';
import type { ItemId } from '../engine/items.ts';

/** How near (m, in 3D from its anchor) a fabricator must be for the panel to show it. */
export const FABRICATOR_REACH_M = 8;

/** The nearest fabricator owned by `ownerId` within `reach` of `at` (ties: lower id), or null. */
export function nearestOwnedFabricator(structures: Iterable<StructureInfo>, ownerId: string | null | undefined, at: Vec3, reach = FABRICATOR_REACH_M): StructureInfo | null {
  if (!ownerId) return null;
  let best: StructureInfo | null = null;
  let bestD = reach * reach;
  for (const s of structures) {
    if (s.structure_type !== 'fabricator' || s.owner_id !== ownerId || s.health <= 0) continue;
    const d = (s.position.x - at.x) ** 2 + (s.position.y - at.y) ** 2 + (s.position.z - at.z) ** 2;
    if (d > bestD) continue;
    if (d < bestD || !best || idNumber(s.structure_id) < idNumber(best.structure_id)) { best = s; bestD = d; }
  }
  return best;
}

const idNumber = (id: string): number => Number(id.replace(/^structure_/, ''));

export interface InputLine { item: ItemId; need: number; have: number }

/** One craft's inputs against what the inventory holds (nothing held without an inventory). */
export function inputLines(recipe: Recipe, inv: Inventory | null): InputLine[] {
  return (Object.entries(recipe.inputs) as Array<[ItemId, number]>).map(([item, need]) => ({ item, need, have: inv ? countItem(inv, item) : 0 }));
}

export const affordable = (lines: readonly InputLine[]): boolean => lines.every((l) => l.have >= l.need);

/** A job still running (a finished one stays in the store, marked done, until the next starts). */
export const jobRunning = (job: FabricatorJobView | undefined): job is FabricatorJobView => !!job && !job.done;

/** The fabricator's power status in words, for the panel's header line. */
export function powerStatus(state: StructureState | undefined, job: FabricatorJobView | undefined): { text: string; tone: 'ok' | 'warn' | 'dim' } {
  if (state && !state.enabled) return { text: 'switched off', tone: 'warn' };
  if (!jobRunning(job)) return { text: 'idle', tone: 'dim' };
  if (state?.status === 'active' && state.powered) return { text: `working · ${state.output} W`, tone: 'ok' };
  return { text: 'waiting for power', tone: 'warn' };
}
