/**
 * Seed 001's admin actions (Admin and above, admin-guard.ts): create a user (not temporary, so never
 * purged), give an account a character, manage a user (change_role, ban, unban, delete,
 * change_password), kick a user's sessions and connections, stop the server. Roles: an Admin manages
 * Players and WorldBuilders; only a Superuser grants or takes Admin and Superuser ("role management").
 */
import { z } from 'zod';
import type { AccountService } from '../accounts/account-service.ts';
import { ROLES, roleAtLeast, isRole, type Role } from '../auth/scopes.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { AccountRow } from '../db/accounts-repo.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { Session } from '../socket/session.ts';
import { admitAdmin, type Admin } from './admin-guard.ts';
import type { Verify } from './auth-guard.ts';
import { body, refuse } from './json-body.ts';
import { sendJson } from './respond.ts';
import type { Route } from './router.ts';

const SessionId = z.string().min(1).max(128).optional();
const Username = z.string().min(1).max(50);
const CreateUserSchema = z.object({ session_id: SessionId, username: Username, password: z.string().min(1).max(256), role: z.enum(ROLES).default('Player') }).strict();
const CreateCharacterSchema = z.object({ session_id: SessionId, username: Username, world_id: z.number().int().positive(), character_name: z.string().trim().min(2).max(50).optional() }).strict();
const ManageSchema = z.object({
  session_id: SessionId, target_username: Username,
  action: z.enum(['change_role', 'ban', 'unban', 'delete', 'change_password']),
  new_role: z.enum(ROLES).optional(), new_password: z.string().min(1).max(256).optional(),
}).strict();
const KickSchema = z.object({ session_id: SessionId, target_username: Username }).strict();
const StopSchema = z.object({ session_id: SessionId }).strict();

export interface AdminUserContext {
  accounts: AccountService;
  repos: { accounts: AccountsRepo; sessions: SessionsRepo };
  tokens: TokenService;
  /** Ends every session and token of an account (mount.ts). */
  endAccess(userId: number): Promise<void>;
  connections(): Iterable<Session>;
  verify: Verify;
  /** Stops the relay cleanly (npm start: saves players, flushes edits, exits). */
  stop(): void;
}

const roleOf = (a: AccountRow): Role => (isRole(a.role) ? a.role : 'Player');

/** Whether `admin` may act on an account of `target` role (and give it `to`). */
function mayManage(admin: Admin, target: Role, to?: Role): boolean {
  if (admin.role === 'Superuser') return true;
  return !roleAtLeast(target, 'Admin') && (to === undefined || !roleAtLeast(to, 'Admin'));
}

export function adminUserRoutes(ctx: AdminUserContext): Route[] {
  /** Ends every way in for an account: its sessions, refresh tokens and live connections. */
  const kick = async (account: AccountRow): Promise<number> => {
    await ctx.endAccess(account.id);
    let n = 0;
    for (const s of ctx.connections()) {
      if (s.user?.dbId !== account.id || s.user.role === 'guest') continue;
      s.socket.disconnect(true);
      n++;
    }
    return n;
  };
  const target = async (res: Parameters<Route['handle']>[0]['res'], username: string): Promise<AccountRow | null> => {
    const a = await ctx.accounts.byUsername(username);
    if (!a || a.password_hash === '!') { refuse(res, 'RESOURCE_NOT_FOUND', `No account ${username}`, true); return null; }
    return a;
  };

  return [
    { method: 'POST', path: '/admin/user/create', write: true, async handle({ req, res }) {
      const p = await body(req, res, CreateUserSchema, true);
      const admin = p && await admitAdmin(ctx.accounts, ctx.verify, req, res, p.session_id);
      if (!p || !admin) return;
      if (!mayManage(admin, 'Player', p.role)) return refuse(res, 'FORBIDDEN', `Only a Superuser may create a ${p.role}`, true);
      const r = await ctx.accounts.register(p.username, p.password, undefined, { role: p.role, temporary: false });
      if (!r.ok) return refuse(res, r.error.code, r.error.message, true);
      sendJson(res, 200, { success: true, message: `User ${p.username} created with role ${p.role}`, user_id: r.value.id, username: r.value.username, role: r.value.role });
    } },
    { method: 'POST', path: '/admin/user/create-character', write: true, async handle({ req, res }) {
      const p = await body(req, res, CreateCharacterSchema, true);
      const admin = p && await admitAdmin(ctx.accounts, ctx.verify, req, res, p.session_id);
      if (!p || !admin) return;
      const account = await target(res, p.username);
      if (!account) return;
      const r = await ctx.accounts.createCharacter(account, p.world_id, p.character_name);
      if (!r.ok) return refuse(res, r.error.code, r.error.message, true);
      sendJson(res, 200, { success: true, message: `Character '${r.value.name}' created for '${account.username}'.`, character_id: r.value.id, character_name: r.value.name, world_id: r.value.world_id });
    } },
    { method: 'POST', path: '/admin/user/manage', write: true, async handle({ req, res }) {
      const p = await body(req, res, ManageSchema, true);
      const admin = p && await admitAdmin(ctx.accounts, ctx.verify, req, res, p.session_id);
      if (!p || !admin) return;
      const account = await target(res, p.target_username);
      if (!account) return;
      if (admin.account?.id === account.id && p.action !== 'change_password') return refuse(res, 'FORBIDDEN', 'Manage another account, not your own', true);
      if (!mayManage(admin, roleOf(account), p.new_role)) return refuse(res, 'FORBIDDEN', 'Only a Superuser manages Admins and Superusers', true);
      switch (p.action) {
        case 'change_role':
          if (!p.new_role) return refuse(res, 'MISSING_PARAMETER', 'new_role: required for change_role', true);
          await ctx.repos.accounts.setRole(account.id, p.new_role);
          // Tokens carry scopes: every token of the old role ends, the new role applies from the next sign-in.
          await ctx.endAccess(account.id);
          break;
        case 'ban': await ctx.repos.accounts.setActive(account.id, false); await kick(account); break;
        case 'unban': await ctx.repos.accounts.setActive(account.id, true); break;
        case 'delete': await kick(account); await ctx.repos.accounts.delete(account.id); break;
        case 'change_password': {
          if (!p.new_password) return refuse(res, 'MISSING_PARAMETER', 'new_password: required for change_password', true);
          const r = await ctx.accounts.setPassword(account.id, p.new_password);
          if (!r.ok) return refuse(res, r.error.code, r.error.message, true);
          await ctx.endAccess(account.id);
          break;
        }
      }
      sendJson(res, 200, { success: true, message: `${p.action} done for ${account.username}` });
    } },
    { method: 'POST', path: '/admin/session/kick', write: true, async handle({ req, res }) {
      const p = await body(req, res, KickSchema, true);
      const admin = p && await admitAdmin(ctx.accounts, ctx.verify, req, res, p.session_id);
      if (!p || !admin) return;
      const account = await target(res, p.target_username);
      if (!account) return;
      if (!mayManage(admin, roleOf(account))) return refuse(res, 'FORBIDDEN', 'Only a Superuser kicks Admins and Superusers', true);
      const connections = await kick(account);
      sendJson(res, 200, { success: true, message: `Kicked ${account.username}`, connections_closed: connections });
    } },
    { method: 'POST', path: '/admin/server/stop', write: true, async handle({ req, res }) {
      const p = await body(req, res, StopSchema, true);
      const admin = p && await admitAdmin(ctx.accounts, ctx.verify, req, res, p.session_id);
      if (!p || !admin) return;
      sendJson(res, 200, { success: true, message: `Stopping the server (asked by ${admin.name})` });
      // After the answer is out: the stop closes every connection, this one included.
      res.once('finish', () => setImmediate(ctx.stop));
    } },
  ];
}
