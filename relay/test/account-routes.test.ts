/* eslint-disable @typescript-eslint/no-explicit-any -- a test reads whatever JSON the relay answered */
/**
 * Seed 001's account routes and seed 000's /auth/* over HTTP on a real relay: the documented fields,
 * refusals in seed 000's format with seed 001's `detail`, token rotation and reuse, revocation, the
 * sign-in budget, and a socket signed in with a login's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorldAccessRepo } from '../src/db/world-access-repo.ts';
import { ask, client, guest, next, player, startRelay } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;
const GOOD = 'Quiet-harbor-lantern-47';

beforeAll(async () => { relay = await startRelay({ httpLimits: { perMinute: 10_000, writesPerMinute: 10_000, authPerMinute: 10_000 } }); });
afterAll(async () => { await relay.close(); });

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(relay.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(relay.url + path, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('accounts over HTTP (seed 001)', () => {
  it('walks register → login → create and select a character → change password → logout', async () => {
    const weak = await post('/register', { username: 'ana_r', password: 'short', password_confirm: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: 'INVALID_PARAMETER', status_code: 400, detail: 'Password must be at least 12 characters long (currently 5)' });
    expect(weak.body.message).toBe(weak.body.detail);

    const reg = await post('/register', { username: 'ana_r', password: GOOD, password_confirm: GOOD });
    expect(reg).toMatchObject({ status: 200, body: { success: true, message: expect.stringContaining('ana_r') } });
    expect((await post('/register', { username: 'ana_r', password: GOOD, password_confirm: GOOD })).status).toBe(409);

    const login = await post('/login', { username: 'ana_r', password: GOOD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ success: true, session_id: expect.any(String), role: 'Player', characters: [] });
    expect(login.body.available_worlds[0]).toMatchObject({ can_access: true, can_create: true, access_mode: 'open', naming_mode: 'generated', slot_limit_per_account: 1, current_character_count: 0, is_locked: false });
    const session_id = login.body.session_id as string;
    const world_id = login.body.available_worlds[0].world_id as number;

    const made = await post('/characters/create', { session_id, world_id });
    expect(made.body).toMatchObject({ success: true, character_id: expect.any(Number), character_name: expect.stringMatching(/^\w+ \w+$/), world_id, seed: expect.any(Number), entity_state_error: null });
    expect((await post('/characters/create', { session_id, world_id })).status).toBe(409);
    const listed = await get(`/characters?session_id=${session_id}`);
    expect(listed.body.characters).toEqual([expect.objectContaining({ id: made.body.character_id, selected: false })]);
    expect((await post('/characters/select', { session_id, character_id: made.body.character_id })).body).toMatchObject({ success: true, character_id: made.body.character_id });
    expect((await get(`/characters?session_id=${session_id}`)).body.characters[0].selected).toBe(true);
    expect((await post('/characters/select', { session_id, character_id: 999_999 })).status).toBe(404);

    const other = (await post('/login', { username: 'ana_r', password: GOOD })).body.session_id as string;
    const stolen = (await post('/auth/login', { username: 'ana_r', password: GOOD })).body as { token: string; refresh_token: string };
    const changed = await post('/change-password', { session_id, old_password: GOOD, new_password: 'Another-river-stone-82' });
    expect(changed).toMatchObject({ status: 200, body: { success: true } });
    // Whoever knew the old password is out: the other session, the refresh token and the access token end; this session goes on.
    expect((await get(`/characters?session_id=${other}`)).status).toBe(401);
    expect((await post('/auth/refresh', { refresh_token: stolen.refresh_token })).status).toBe(401);
    expect((await get('/webhooks', { authorization: `Bearer ${stolen.token}` })).status).toBe(401);
    expect((await get(`/characters?session_id=${session_id}`)).status).toBe(200);
    expect((await post('/login', { username: 'ana_r', password: GOOD })).status).toBe(401);
    expect((await post('/logout', { session_id })).body).toMatchObject({ success: true });
    const gone = await get(`/characters?session_id=${session_id}`);
    expect(gone.status).toBe(401);
    expect(gone.body).toMatchObject({ error: 'INVALID_TOKEN', detail: expect.any(String) });
  });

  it('registers a guest with a generated username and a character', async () => {
    const r = await post('/register-guest', { password: GOOD, password_confirm: GOOD, character_name: 'Guest Wanderer' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ success: true, username: expect.stringMatching(/^guest_\d{5}$/), character_id: expect.any(Number), character_name: 'Guest Wanderer', world_id: expect.any(Number), entity_state: expect.objectContaining({ seed: expect.any(Number) }), entity_state_error: null });
  });

  it('refuses bad input in the seed format and changes nothing', async () => {
    for (const [path, body] of [['/register', '{nope'], ['/register', { username: 'x' }], ['/login', { username: 5, password: 'x' }], ['/characters/create', { session_id: 'x', world_id: 'abc' }], ['/register', { username: 'zed_q', password: GOOD, extra: 1 }]] as const) {
      const r = await post(path, body);
      expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body).toMatchObject({ error: expect.stringMatching(/PARAMETER/), status_code: 400, detail: expect.any(String), request_id: expect.stringMatching(/^req_/) });
    }
    expect((await post('/login', { username: 'zed_q', password: GOOD })).status).toBe(401);
  });
});

describe('tokens over HTTP (seed 000 /auth)', () => {
  it('logs in, refreshes, detects reuse of a rotated token, and revokes', async () => {
    await post('/register', { username: 'tok_user', password: GOOD, password_confirm: GOOD });
    expect((await post('/auth/login', { username: 'tok_user', password: 'wrong-password-z9' })).status).toBe(401);
    const login = await post('/auth/login', { username: 'tok_user', password: GOOD });
    expect(login.body).toMatchObject({ token: expect.stringMatching(/^ey/), expires_at: expect.any(String), refresh_token: expect.any(String) });
    const claims = JSON.parse(Buffer.from(login.body.token.split('.')[1], 'base64url').toString());
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'scopes', 'sub', 'username']);
    expect(claims).toMatchObject({ username: 'tok_user', scopes: ['read', 'write'], sub: expect.stringMatching(/^user_\d+$/) });

    const next = await post('/api/v2/auth/refresh', { refresh_token: login.body.refresh_token });
    expect(next.status).toBe(200);
    const reuse = await post('/auth/refresh', { refresh_token: login.body.refresh_token });
    expect(reuse.status).toBe(401);
    // The whole family is gone: the newest refresh token stops working too.
    expect((await post('/auth/refresh', { refresh_token: next.body.refresh_token })).status).toBe(401);

    const again = await post('/auth/login', { username: 'tok_user', password: GOOD });
    const auth = { authorization: `Bearer ${again.body.token}` };
    expect((await get('/webhooks', auth)).status).toBe(200);
    expect(await post('/auth/revoke', { token: again.body.token })).toMatchObject({ status: 200, body: { status: 'success', message: 'Token revoked' } });
    expect((await get('/webhooks', auth)).body).toMatchObject({ error: 'INVALID_TOKEN' });
    expect((await post('/auth/revoke', { token: again.body.refresh_token })).status).toBe(200);
    expect((await post('/auth/refresh', { refresh_token: again.body.refresh_token })).status).toBe(401);
  });

  it('signs a socket in with a login token, and refuses a bad one', async () => {
    await post('/register', { username: 'sock_user', password: GOOD, password_confirm: GOOD });
    const { token } = (await post('/auth/login', { username: 'sock_user', password: GOOD })).body;
    const socket = await client(relay.url);
    const ok = await ask<{ user: { id: string; role: string } }>(socket, 'authenticate', { ...guest('Sock'), token });
    expect(ok).toMatchObject({ ok: true, value: { user: { id: expect.stringMatching(/^user_\d+$/), role: 'player' } } });
    // Joining a world plays its character there, made with a generated name on the first visit.
    const watcher = await player(relay.url, 'Watcher');
    const seen = next(watcher.socket, 'user_online');
    expect((await ask(socket, 'join_world', {})).ok).toBe(true);
    const online = await seen;
    expect(online.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const session_id = (await post('/login', { username: 'sock_user', password: GOOD })).body.session_id;
    expect((await get(`/characters?session_id=${session_id}`)).body.characters).toEqual([expect.objectContaining({ name: online.name })]);
    const bad = await ask(socket, 'authenticate', { ...guest('Sock'), token: 'x.y.z' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_TOKEN' } });
    socket.disconnect();
    watcher.socket.disconnect();
  });

  it('keeps browser guests out of invite-only worlds', async () => {
    const world = (await post('/worlds', { world_name: 'Vault', seed: 5, kind: 'arena' })).body.world_id as number;
    const db = (relay.hub as unknown as { db: ConstructorParameters<typeof WorldAccessRepo>[0] }).db;
    await new WorldAccessRepo(db).setMode(world, 'invite');
    const socket = await client(relay.url);
    expect((await ask(socket, 'authenticate', guest('Guesty'))).ok).toBe(true);
    expect(await ask(socket, 'join_world', { world_id: world })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await ask(socket, 'join_world', {})).ok).toBe(true);
    socket.disconnect();
  });

  it('allows five sign-ins a minute per address (seed 004), then 429 with retry_after', async () => {
    const tight = await startRelay({ httpLimits: { authPerMinute: 5 } });
    try {
      const statuses: number[] = [];
      let last: Record<string, any> = {};
      for (let i = 0; i < 6; i++) {
        const res = await fetch(`${tight.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody_x', password: GOOD }) });
        statuses.push(res.status);
        last = await res.json() as Record<string, any>;
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(last).toMatchObject({ error: 'RATE_LIMIT_EXCEEDED', retry_after: expect.any(Number) });
    } finally {
      await tight.close();
    }
  });
});
