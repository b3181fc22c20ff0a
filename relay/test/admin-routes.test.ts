/* eslint-disable @typescript-eslint/no-explicit-any -- a test reads whatever JSON the relay answered */
/**
 * Seed 001's admin routes and game actions on a real relay: who may use them (Admin+ by session or
 * token; the printed operator token acts as a Superuser), database views without secrets, user
 * management with its role rules, kicking, /command chat reaching a player in the world, and
 * stopping the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../src/auth/access-tokens.ts';
import { next, player, startRelay } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
let stops = 0;
let operator = '';
const GOOD = 'Quiet-harbor-lantern-47';

beforeAll(async () => {
  relay = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000, authPerMinute: 10_000 }, onStop: () => { stops++; } });
  operator = (await new AccessTokens({ secret: relay.tokens.secret }).issue({ sub: 'operator', username: 'operator', scopes: ['admin'] })).token;
});
afterAll(async () => { await relay.close(); });

const call = async (method: string, path: string, body?: unknown, token?: string) => {
  const res = await fetch(relay.url + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const login = async (username: string, password = GOOD) => (await call('POST', '/login', { username, password })).body.session_id as string;

describe('admin (seed 001)', () => {
  it('lets Admins and the operator in, and keeps Players out', async () => {
    await call('POST', '/register', { username: 'plain_p', password: GOOD, password_confirm: GOOD });
    const plain = await login('plain_p');
    expect((await call('GET', `/admin/database/players?session_id=${plain}`)).status).toBe(403);
    expect((await call('GET', '/admin/database/players')).status).toBe(401);
    const players = await call('GET', '/admin/database/players', undefined, operator);
    expect(players.status).toBe(200);
    expect(players.body.players).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'plain_p', role: 'Player', is_online_account: true, is_online_in_world: false })]));
    const made = await call('POST', '/admin/user/create', { username: 'boss_a', password: GOOD, role: 'Admin' }, operator);
    expect(made).toMatchObject({ status: 200, body: { success: true, role: 'Admin' } });
    const boss = await login('boss_a');
    expect((await call('GET', `/admin/database/sessions?session_id=${boss}`)).body.count).toBeGreaterThanOrEqual(2);
  });

  it('shows tables and rows with every secret redacted, and refuses unknown tables', async () => {
    const tables = await call('GET', '/admin/database/tables', undefined, operator);
    expect(tables.body.tables.map((t: any) => t.name)).toEqual(expect.arrayContaining(['users', 'sessions', 'players', 'refresh_tokens']));
    const users = await call('GET', '/admin/database/table/users?limit=50', undefined, operator);
    expect(users.body.rows.length).toBeGreaterThan(0);
    for (const row of users.body.rows) expect(['[redacted]']).toContain(row.password_hash);
    const sessions = await call('GET', '/admin/database/table/sessions', undefined, operator);
    for (const row of sessions.body.rows) expect(row.session_token).toBe('[redacted]');
    const bad = await call('GET', '/admin/database/table/users;drop table users', undefined, operator);
    expect(bad.status).toBe(404);
    expect(bad.body).toMatchObject({ error: 'RESOURCE_NOT_FOUND', detail: expect.any(String) });
  });

  it('manages users within the role rules: ban, unban, role changes, kick, delete', async () => {
    const boss = await login('boss_a');
    expect((await call('POST', '/admin/user/create', { session_id: boss, username: 'victim_v', password: GOOD })).status).toBe(200);
    expect((await call('POST', '/admin/user/create', { session_id: boss, username: 'rival_r', password: GOOD, role: 'Admin' })).status).toBe(403);
    const victim = await login('victim_v');
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'change_role', new_role: 'Admin' })).status).toBe(403);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'change_role', new_role: 'WorldBuilder' })).status).toBe(200);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'change_password', new_password: 'short' })).status).toBe(400);
    const victimToken = (await call('POST', '/auth/login', { username: 'victim_v', password: GOOD })).body.token as string;
    expect((await call('GET', '/webhooks', undefined, victimToken)).status).toBe(200);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'ban' })).status).toBe(200);
    // A ban ends the access token at once, not when it expires.
    expect((await call('GET', '/webhooks', undefined, victimToken)).body).toMatchObject({ error: 'INVALID_TOKEN' });
    expect((await call('GET', `/characters?session_id=${victim}`)).status).toBe(401);
    expect((await call('POST', '/login', { username: 'victim_v', password: GOOD })).status).toBe(403);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'unban' })).status).toBe(200);
    expect((await call('POST', '/login', { username: 'victim_v', password: GOOD })).status).toBe(200);
    expect((await call('POST', '/admin/session/kick', { session_id: boss, target_username: 'victim_v' })).body).toMatchObject({ success: true });
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'boss_a', action: 'delete' })).status).toBe(403);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'delete' })).status).toBe(200);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'victim_v', action: 'ban' })).status).toBe(404);
    expect((await call('POST', '/admin/user/manage', { session_id: boss, target_username: 'x', action: 'explode' })).status).toBe(400);
  });

  it('runs /command for a selected character: /say reaches players in the world, /who lists them, chat and status read back', async () => {
    await call('POST', '/register', { username: 'talker_t', password: GOOD, password_confirm: GOOD });
    const sid = await login('talker_t');
    expect((await call('POST', '/command', { session_id: sid, command: '/who' })).status).toBe(409);
    const world = (await relay.hub.defaultWorld()).world_id;
    const made = await call('POST', '/characters/create', { session_id: sid, world_id: world });
    await call('POST', '/characters/select', { session_id: sid, character_id: made.body.character_id });
    const listener = await player(relay.url, 'Listener', world);
    const heard = next(listener.socket, 'chat_message');
    const said = await call('POST', '/command', { session_id: sid, command: '/say hello from the terminal' });
    expect(said.body).toMatchObject({ success: true, chat: { text: 'hello from the terminal', name: made.body.character_name } });
    expect(await heard).toMatchObject({ text: 'hello from the terminal', name: made.body.character_name });
    expect((await call('POST', '/command', { session_id: sid, command: '/who' })).body.players).toEqual(['Listener']);
    expect((await call('POST', '/command', { session_id: sid, command: '/dance' })).status).toBe(400);
    const chat = await call('GET', `/chat/${sid}`);
    expect(chat.body.messages.at(-1)).toMatchObject({ text: 'hello from the terminal' });
    const status = await call('GET', `/status/${sid}`);
    expect(status.body).toMatchObject({ success: true, character_name: made.body.character_name, world_id: world, online: false, position: null });
    expect((await call('GET', '/status/not-a-session')).status).toBe(401);
    listener.socket.disconnect();
  });

  it('stops the server when an admin asks', async () => {
    const r = await call('POST', '/admin/server/stop', {}, operator);
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    await expect.poll(() => stops).toBe(1);
  });
});
