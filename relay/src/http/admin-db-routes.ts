/**
 * Seed 001's admin database views (Admin and above, admin-guard.ts): players, connections,
 * player-locations, tables, one table's rows, sessions, chat-messages. Secrets never leave: password
 * hashes, session and token hashes and webhook secrets are shown as "[redacted]", chunk bytes as
 * their length.
 */
import { sql, type Kysely } from 'kysely';
import type { AccountService } from '../accounts/account-service.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { CharactersRepo } from '../db/characters-repo.ts';
import type { Database } from '../db/schema.ts';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { Session } from '../socket/session.ts';
import { admitAdmin } from './admin-guard.ts';
import type { Verify } from './auth-guard.ts';
import { refuse } from './json-body.ts';
import { sendJson } from './respond.ts';
import type { Route, RouteRequest } from './router.ts';

const SECRET_COLUMNS = new Set(['password_hash', 'session_token', 'hash', 'secret', 'api_tokens']);
const MAX_ROWS = 500;

export interface AdminDbContext {
  accounts: AccountService;
  repos: { accounts: AccountsRepo; sessions: SessionsRepo; characters: CharactersRepo };
  db: Kysely<Database>;
  /** The live socket connections. */
  connections(): Iterable<Session>;
  verify: Verify;
  now?: () => Date;
}

function redact(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = SECRET_COLUMNS.has(k) && v !== null ? '[redacted]' : v instanceof Uint8Array ? { bytes: v.byteLength } : v;
  }
  return out;
}

const limitOf = (url: URL) => Math.min(MAX_ROWS, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
const offsetOf = (url: URL) => Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);

export function adminDbRoutes(ctx: AdminDbContext): Route[] {
  const now = ctx.now ?? (() => new Date());
  const guarded = (run: (r: RouteRequest) => Promise<void>) => async (r: RouteRequest) => {
    if (await admitAdmin(ctx.accounts, ctx.verify, r.req, r.res, r.url.searchParams.get('session_id') ?? undefined)) await run(r);
  };
  const inWorld = () => new Set([...ctx.connections()].filter((s) => s.room && s.user).map((s) => s.user!.dbId));

  return [
    { method: 'GET', path: '/admin/database/players', handle: guarded(async ({ res }) => {
      const online = new Set((await ctx.repos.sessions.live(now())).map((s) => s.user_id));
      const playing = inWorld();
      const players = (await ctx.repos.accounts.list()).map((a) => ({
        id: a.id, username: a.username, role: a.role, is_temporary: a.is_temporary, is_banned: !a.active,
        created_at: a.created_at, last_login: a.last_login, is_online_account: online.has(a.id), is_online_in_world: playing.has(a.id),
      }));
      sendJson(res, 200, { players, count: players.length });
    }) },
    { method: 'GET', path: '/admin/database/connections', handle: guarded(async ({ res }) => {
      const connections = [...ctx.connections()].map((s) => ({
        socket_id: s.socket.id, ip: s.ip, user_id: s.user?.id ?? null, name: s.user?.name ?? null, role: s.user?.role ?? null,
        world_id: s.room?.worldId ?? null, peer_id: s.room ? s.peerId : null, mode: s.mode,
      }));
      sendJson(res, 200, { connections, count: connections.length });
    }) },
    { method: 'GET', path: '/admin/database/player-locations', handle: guarded(async ({ res }) => {
      const locations = await ctx.repos.characters.locations();
      sendJson(res, 200, { locations, count: locations.length });
    }) },
    { method: 'GET', path: '/admin/database/tables', handle: guarded(async ({ res }) => {
      const tables = [];
      for (const t of await ctx.db.introspection.getTables()) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(ctx.db);
        tables.push({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.dataType, nullable: c.isNullable })), row_count: Number(rows[0]?.n ?? 0) });
      }
      sendJson(res, 200, { tables });
    }) },
    { method: 'GET', path: '/admin/database/table/:table_name', handle: guarded(async ({ res, params, url }) => {
      // Only a name the database itself lists reaches SQL (as an identifier, never as text).
      const known = (await ctx.db.introspection.getTables()).map((t) => t.name);
      if (!known.includes(params.table_name)) return refuse(res, 'RESOURCE_NOT_FOUND', `No table ${params.table_name}; tables: ${known.join(', ')}`, true);
      const limit = limitOf(url), offset = offsetOf(url);
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(params.table_name)} limit ${limit} offset ${offset}`.execute(ctx.db);
      sendJson(res, 200, { table: params.table_name, rows: rows.map(redact), limit, offset });
    }) },
    { method: 'GET', path: '/admin/database/sessions', handle: guarded(async ({ res }) => {
      const sessions = await ctx.repos.sessions.live(now());
      sendJson(res, 200, { sessions, count: sessions.length });
    }) },
    { method: 'GET', path: '/admin/database/chat-messages', handle: guarded(async ({ res, url }) => {
      let q = ctx.db.selectFrom('chat_messages').selectAll().orderBy('id', 'desc').limit(limitOf(url)).offset(offsetOf(url));
      const world = Number(url.searchParams.get('world_id'));
      if (Number.isInteger(world) && world > 0) q = q.where('world_id', '=', world);
      const messages = await q.execute();
      sendJson(res, 200, { messages, count: messages.length });
    }) },
  ];
}
