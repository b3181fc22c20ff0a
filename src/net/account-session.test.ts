import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetStore } from '../state/net-store.ts';
import { AccountSession } from './account-session.ts';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

afterEach(() => vi.unstubAllGlobals());

describe('AccountSession', () => {
  it('signs in, keeps the tokens, refreshes near expiry, and signs out (revoking the refresh token)', async () => {
    let now = Date.UTC(2026, 0, 1);
    const calls: Array<{ url: string; body: Record<string, string> }> = [];
    let n = 0;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      const body = JSON.parse(init.body as string);
      calls.push({ url, body });
      if (url.endsWith('/auth/revoke')) return Response.json({ status: 'success' });
      n++;
      return Response.json({ token: `access${n}`, expires_at: new Date(now + 15 * 60_000).toISOString(), refresh_token: `refresh${n}` });
    });
    const store = createNetStore();
    const storage = memory();
    const a = new AccountSession(store, 'http://relay', storage, () => now);
    expect(await a.token()).toBeNull();
    expect(await a.signIn('ana', 'pw')).toBeNull();
    expect(store.getState().account).toEqual({ username: 'ana' });
    expect(await a.token()).toBe('access1');
    // A new page load finds the sign-in again.
    expect(new AccountSession(createNetStore(), '', storage, () => now).signedIn).toBe(true);
    now += 14.5 * 60_000;
    expect(await a.token()).toBe('access2');
    expect(calls.at(-1)).toEqual({ url: 'http://relay/auth/refresh', body: { refresh_token: 'refresh1' } });
    await a.signOut();
    expect(calls.at(-1)).toEqual({ url: 'http://relay/auth/revoke', body: { token: 'refresh2' } });
    expect(store.getState().account).toBeNull();
    expect(storage.m.size).toBe(0);
  });

  it('reports a refused sign-in, and falls back to the guest when a refresh is refused', async () => {
    let refuse = true;
    vi.stubGlobal('fetch', async (url: string) => {
      if (refuse || url.endsWith('/auth/refresh')) return Response.json({ message: 'Invalid username or password' }, { status: 401 });
      return Response.json({ token: 't', expires_at: new Date(0).toISOString(), refresh_token: 'r' });
    });
    const store = createNetStore();
    const a = new AccountSession(store, '', memory());
    expect(await a.signIn('ana', 'bad')).toBe('Invalid username or password');
    refuse = false;
    expect(await a.signIn('ana', 'good')).toBeNull();
    expect(await a.token()).toBeNull();
    expect(store.getState()).toMatchObject({ account: null, accountError: expect.stringContaining('signed out') });
  });

  it('keeps the sign-in when the relay is busy or away, and takes another tab\'s fresher tokens', async () => {
    let status = 200;
    vi.stubGlobal('fetch', async () => (status === 200
      ? Response.json({ token: 't1', expires_at: new Date(0).toISOString(), refresh_token: 'r1' })
      : Response.json({ message: 'busy' }, { status })));
    const store = createNetStore();
    const storage = memory();
    const a = new AccountSession(store, '', storage, () => 1_000_000);
    expect(await a.signIn('ana', 'pw')).toBeNull();
    status = 503;
    expect(await a.token()).toBeNull();
    expect(a.signedIn).toBe(true);
    expect(store.getState().accountError).toMatch(/playing as guest for now/);
    // Another tab refreshed meanwhile: its tokens are in storage.
    storage.setItem('spacetime.account', JSON.stringify({ username: 'ana', token: 't9', expires_at: new Date(9_000_000).toISOString(), refresh_token: 'r9' }));
    expect(await a.token()).toBe('t9');
  });
});
