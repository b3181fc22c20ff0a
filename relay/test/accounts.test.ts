/**
 * Seed 001's account flows on the real service and a migrated SQLite database, with a clock the
 * test controls (the purge of temporary accounts is 24 h).
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../src/accounts/account-service.ts';
import { characterName } from '../src/accounts/character-names.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations/index.ts';
import { AccountsRepo } from '../src/db/accounts-repo.ts';
import { CharactersRepo } from '../src/db/characters-repo.ts';
import { SessionsRepo } from '../src/db/sessions-repo.ts';
import { WorldAccessRepo } from '../src/db/world-access-repo.ts';
import { WorldsRepo } from '../src/db/worlds-repo.ts';
import { UsersRepo } from '../src/db/users-repo.ts';
import { PlayersRepo } from '../src/db/players-repo.ts';

const GOOD = 'Quiet-harbor-lantern-47';
const HOUR = 3_600_000;

async function setup() {
  const db = openDatabase({ file: ':memory:' });
  await migrateToLatest(db, 'sqlite');
  const worlds = new WorldsRepo(db);
  const home = await worlds.create({ world_name: 'Home', seed: 7, kind: 'planet' });
  const clock = { t: Date.UTC(2026, 11, 2, 12) };
  const access = new WorldAccessRepo(db);
  const service = new AccountService({
    accounts: new AccountsRepo(db), sessions: new SessionsRepo(db), characters: new CharactersRepo(db), access,
    defaultWorldId: async () => home.world_id, now: () => new Date(clock.t),
  });
  return { db, worlds, home, clock, access, service };
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

describe('accounts (seed 001)', () => {
  it('refuses weak passwords with the reason, mismatched copies, taken and reserved names', async () => {
    const { service } = await setup();
    const short = await service.register('ana', 'short', 'short');
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER', message: 'Password must be at least 12 characters long (currently 5)' } });
    expect((await service.register('ana', 'password1234', 'password1234'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/too common|sequential/) } });
    expect((await service.register('ana', 'Quiet-harbor-aaaa-47', undefined))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/repeat/) } });
    expect((await service.register('ana', GOOD, 'other-password-123'))).toMatchObject({ ok: false, error: { message: 'Passwords do not match' } });
    expect((await service.register('guest_12345', GOOD, GOOD))).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMETER' } });
    value(await service.register('ana', GOOD, GOOD));
    expect(await service.register('ana', GOOD, GOOD)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('registers, logs in, makes and selects a character, changes the password, logs out', async () => {
    const { service, home, access, worlds } = await setup();
    const account = value(await service.register('builder_7', GOOD, GOOD));
    expect(account).toMatchObject({ role: 'Player', is_temporary: true, active: true });
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await service.login('builder_7', 'wrong-password-xyz7', null, null)).toMatchObject({ ok: false, error: { code: 'INVALID_TOKEN' } });
    const login = value(await service.login('builder_7', GOOD, '127.0.0.1', 'test'));
    expect(login.sessionId).toMatch(/^[\w-]{32}$/);
    expect(login.worlds).toEqual([expect.objectContaining({
      world_id: home.world_id, can_access: true, can_create: true, access_mode: 'open', naming_mode: 'generated',
      slot_limit_per_account: 1, current_character_count: 0, is_locked: false,
    })]);
    const signedIn = value(await service.session(login.sessionId));
    const made = value(await service.createCharacter(signedIn.account, home.world_id));
    expect(made.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(await service.createCharacter(signedIn.account, home.world_id)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await service.createCharacter(signedIn.account, 999)).toMatchObject({ ok: false, error: { code: 'RESOURCE_NOT_FOUND' } });
    const locked = await worlds.create({ world_name: 'Vault', seed: 9, kind: 'arena' });
    await access.setMode(locked.world_id, 'invite');
    expect(await service.createCharacter(signedIn.account, locked.world_id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await access.grant(locked.world_id, account.id);
    value(await service.createCharacter(signedIn.account, locked.world_id));
    expect(value(await service.selectCharacter(login.sessionId, signedIn.account, made.id)).id).toBe(made.id);
    expect(value(await service.session(login.sessionId)).session.character_id).toBe(made.id);

    expect(await service.changePassword(login.sessionId, 'not-the-password-9x', 'Another-river-stone-82', undefined)).toMatchObject({ ok: false });
    value(await service.changePassword(login.sessionId, GOOD, 'Another-river-stone-82', 'Another-river-stone-82'));
    expect((await service.login('builder_7', GOOD, null, null)).ok).toBe(false);
    expect((await service.login('builder_7', 'Another-river-stone-82', null, null)).ok).toBe(true);
    expect(await service.logout(login.sessionId)).toBe(true);
    expect(await service.session(login.sessionId)).toMatchObject({ ok: false, error: { code: 'INVALID_TOKEN' } });
  });

  it('registers a guest_NNNNN guest with a character in the default world', async () => {
    const { service, home } = await setup();
    const { account, character } = value(await service.registerGuest(GOOD, GOOD, 'Guest Wanderer'));
    expect(account.username).toMatch(/^guest_\d{5}$/);
    expect(character).toMatchObject({ name: 'Guest Wanderer', world_id: home.world_id, user_id: account.id, placed: false });
    expect((await service.login(account.username, GOOD, null, null)).ok).toBe(true);
  });

  it('purges temporary accounts 24 h after they were made, not admin-made ones, nor sooner', async () => {
    const { service, clock } = await setup();
    value(await service.register('visitor', GOOD, GOOD));
    value(await service.register('staffer', GOOD, GOOD, { temporary: false, role: 'Admin' }));
    clock.t += 23 * HOUR;
    expect(await service.purgeTemporary()).toEqual([]);
    clock.t += 2 * HOUR;
    expect(await service.purgeTemporary()).toHaveLength(1);
    expect((await service.login('visitor', GOOD, null, null)).ok).toBe(false);
    expect((await service.login('staffer', GOOD, null, null)).ok).toBe(true);
  });

  it('expires sessions after a day without use, and refuses banned accounts', async () => {
    const { service, clock, db } = await setup();
    const account = value(await service.register('sleepy', GOOD, GOOD));
    const { sessionId } = value(await service.login('sleepy', GOOD, null, null));
    clock.t += 20 * HOUR;
    expect((await service.session(sessionId)).ok).toBe(true);
    clock.t += 20 * HOUR;
    expect((await service.session(sessionId)).ok).toBe(true);
    clock.t += 25 * HOUR;
    expect(await service.session(sessionId)).toMatchObject({ ok: false, error: { code: 'INVALID_TOKEN' } });
    await new AccountsRepo(db).setActive(account.id, false);
    expect(await service.login('sleepy', GOOD, null, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await service.subject(`user_${account.id}`)).toBeNull();
  });

  it('never lets a browser guest id take over a registered account, and keeps browser guests out of password sign-in', async () => {
    const { service, db } = await setup();
    const users = new UsersRepo(db);
    const guestId = await users.ensureGuest('guest_browser1', 'Swift Comet 12');
    expect(await users.ensureGuest('guest_browser1', 'Renamed')).toBe(guestId);
    expect((await service.login('guest_browser1', '!', null, null)).ok).toBe(false);
    // A row that is not a browser guest's (as if registered before the guest_ rule) is not taken over.
    await new AccountsRepo(db).create({ username: 'guest_legacyx', password_hash: 'hash', role: 'Player', is_temporary: false });
    await expect(users.ensureGuest('guest_legacyx', 'Thief')).rejects.toThrow(/registered account/);
    // A character made from the account page spawns like a new player until it has played.
    const { account, character } = value(await service.registerGuest(GOOD, GOOD, undefined));
    expect(await new PlayersRepo(db).load(account.id, character.world_id)).toBeNull();
  });

  it('generates readable names', () => {
    let i = 0;
    const seq = (n: number) => (i++ * 7) % n;
    expect(characterName(seq)).toMatch(/^[A-Z][a-z]{3,} [A-Z][a-z]{3,}$/);
  });
});
