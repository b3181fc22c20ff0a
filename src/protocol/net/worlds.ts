/** Seed 000's `worlds`: what a shared world is, as the relay lists, creates and joins them. */
import { z } from 'zod';
import { WORLD_KINDS } from '../terrain.ts';

/** A world's id: seed 000's `worlds.id` (a positive integer); share links carry it as `?world=<id>`. */
export const WorldIdSchema = z.number().int().positive().max(2 ** 31 - 1);

export const CreateWorldSchema = z.object({
  world_name: z.string().trim().min(1, 'world_name is empty').max(100, 'world_name is longer than 100 characters'),
  seed: z.number().int().min(0).max(0xffffffff),
  kind: z.enum(WORLD_KINDS).default('planet'),
}).strict();
export type CreateWorld = z.output<typeof CreateWorldSchema>;

/** GET /worlds/:id and each entry of GET /worlds. */
export interface WorldSummary {
  world_id: number;
  world_name: string;
  seed: number;
  kind: (typeof WORLD_KINDS)[number];
  /** The last acknowledged edit's sequence number (0: never edited). */
  edit_seq: number;
  players_online: number;
  created_at: string;
  last_played: string | null;
}

/** The world a page joins when it names none, created on the relay's first start. */
export const DEFAULT_WORLD = { world_name: 'Default world', seed: 1337, kind: 'planet' } as const;
