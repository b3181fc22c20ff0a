/**
 * Refresh tokens: opaque random strings, single use, rotated on every refresh. Each login starts a
 * family; `rotate` marks the presented token used and issues the family's next one. Presenting a used
 * token again means two parties hold the family (a thief and the owner), and the relay cannot tell
 * which is which, so the whole family is revoked: the newest token stops working too, and both must
 * sign in again (reuse detection, as in the OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { tokenFailure, type TokenFailure } from './access-tokens.ts';
import type { RefreshStore } from './refresh-store.ts';

export const DEFAULT_REFRESH_LIFETIME_S = 30 * 24 * 60 * 60;
/** The seed's example refresh token reads "refresh_abc123xyz"; the prefix also tells it from a JWT. */
const PREFIX = 'refresh_';
/** 256 bits: guessing one is hopeless, and the store needs no slow hash for it. */
const TOKEN_BYTES = 32;

export type RotateResult = { ok: true; token: string; sub: string; familyId: string } | TokenFailure;

export interface RefreshTokenOptions {
  store: RefreshStore;
  lifetimeSeconds?: number;
  /** Milliseconds since the epoch; tests pass their own clock. */
  now?: () => number;
}

/** The form in which a token is stored and looked up. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class RefreshTokens {
  private readonly store: RefreshStore;
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(options: RefreshTokenOptions) {
    const lifetime = options.lifetimeSeconds ?? DEFAULT_REFRESH_LIFETIME_S;
    if (!Number.isInteger(lifetime) || lifetime <= 0) throw new Error(`refresh token lifetime must be a positive whole number of seconds, got ${lifetime}`);
    this.store = options.store;
    this.lifetimeMs = lifetime * 1000;
    this.now = options.now ?? Date.now;
  }

  /** A new family for `sub` (one login) and its first token. */
  async start(sub: string): Promise<{ token: string; familyId: string }> {
    const familyId = randomUUID();
    await this.store.createFamily({ id: familyId, sub, createdAt: this.now(), revokedAt: null });
    return { token: await this.addToken(familyId), familyId };
  }

  /** Exchanges `token` for the family's next one; a used token revokes its family. */
  async rotate(token: string): Promise<RotateResult> {
    const hash = hashRefreshToken(token);
    const record = await this.store.findToken(hash);
    if (!record) return tokenFailure('INVALID_TOKEN', 'Refresh token is invalid');
    const family = await this.store.getFamily(record.familyId);
    if (!family || family.revokedAt !== null) return tokenFailure('INVALID_TOKEN', 'Refresh token has been revoked');
    const now = this.now();
    // Reuse is checked before expiry: an old token coming back is a sign of theft whatever its age.
    if (record.usedAt !== null) return this.reused(family.id, now);
    if (record.expiresAt <= now) return tokenFailure('TOKEN_EXPIRED', 'Refresh token has expired');
    // Losing the compare-and-set means another request rotated this token a moment ago: also reuse.
    if (!(await this.store.markUsed(hash, now))) return this.reused(family.id, now);
    return { ok: true, token: await this.addToken(family.id), sub: family.sub, familyId: family.id };
  }

  /** Revokes the family `token` belongs to (logout); false if the token is unknown. */
  async revoke(token: string): Promise<boolean> {
    const record = await this.store.findToken(hashRefreshToken(token));
    if (!record) return false;
    return this.store.revokeFamily(record.familyId, this.now());
  }

  /** Revokes every family of `sub` (a password change, a ban, "log out everywhere"). */
  revokeSubject(sub: string): Promise<number> {
    return this.store.revokeSubject(sub, this.now());
  }

  revokeFamily(familyId: string): Promise<boolean> {
    return this.store.revokeFamily(familyId, this.now());
  }

  private async reused(familyId: string, now: number): Promise<TokenFailure> {
    await this.store.revokeFamily(familyId, now);
    return tokenFailure('INVALID_TOKEN', 'Refresh token was already used; its session has been revoked');
  }

  private async addToken(familyId: string): Promise<string> {
    const token = PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
    const issuedAt = this.now();
    await this.store.addToken({ hash: hashRefreshToken(token), familyId, issuedAt, expiresAt: issuedAt + this.lifetimeMs, usedAt: null });
    return token;
  }
}
