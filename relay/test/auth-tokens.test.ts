import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { TokenSubject } from '../src/auth/access-tokens.ts';
import { MemoryRefreshStore } from '../src/auth/memory-refresh-store.ts';
import type { RefreshStore } from '../src/auth/refresh-store.ts';
import { SqlRefreshStore } from '../src/auth/sql-refresh-store.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrations/index.ts';
import { hashRefreshToken } from '../src/auth/refresh-tokens.ts';
import { TokenService, type RefreshResult, type TokenPair } from '../src/auth/tokens.ts';

const SECRET = new TextEncoder().encode('a test secret of at least thirty-two bytes');
const T0 = Date.UTC(2025, 11, 2, 10, 30, 0);
const DAY = 24 * 3_600_000;

/** The same tests run on both stores: in memory, and in a migrated SQLite database. */
const STORES: Array<[string, () => Promise<RefreshStore>]> = [
  ['memory', async () => new MemoryRefreshStore()],
  ['sqlite', async () => {
    const db = openDatabase({ file: ':memory:' });
    await migrateToLatest(db, 'sqlite');
    return new SqlRefreshStore(db);
  }],
];

function setup(store: RefreshStore) {
  const clock = { now: T0 };
  const accounts = new Map<string, TokenSubject>([
    ['user_42', { sub: 'user_42', username: 'player_001', scopes: ['read', 'write'] }],
    ['user_7', { sub: 'user_7', username: 'builder_7', scopes: ['read', 'write'] }],
  ]);
  const service = new TokenService({
    secret: SECRET,
    store,
    subjects: async (sub) => accounts.get(sub) ?? null,
    accessLifetimeSeconds: 900,
    refreshLifetimeSeconds: 7 * 24 * 3600,
    now: () => clock.now,
  });
  const login = (sub: string) => service.login(accounts.get(sub)!);
  return { clock, store, accounts, service, login };
}

function pair(result: RefreshResult): TokenPair {
  if (!result.ok) throw new Error(`expected a token pair, got ${JSON.stringify(result)}`);
  return result.tokens;
}

describe.each(STORES)('token service (%s store): login, refresh rotation, reuse detection, revoke', (_name, makeStore) => {
  it("logs in with seed 000's response fields: a JWT, its expiry and an opaque refresh token", async () => {
    const { service, store, login } = setup(await makeStore());
    const tokens = await login('user_42');
    expect(tokens.expires_at).toBe('2025-12-02T10:45:00.000Z');
    expect(decodeJwt(tokens.token)).toMatchObject({ sub: 'user_42', username: 'player_001', scopes: ['read', 'write'] });
    expect(tokens.refresh_token).toMatch(/^refresh_[A-Za-z0-9_-]{43}$/);
    expect(await service.verify(tokens.token)).toMatchObject({ ok: true, claims: { sub: 'user_42' } });
    // Stored only as its SHA-256 hash.
    expect(await store.findToken(tokens.refresh_token)).toBeNull();
    expect(await store.findToken(hashRefreshToken(tokens.refresh_token))).toMatchObject({ usedAt: null });
  });

  it('rotates: a refresh gives a new pair, and the old refresh token becomes used', async () => {
    const { service, store, clock, login } = setup(await makeStore());
    const first = await login('user_42');
    clock.now += 60_000;
    const second = pair(await service.refresh(first.refresh_token));
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.expires_at).toBe('2025-12-02T10:46:00.000Z');
    expect(await store.findToken(hashRefreshToken(first.refresh_token))).toMatchObject({ usedAt: clock.now });
    clock.now += 60_000;
    const third = pair(await service.refresh(second.refresh_token));
    expect(await service.verify(third.token)).toMatchObject({ ok: true, claims: { sub: 'user_42' } });
  });

  it('revokes the whole family when a rotated refresh token comes back: the newest one stops working too', async () => {
    const { service, login } = setup(await makeStore());
    const first = await login('user_42');
    const second = pair(await service.refresh(first.refresh_token));
    const third = pair(await service.refresh(second.refresh_token));
    // A thief replays the first token.
    expect(await service.refresh(first.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN', message: expect.stringMatching(/already used/) });
    expect(await service.refresh(third.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN', message: expect.stringMatching(/revoked/) });
    // Another login of the same account is another family and is untouched.
    const elsewhere = await login('user_42');
    expect((await service.refresh(elsewhere.refresh_token)).ok).toBe(true);
  });

  it('lets only one of two concurrent refreshes with the same token rotate; the other is reuse and revokes the family', async () => {
    const { service, login } = setup(await makeStore());
    const first = await login('user_42');
    const results = await Promise.all([service.refresh(first.refresh_token), service.refresh(first.refresh_token)]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(await service.refresh(pair(winners[0]).refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
  });

  it('revokes a session by its refresh token, leaving other sessions alone', async () => {
    const { service, login } = setup(await makeStore());
    const mine = await login('user_42');
    const other = await login('user_7');
    expect(await service.revoke(mine.refresh_token)).toBe(true);
    expect(await service.refresh(mine.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect(await service.revoke('refresh_unknown')).toBe(false);
    expect((await service.refresh(other.refresh_token)).ok).toBe(true);
  });

  it('revokes every session of an account at once', async () => {
    const { service, login } = setup(await makeStore());
    const a = await login('user_42');
    const b = await login('user_42');
    const other = await login('user_7');
    expect(await service.revokeAll('user_42')).toBe(2);
    for (const t of [a, b]) expect(await service.refresh(t.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    expect((await service.refresh(other.refresh_token)).ok).toBe(true);
  });

  it('refuses an unknown refresh token, and an expired one as TOKEN_EXPIRED', async () => {
    const { service, clock, store, login } = setup(await makeStore());
    expect(await service.refresh('refresh_made_up')).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    const tokens = await login('user_42');
    clock.now += 7 * DAY;
    expect(await service.refresh(tokens.refresh_token)).toMatchObject({ ok: false, code: 'TOKEN_EXPIRED' });
    expect(await store.deleteExpired(clock.now + 1)).toBe(1);
    expect(await service.refresh(tokens.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
  });

  it("mints refreshed access tokens from the account as it is now, and ends a vanished account's family", async () => {
    const { service, accounts, login } = setup(await makeStore());
    const first = await login('user_7');
    accounts.set('user_7', { sub: 'user_7', username: 'builder_7', scopes: ['read', 'write', 'admin', 'debug'] });
    const second = pair(await service.refresh(first.refresh_token));
    expect(decodeJwt(second.token).scopes).toEqual(['read', 'write', 'admin', 'debug']);
    accounts.delete('user_7');
    expect(await service.refresh(second.refresh_token)).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
    accounts.set('user_7', { sub: 'user_7', username: 'builder_7', scopes: ['read'] });
    // The family was revoked when the account could not be found; coming back does not revive it.
    const third = await service.refresh(second.refresh_token);
    expect(third).toMatchObject({ ok: false, code: 'INVALID_TOKEN' });
  });
});
