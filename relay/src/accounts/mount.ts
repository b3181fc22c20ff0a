/**
 * Accounts and sign-in as the relay runs them: the services over the relay's database, the routes
 * (seed 001's account paths, seed 000's /auth/*), the one token check every door uses (signature,
 * expiry, then the revocation list), and the hourly purge of temporary accounts.
 */
import type { Kysely } from 'kysely';
import type { AccessCheck } from '../auth/access-tokens.ts';
import { AccessTokens } from '../auth/access-tokens.ts';
import { RevokedTokens } from '../auth/revoked-tokens.ts';
import { SqlRefreshStore } from '../auth/sql-refresh-store.ts';
import { TokenService } from '../auth/tokens.ts';
import { AccountsRepo } from '../db/accounts-repo.ts';
import { CharactersRepo } from '../db/characters-repo.ts';
import type { Database } from '../db/schema.ts';
import { SessionsRepo } from '../db/sessions-repo.ts';
import { WorldAccessRepo } from '../db/world-access-repo.ts';
import { accountRoutes } from '../http/account-routes.ts';
import { authRoutes } from '../http/auth-routes.ts';
import type { Route } from '../http/router.ts';
import type { Logger } from '../log.ts';
import { AccountService } from './account-service.ts';

const PURGE_EVERY_MS = 3_600_000;

export interface MountAccountsOptions {
  db: Kysely<Database>;
  secret: Uint8Array;
  defaultWorldId: () => Promise<number>;
  log: Logger;
  /** Tests pass their own clock (the 24 h purge). */
  now?: () => Date;
}

export interface MountedAccounts {
  service: AccountService;
  repos: { accounts: AccountsRepo; sessions: SessionsRepo; characters: CharactersRepo };
  tokens: TokenService;
  routes: Route[];
  /** Signature, expiry and revocation: what every door asks. */
  verify(token: string): Promise<AccessCheck>;
  /** Ends every way in for an account except the session `keep`: sessions, refresh families, access tokens. */
  endAccess(userId: number, keep?: string): Promise<void>;
  stop(): void;
}

export async function mountAccounts(o: MountAccountsOptions): Promise<MountedAccounts> {
  const nowMs = () => (o.now ? o.now().getTime() : Date.now());
  const repos = { accounts: new AccountsRepo(o.db), sessions: new SessionsRepo(o.db), characters: new CharactersRepo(o.db) };
  const service = new AccountService({ ...repos, access: new WorldAccessRepo(o.db), defaultWorldId: o.defaultWorldId, now: o.now });
  const refreshStore = new SqlRefreshStore(o.db);
  const tokens = new TokenService({ secret: o.secret, store: refreshStore, subjects: (sub) => service.subject(sub), now: nowMs });
  const revoked = new RevokedTokens(o.db, nowMs);
  await revoked.load();
  // Any token signed with the key counts (the printed operator token lives longer than a login's).
  const signature = new AccessTokens({ secret: o.secret, now: nowMs });
  const verify = async (token: string) => revoked.check(token, await signature.verify(token));

  const purge = async () => {
    // The hourly sweep: expired sessions and refresh tokens go, so neither table grows for ever.
    await repos.sessions.deleteExpired(new Date(nowMs()));
    await refreshStore.deleteExpired(nowMs());
    const ids = await service.purgeTemporary();
    await tokens.revokeAllOf(ids.map((id) => `user_${id}`));
    if (ids.length) o.log.info({ purged: ids.length }, 'temporary accounts purged');
  };
  void purge().catch((err: unknown) => o.log.error({ err }, 'purging temporary accounts failed'));
  const timer = setInterval(() => void purge().catch((err: unknown) => o.log.error({ err }, 'purging temporary accounts failed')), PURGE_EVERY_MS);
  timer.unref();

  const endAccess = async (userId: number, keep?: string) => {
    await repos.sessions.deleteForUser(userId, keep);
    await tokens.revokeAll(`user_${userId}`);
    await revoked.revokeSubject(`user_${userId}`);
  };

  return {
    service, repos, tokens, verify, endAccess,
    routes: [...accountRoutes(service, endAccess), ...authRoutes({ accounts: service, tokens, revoked })],
    stop: () => clearInterval(timer),
  };
}
