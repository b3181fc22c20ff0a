/**
 * Fabricator jobs on the relay (issue 12, item 5): one job at a time per fabricator, a recipe run
 * `count` times. The inputs were spent when the job started (socket/handlers/base.ts); while it
 * runs the fabricator wants power (its grid demand is on), and the job moves on one tick for every
 * grid tick in which the grid actually powered it, so a browned-out or switched-off fabricator
 * pauses rather than working for free. When the last tick is done its demand goes off and the
 * world's base (base-hub.ts) puts the outputs into the owner's inventory.
 *
 * The per-tick pass reads the grid's typed arrays and walks a plain array: no allocation per tick.
 */
import type { PowerGrid } from '../../../src/engine/base/power-grid.ts';
import { craftPlan, RECIPES } from '../../../src/engine/crafting/recipes.ts';
import { jobProgress, jobStep, jobTotalTicks, parseCraftJob, type CraftJob } from '../../../src/engine/crafting/craft-job.ts';
import type { FabricatorJobInfo, FabricatorUpdate, ItemCounts } from '../../../src/protocol/net/base-events.ts';
import { give } from './edit-payments.ts';
import type { InventoryService, Owner } from './inventory-service.ts';

/** Progress events per job: one each tenth, so a long job does not chatter at the tick rate. */
export const PROGRESS_STEPS = 10;

/** A job as it runs: the stored job plus whose it is and where it sits in the grid. */
export interface RunningJob extends CraftJob {
  structureId: string;
  /** The fabricator's grid id. */
  n: number;
  total: number;
  owner: Owner;
  /** The tenth last announced. */
  announced: number;
}

/** A job as `structures.state.job` keeps it: the owner's name is needed to write an inventory row. */
export interface SavedJob extends CraftJob { owner_name: string }

export interface JobEvents {
  /** A job started or moved on a tenth. */
  progress(update: FabricatorUpdate): void;
  /** A job ran its last powered tick; its demand is already off and it is no longer listed. */
  finished(job: RunningJob): void;
}

export const jobInfo = (job: CraftJob): FabricatorJobInfo => ({ recipe_id: job.recipe_id, count: job.count, progress: jobProgress(job) });

/** A saved job, or null when the value is not one this relay can run. */
export function parseSavedJob(raw: unknown): SavedJob | null {
  const job = parseCraftJob(raw);
  const name = (raw as { owner_name?: unknown } | null)?.owner_name;
  return job && typeof name === 'string' ? { ...job, owner_name: name } : null;
}

export class FabricatorJobs {
  private readonly byId = new Map<string, RunningJob>();
  /** The same jobs, for the per-tick pass. */
  private readonly list: RunningJob[] = [];
  /** Fabricators whose job is being paid for (the inventory is written asynchronously). */
  private readonly starting = new Set<string>();

  constructor(private readonly grid: PowerGrid, private readonly events: JobEvents) {}

  get(structureId: string): RunningJob | undefined { return this.byId.get(structureId); }
  busy(structureId: string): boolean { return this.byId.has(structureId) || this.starting.has(structureId); }
  /** Marks a fabricator busy while its inputs are spent, so two requests cannot both start. */
  hold(structureId: string): void { this.starting.add(structureId); }
  release(structureId: string): void { this.starting.delete(structureId); }

  /** Runs a job (a new one, or one loaded from its saved state) and turns the fabricator's demand on. */
  start(structureId: string, n: number, job: CraftJob, owner: Owner): RunningJob {
    this.cancel(structureId);
    const running: RunningJob = { ...job, structureId, n, total: jobTotalTicks(job), owner, announced: jobStep(job, PROGRESS_STEPS) };
    this.byId.set(structureId, running);
    this.list.push(running);
    this.grid.setDemand(n, true);
    this.events.progress({ structure_id: structureId, ...jobInfo(running), done: false });
    return running;
  }

  /** Stops a job without finishing it (its fabricator is going); the caller refunds its inputs. */
  cancel(structureId: string): RunningJob | null {
    const job = this.byId.get(structureId);
    if (!job) return null;
    this.byId.delete(structureId);
    this.list.splice(this.list.indexOf(job), 1);
    this.grid.setDemand(job.n, false);
    return job;
  }

  /** After each grid tick: every job whose fabricator the tick powered moves on one tick. */
  afterTick(): void {
    const st = this.grid.store;
    // Backwards, so a job finishing (and leaving the list) does not skip the next one.
    for (let i = this.list.length - 1; i >= 0; i--) {
      const job = this.list[i];
      const slot = st.slotOf(job.n);
      if (slot >= 0 && st.powered[slot]) job.done_ticks++;
      if (job.done_ticks >= job.total) {
        this.cancel(job.structureId);
        this.events.finished(job);
      }
    }
  }

  /** After a step's ticks: a progress event for each job that moved on a tenth. */
  announce(): void {
    for (let i = 0; i < this.list.length; i++) {
      const job = this.list[i];
      const step = jobStep(job, PROGRESS_STEPS);
      if (step === job.announced) continue;
      job.announced = step;
      this.events.progress({ structure_id: job.structureId, ...jobInfo(job), done: false });
    }
  }

  saved(structureId: string): SavedJob | undefined {
    const j = this.byId.get(structureId);
    return j ? { recipe_id: j.recipe_id, count: j.count, done_ticks: j.done_ticks, owner_name: j.owner.name } : undefined;
  }
}

/** What a job of `count` crafts spends and gives. */
export const jobPlan = (job: Pick<CraftJob, 'recipe_id' | 'count'>) => craftPlan(RECIPES[job.recipe_id], job.count);

/**
 * Puts a finished job's outputs into its owner's inventory: as much as fits, the rest reported as
 * dropped (the owner's inventory_update says what), like a dig's yield. Answers what was dropped.
 */
export function deliverOutputs(inventories: InventoryService, worldId: number, job: RunningJob): Promise<ItemCounts | undefined> {
  const { outputs } = jobPlan(job);
  return inventories.change(job.owner, worldId, (inv) => {
    const g = give(inv, outputs, 'structure');
    return { value: g.value, answer: g.update.dropped, update: { ...g.update, cause: 'fabricated' as const } };
  });
}

/** Adds item counts line by line (a removed fabricator's refund plus its job's inputs). */
export function addCounts(a: ItemCounts, b: ItemCounts): ItemCounts {
  const out: ItemCounts = { ...a };
  for (const [item, n] of Object.entries(b)) out[item] = (out[item] ?? 0) + (n ?? 0);
  return out;
}
