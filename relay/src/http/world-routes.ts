/**
 * GET /worlds, POST /worlds and GET /worlds/:id: the shared worlds a page can list, create and join
 * by id (share links carry `?world=<id>`). Bodies are checked with the protocol's zod schema and
 * refused in seed 000's error format with the failing field named.
 */
import { CreateWorldSchema, WorldIdSchema, type WorldSummary } from '../../../src/protocol/net/worlds.ts';
import type { HubPort, WorldRow } from '../socket/hub-port.ts';
import type { Route } from './router.ts';
import { body } from './json-body.ts';
import { sendError, sendJson } from './respond.ts';

export interface WorldRoutesContext {
  hub: HubPort;
  maxBodyBytes: number;
  playersOnline(worldId: number): number;
}

export function worldSummary(row: WorldRow, playersOnline: number): WorldSummary {
  return {
    world_id: row.world_id, world_name: row.world_name, seed: row.seed, kind: row.kind,
    edit_seq: row.edit_seq, players_online: playersOnline, created_at: row.created_at, last_played: row.last_played,
  };
}

export function worldRoutes(ctx: WorldRoutesContext): Route[] {
  const summary = (row: WorldRow) => worldSummary(row, ctx.playersOnline(row.world_id));
  return [
    { method: 'GET', path: '/worlds', async handle({ res }) {
      const worlds = (await ctx.hub.list()).map(summary);
      sendJson(res, 200, { worlds, count: worlds.length });
    } },
    { method: 'POST', path: '/worlds', write: true, async handle({ req, res }) {
      const world = await body(req, res, CreateWorldSchema, false, ctx.maxBodyBytes);
      if (world) sendJson(res, 201, summary(await ctx.hub.create(world)));
    } },
    { method: 'GET', path: '/worlds/:id', async handle({ res, params }) {
      const id = WorldIdSchema.safeParse(Number(params.id));
      if (!/^\d+$/.test(params.id) || !id.success) return sendError(res, 'INVALID_PARAMETER', `world id must be a positive integer, got "${params.id}"`);
      const row = await ctx.hub.get(id.data);
      if (!row) return sendError(res, 'RESOURCE_NOT_FOUND', `no world ${id.data}`);
      sendJson(res, 200, summary(row));
    } },
  ];
}
