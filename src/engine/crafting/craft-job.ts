/**
 * One fabricator job as plain data: which recipe, how many crafts, and how many powered ticks it
 * has run. It is what the relay stores in `structures.state.job` (so a restart keeps a job) and
 * what progress is computed from. Integer ticks only: the same job reports the same progress
 * wherever it is read.
 */
import { z } from 'zod';
import { isRecipeId, MAX_CRAFT_COUNT, RECIPES, type RecipeId } from './recipes.ts';

export interface CraftJob {
  recipe_id: RecipeId;
  count: number;
  /** Powered ticks run so far (0 .. total). */
  done_ticks: number;
}

export const CraftJobSchema = z.object({
  recipe_id: z.string().refine(isRecipeId, 'unknown recipe'),
  count: z.number().int().min(1).max(MAX_CRAFT_COUNT),
  done_ticks: z.number().int().min(0),
});

/** Powered ticks the whole job needs. */
export const jobTotalTicks = (job: Pick<CraftJob, 'recipe_id' | 'count'>): number => RECIPES[job.recipe_id].ticks * job.count;

/** 0..1, for reports. */
export const jobProgress = (job: CraftJob): number => Math.min(1, job.done_ticks / jobTotalTicks(job));

/** Which of `steps` equal parts the job is in (steps at the end): progress events go out when it moves. */
export const jobStep = (job: CraftJob, steps: number): number => Math.floor((Math.min(job.done_ticks, jobTotalTicks(job)) * steps) / jobTotalTicks(job));

/**
 * A stored job, or null when it does not parse (a recipe since removed, a hand-edited row): the
 * caller drops it. done_ticks is clamped to the total, so a job saved finished completes at once.
 */
export function parseCraftJob(raw: unknown): CraftJob | null {
  const r = CraftJobSchema.safeParse(raw);
  if (!r.success) return null;
  const job = { recipe_id: r.data.recipe_id as RecipeId, count: r.data.count, done_ticks: r.data.done_ticks };
  return { ...job, done_ticks: Math.min(job.done_ticks, jobTotalTicks(job)) };
}
