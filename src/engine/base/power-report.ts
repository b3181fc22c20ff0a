/**
 * The grid's results in seed 000's shapes (GET /power/status, GET /base/info's power fields), built
 * on request, never per tick. Power in W, battery charge and capacity in Wh (two decimals).
 * Structure ids are the caller's numbers; `name` turns them into the API's strings.
 */
import type { NetworkReport } from '../../protocol/net/base-events.ts';
import type { PowerGrid } from './power-grid.ts';
import { mjToWh } from './power-units.ts';
import { STRUCTURE_STATUSES, type StructureStatus } from './structure-store.ts';
import { STRUCTURE_TYPE_IDS, type StructureTypeId } from './structure-types.ts';
import { TYPE_CAPACITY_MJ } from './type-tables.ts';

export const structureName = (id: number): string => `structure_${id}`;

export interface StructurePower {
  structure_id: string;
  type: StructureTypeId;
  status: StructureStatus;
  powered: boolean;
  /** W made (generator), drawn (consumer) or delivered (battery; negative while charging). */
  output: number;
}

/** Seed 000's GET /power/status shape, as the relay link carries it (protocol/net/base-events.ts). */
export type { NetworkReport };
type MemberRow = Omit<NetworkReport['generators'][number], 'output'>;

/** One structure's power state, or null when the grid does not hold it. */
export function structurePower(grid: PowerGrid, id: number, name = structureName): StructurePower | null {
  grid.ensureTopology();
  const st = grid.store, s = st.slotOf(id);
  if (s < 0) return null;
  return {
    structure_id: name(id), type: STRUCTURE_TYPE_IDS[st.type[s]], status: STRUCTURE_STATUSES[st.status[s]],
    powered: st.powered[s] === 1, output: st.outputW[s],
  };
}

/** The network (by number) as GET /power/status answers it. */
export function networkReport(grid: PowerGrid, n: number, name = structureName): NetworkReport {
  grid.ensureTopology();
  const { store: st, topology: topo, networks: f } = grid;
  const row = (s: number): MemberRow => ({
    structure_id: name(st.id[s]), type: STRUCTURE_TYPE_IDS[st.type[s]], status: STRUCTURE_STATUSES[st.status[s]],
  });
  const members = (l: typeof topo.generators) => Array.from(l.list.subarray(l.offset[n], l.offset[n + 1]));
  return {
    base_id: topo.baseIds[n],
    total_generation: f.generationW[n],
    total_consumption: f.consumptionW[n],
    total_demand: f.demandW[n],
    battery_charge: mjToWh(f.chargeMj[n]),
    battery_capacity: mjToWh(f.capacityMj[n]),
    grid_healthy: f.healthy[n] === 1,
    generators: members(topo.generators).map((s) => ({ ...row(s), output: st.outputW[s] })),
    consumers: members(topo.consumers).map((s) => ({ ...row(s), consumption: st.outputW[s] })),
    batteries: members(topo.batteries).map((s) => ({
      ...row(s), output: st.outputW[s], charge: mjToWh(st.chargeMj[s]), capacity: mjToWh(TYPE_CAPACITY_MJ[st.type[s]]),
    })),
  };
}

/** The number of the network whose base_id is given, or -1. */
export function networkByBaseId(grid: PowerGrid, baseId: string): number {
  grid.ensureTopology();
  return grid.topology.baseIds.indexOf(baseId);
}
