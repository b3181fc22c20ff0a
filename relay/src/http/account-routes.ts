/**
 * Seed 001's account routes, same paths and fields: register, register-guest, login, logout,
 * change-password, characters (list, create, select). The account session is the seed's opaque
 * session_id (in the body of a POST, the query of a GET). Refusals: seed 000's error body plus
 * seed 001's `detail`.
 */
import { z } from 'zod';
import type { Result } from '../../../src/protocol/errors.ts';
import type { AccountService } from '../accounts/account-service.ts';
import type { AccountRow } from '../db/accounts-repo.ts';
import { clientIp } from './door.ts';
import { body, refuse } from './json-body.ts';
import { sendJson } from './respond.ts';
import type { Route } from './router.ts';

const Password = z.string().min(1).max(256);
const SessionId = z.string().min(1).max(128);
const WorldId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);
const CharacterName = z.string().trim().min(2).max(50);

const RegisterSchema = z.object({ username: z.string().min(1).max(50), password: Password, password_confirm: Password.optional() }).strict();
const GuestSchema = z.object({ password: Password, password_confirm: Password.optional(), character_name: CharacterName.optional() }).strict();
const LoginSchema = z.object({ username: z.string().min(1).max(50), password: Password }).strict();
const SessionSchema = z.object({ session_id: SessionId }).strict();
const ChangePasswordSchema = z.object({ session_id: SessionId, old_password: Password, new_password: Password, new_password_confirm: Password.optional() }).strict();
const CreateCharacterSchema = z.object({ session_id: SessionId, world_id: WorldId, character_name: CharacterName.optional() }).strict();
const SelectCharacterSchema = z.object({ session_id: SessionId, character_id: z.number().int().positive() }).strict();

/** `endAccess` ends an account's other sessions and every token it holds (after a password change). */
export function accountRoutes(accounts: AccountService, endAccess: (userId: number, keep?: string) => Promise<void>): Route[] {
  /** Sends the refusal of a failed Result (true), or nothing (false). */
  function refused<T>(res: Parameters<Route['handle']>[0]['res'], r: Result<T>): r is Extract<Result<T>, { ok: false }> {
    if (r.ok) return false;
    refuse(res, r.error.code, r.error.message, true);
    return true;
  }
  const characterList = async (account: AccountRow, selected: number | null) => {
    const worlds = new Map((await accounts.availableWorlds(account)).map((w) => [w.world_id, w.world_name]));
    return (await accounts.characters(account)).map((c) => ({
      id: c.id, name: c.name, world_id: c.world_id, world_name: worlds.get(c.world_id) ?? null, created_at: c.created_at, selected: c.id === selected,
    }));
  };

  return [
    { method: 'POST', path: '/register', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, RegisterSchema, true);
      if (!p) return;
      const r = await accounts.register(p.username, p.password, p.password_confirm);
      if (refused(res, r)) return;
      sendJson(res, 200, { success: true, message: `Temporary account created successfully! You can now login as ${p.username}. Character creation is a separate step.` });
    } },
    { method: 'POST', path: '/register-guest', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, GuestSchema, true);
      if (!p) return;
      const r = await accounts.registerGuest(p.password, p.password_confirm, p.character_name);
      if (refused(res, r)) return;
      const { account, character } = r.value;
      sendJson(res, 200, {
        success: true, message: `Temporary guest account created successfully! You can now login as ${account.username}.`,
        username: account.username, character_id: character.id, character_name: character.name, world_id: character.world_id,
        entity_state: await accounts.entityState(character), entity_state_error: null,
      });
    } },
    { method: 'POST', path: '/login', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, LoginSchema, true);
      if (!p) return;
      const r = await accounts.login(p.username, p.password, clientIp(req), req.headers['user-agent'] ?? null);
      if (refused(res, r)) return;
      sendJson(res, 200, {
        success: true, message: `Welcome, ${r.value.account.username}!`, session_id: r.value.sessionId,
        username: r.value.account.username, role: r.value.account.role, available_worlds: r.value.worlds,
        characters: await characterList(r.value.account, null),
      });
    } },
    { method: 'POST', path: '/logout', write: true, async handle({ req, res }) {
      const p = await body(req, res, SessionSchema, true);
      if (!p) return;
      if (!(await accounts.logout(p.session_id))) return refuse(res, 'INVALID_TOKEN', 'Invalid or expired session', true);
      sendJson(res, 200, { success: true, message: 'Logged out' });
    } },
    { method: 'POST', path: '/change-password', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, ChangePasswordSchema, true);
      if (!p) return;
      const r = await accounts.changePassword(p.session_id, p.old_password, p.new_password, p.new_password_confirm);
      if (refused(res, r)) return;
      // Whoever else knew the old password is out: other sessions, refresh tokens and access tokens end.
      await endAccess(r.value.id, p.session_id);
      sendJson(res, 200, { success: true, message: 'Password changed successfully' });
    } },
    { method: 'GET', path: '/characters', async handle({ res, url }) {
      const s = await accounts.session(url.searchParams.get('session_id') ?? undefined);
      if (refused(res, s)) return;
      sendJson(res, 200, { success: true, characters: await characterList(s.value.account, s.value.session.character_id) });
    } },
    { method: 'POST', path: '/characters/create', write: true, async handle({ req, res }) {
      const p = await body(req, res, CreateCharacterSchema, true);
      if (!p) return;
      const s = await accounts.session(p.session_id);
      if (refused(res, s)) return;
      const r = await accounts.createCharacter(s.value.account, p.world_id, p.character_name);
      if (refused(res, r)) return;
      const world = (await accounts.availableWorlds(s.value.account)).find((w) => w.world_id === r.value.world_id);
      sendJson(res, 200, {
        success: true, message: `Character '${r.value.name}' created for '${s.value.account.username}'.`,
        character_id: r.value.id, character_name: r.value.name, world_id: r.value.world_id, seed: world?.seed ?? null,
        entity_state: await accounts.entityState(r.value), entity_state_error: null,
      });
    } },
    { method: 'POST', path: '/characters/select', write: true, async handle({ req, res }) {
      const p = await body(req, res, SelectCharacterSchema, true);
      if (!p) return;
      const s = await accounts.session(p.session_id);
      if (refused(res, s)) return;
      const r = await accounts.selectCharacter(p.session_id, s.value.account, p.character_id);
      if (refused(res, r)) return;
      sendJson(res, 200, { success: true, message: `Selected ${r.value.name}`, character_id: r.value.id, character_name: r.value.name, world_id: r.value.world_id });
    } },
  ];
}
