/**
 * Signing in from the page (seed 000's /auth routes on the relay): the tokens a login gives, kept in
 * localStorage so the player stays signed in across visits, refreshed shortly before the access
 * token runs out, and handed to the socket's `authenticate`. Without a sign-in the page plays as
 * the browser's guest, as before.
 */
import type { NetStore } from '../state/net-store.ts';

const KEY = 'spacetime.account';
/** Refresh when the access token has less than this left. */
const REFRESH_MARGIN_MS = 60_000;

interface Stored { username: string; token: string; expires_at: string; refresh_token: string }
type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

function safeLocal(): Storage | null {
  try { return localStorage; } catch { return null; }
}

export class AccountSession {
  private stored: Stored | null;

  constructor(private readonly store: NetStore, private readonly base = '', private readonly storage: Storage | null = safeLocal(), private readonly now = Date.now) {
    this.stored = this.load();
    this.store.setState({ account: this.stored ? { username: this.stored.username } : null });
  }

  get signedIn(): boolean {
    return this.stored !== null;
  }

  /** POST /auth/login; null on success, else the relay's reason. */
  async signIn(username: string, password: string): Promise<string | null> {
    const r = await this.post('/auth/login', { username, password });
    if (!r.ok) return r.error;
    this.keep({ username, ...(r.body as Omit<Stored, 'username'>) });
    return null;
  }

  /** Forgets the sign-in here and ends its refresh family at the relay. */
  async signOut(): Promise<void> {
    const refresh = this.stored?.refresh_token;
    this.keep(null);
    if (refresh) await this.post('/auth/revoke', { token: refresh });
  }

  /** A usable access token (refreshed if it is about to expire), or null to play as the guest. */
  async token(): Promise<string | null> {
    const s = this.stored;
    if (!s) return null;
    if (Date.parse(s.expires_at) - this.now() > REFRESH_MARGIN_MS) return s.token;
    // Another tab may have refreshed already: take its tokens rather than present a rotated one
    // (that would look like reuse and end the sign-in in every tab).
    const latest = this.load();
    if (latest && latest.refresh_token !== s.refresh_token && Date.parse(latest.expires_at) - this.now() > REFRESH_MARGIN_MS) {
      this.stored = latest;
      return latest.token;
    }
    const r = await this.post('/auth/refresh', { refresh_token: s.refresh_token });
    if (!r.ok && r.status === 401) {
      // Revoked, expired or the account is gone: back to playing as the guest, and say why.
      this.keep(null);
      this.store.setState({ accountError: `signed out: ${r.error}` });
      return null;
    }
    if (!r.ok) {
      // A busy or unreachable relay is no reason to forget the sign-in: play as the guest this time.
      this.store.setState({ accountError: `could not refresh the sign-in (${r.error}); playing as guest for now` });
      return null;
    }
    this.keep({ username: s.username, ...(r.body as Omit<Stored, 'username'>) });
    return this.stored!.token;
  }

  private async post(path: string, body: unknown): Promise<{ ok: true; body: unknown } | { ok: false; error: string; status: number }> {
    try {
      const res = await fetch(`${this.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json().catch(() => ({}))) as { message?: string };
      return res.ok ? { ok: true, body: json } : { ok: false, error: json.message ?? `the relay answered ${res.status}`, status: res.status };
    } catch (e) {
      return { ok: false, error: `the relay cannot be reached (${(e as Error).message})`, status: 0 };
    }
  }

  private keep(s: Stored | null): void {
    this.stored = s;
    try {
      if (s) this.storage?.setItem(KEY, JSON.stringify(s));
      else this.storage?.removeItem(KEY);
    } catch { /* this page only */ }
    this.store.setState({ account: s ? { username: s.username } : null, ...(s ? { accountError: null } : {}) });
  }

  private load(): Stored | null {
    try {
      const s = JSON.parse(this.storage?.getItem(KEY) ?? 'null') as Partial<Stored> | null;
      if (s && typeof s.username === 'string' && typeof s.token === 'string' && typeof s.refresh_token === 'string' && typeof s.expires_at === 'string') return s as Stored;
    } catch { /* corrupt: not signed in */ }
    return null;
  }
}
