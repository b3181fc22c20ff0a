/**
 * Sign-in tokens as the auth routes hand them out (seed 000 "Authentication"): a login gets a
 * short-lived access token (access-tokens.ts) and a refresh token (refresh-tokens.ts); a refresh
 * rotates the refresh token and mints a new access token; a revoke ends the refresh token's family.
 *
 * A refresh asks `subjects` for the account's current name and scopes instead of copying the old
 * token's, so a role change or a ban takes effect at the next refresh, within one access lifetime;
 * an account that no longer resolves has its family revoked.
 */
import { AccessTokens, tokenFailure, type AccessCheck, type TokenFailure, type TokenSubject } from './access-tokens.ts';
import type { RefreshStore } from './refresh-store.ts';
import { RefreshTokens } from './refresh-tokens.ts';

/** Field names as seed 000's login response spells them. */
export interface TokenPair {
  token: string;
  expires_at: string;
  refresh_token: string;
}

export type RefreshResult = { ok: true; tokens: TokenPair } | TokenFailure;

export interface TokenServiceOptions {
  /** The HS256 key for access tokens, at least 32 bytes. */
  secret: Uint8Array;
  store: RefreshStore;
  /** The account behind a `sub` as it is now, or null when it is gone or may not sign in. */
  subjects: (sub: string) => Promise<TokenSubject | null>;
  accessLifetimeSeconds?: number;
  refreshLifetimeSeconds?: number;
  /** Milliseconds since the epoch, shared by both kinds of token; tests pass their own clock. */
  now?: () => number;
}

export class TokenService {
  private readonly access: AccessTokens;
  private readonly refreshTokens: RefreshTokens;
  private readonly subjects: TokenServiceOptions['subjects'];

  constructor(options: TokenServiceOptions) {
    this.access = new AccessTokens({ secret: options.secret, lifetimeSeconds: options.accessLifetimeSeconds, now: options.now });
    this.refreshTokens = new RefreshTokens({ store: options.store, lifetimeSeconds: options.refreshLifetimeSeconds, now: options.now });
    this.subjects = options.subjects;
  }

  /** Tokens for a subject whose password the caller has just verified. */
  async login(subject: TokenSubject): Promise<TokenPair> {
    const { token: refresh } = await this.refreshTokens.start(subject.sub);
    return this.pair(subject, refresh);
  }

  /** A new pair for a valid, unused refresh token; reuse of a used one revokes its family. */
  async refresh(refreshToken: string): Promise<RefreshResult> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    if (!rotated.ok) return rotated;
    const subject = await this.subjects(rotated.sub);
    if (!subject || subject.sub !== rotated.sub) {
      await this.refreshTokens.revokeFamily(rotated.familyId);
      return tokenFailure('INVALID_TOKEN', 'The account behind this token can no longer sign in');
    }
    return { ok: true, tokens: await this.pair(subject, rotated.token) };
  }

  /** Ends the session `refreshToken` belongs to; false if the token is unknown. */
  revoke(refreshToken: string): Promise<boolean> {
    return this.refreshTokens.revoke(refreshToken);
  }

  /** Ends every session of an account (password change, ban, deletion). */
  revokeAll(sub: string): Promise<number> {
    return this.refreshTokens.revokeSubject(sub);
  }

  /** Ends the sessions of several accounts (a purge). */
  async revokeAllOf(subs: readonly string[]): Promise<void> {
    for (const sub of subs) await this.refreshTokens.revokeSubject(sub);
  }

  verify(accessToken: string): Promise<AccessCheck> {
    return this.access.verify(accessToken);
  }

  private async pair(subject: TokenSubject, refreshToken: string): Promise<TokenPair> {
    const issued = await this.access.issue(subject);
    return { token: issued.token, expires_at: issued.expiresAt.toISOString(), refresh_token: refreshToken };
  }
}
