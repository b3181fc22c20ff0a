/**
 * Access tokens: short-lived JWTs (jose, HS256) carrying exactly seed 000's claims, `sub`,
 * `username`, `iat`, `exp` and `scopes`. They are checked by signature and expiry alone, with no
 * store lookup, which is why they live minutes: a revoked session keeps its access token until
 * `exp` at most, and gets no new one (refresh-tokens.ts).
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { SCOPES, type Scope } from './scopes.ts';

/** Who a token speaks for. `sub` is the account's id as a string (seed 000's example: "user_42"). */
export interface TokenSubject {
  sub: string;
  username: string;
  scopes: Scope[];
}

export interface AccessClaims extends TokenSubject {
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
}

/** The failures seed 000's error table names for a token (both answer 401). */
export type TokenErrorCode = 'INVALID_TOKEN' | 'TOKEN_EXPIRED';
export type TokenFailure = { ok: false; code: TokenErrorCode; message: string };

export type AccessCheck = { ok: true; claims: AccessClaims } | TokenFailure;

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

export interface AccessTokenOptions {
  /** The HS256 key: at least 32 bytes (RFC 7518 §3.2: a key as long as the hash output). */
  secret: Uint8Array;
  /** Lifetime in seconds; 15 minutes by default. */
  lifetimeSeconds?: number;
  /** Milliseconds since the epoch; tests pass their own clock. */
  now?: () => number;
}

export const DEFAULT_ACCESS_LIFETIME_S = 15 * 60;
const ALGORITHM = 'HS256';

// Strict: a token with other claims was not made here, whatever its signature says.
const claimsSchema = z.strictObject({
  sub: z.string().min(1),
  username: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  scopes: z.array(z.enum(SCOPES)),
});

export function tokenFailure(code: TokenErrorCode, message: string): TokenFailure {
  return { ok: false, code, message };
}

/**
 * Tokens whose signature was checked, so a caller's next requests skip the HMAC (~250 µs through
 * WebCrypto's thread pool, the largest part of an HTTP door call). Only good signatures are kept,
 * each with its claims; expiry is still checked on every use, and revocation is checked after
 * verify() by its callers (revoked-tokens.ts), so a hit changes nothing but the time.
 */
const VERIFIED_KEEP = 1_024;

export class AccessTokens {
  private readonly secret: Uint8Array;
  /** token → its claims; insertion order is age (the oldest goes first when full). */
  private readonly verified = new Map<string, AccessClaims>();
  private readonly lifetimeSeconds: number;
  private readonly now: () => number;

  constructor(options: AccessTokenOptions) {
    if (options.secret.length < 32) throw new Error('the access token secret must be at least 32 bytes');
    const lifetime = options.lifetimeSeconds ?? DEFAULT_ACCESS_LIFETIME_S;
    if (!Number.isInteger(lifetime) || lifetime <= 0) throw new Error(`access token lifetime must be a positive whole number of seconds, got ${lifetime}`);
    this.secret = options.secret;
    this.lifetimeSeconds = lifetime;
    this.now = options.now ?? Date.now;
  }

  async issue(subject: TokenSubject): Promise<IssuedAccessToken> {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + this.lifetimeSeconds;
    const token = await new SignJWT({ username: subject.username, scopes: [...subject.scopes] })
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(subject.sub)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The token's claims, or why it is refused: expired (TOKEN_EXPIRED) or anything else (INVALID_TOKEN). */
  async verify(token: string): Promise<AccessCheck> {
    const known = this.verified.get(token);
    if (known) {
      if (known.exp > Math.floor(this.now() / 1000)) return { ok: true, claims: known };
      this.verified.delete(token);
      return tokenFailure('TOKEN_EXPIRED', 'Authentication token has expired');
    }
    let payload: unknown;
    try {
      // jose checks the signature before the claims, so a forged expired token is INVALID, not EXPIRED.
      ({ payload } = await jwtVerify(token, this.secret, {
        algorithms: [ALGORITHM],
        currentDate: new Date(this.now()),
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return tokenFailure('TOKEN_EXPIRED', 'Authentication token has expired');
      return tokenFailure('INVALID_TOKEN', 'Authentication token is invalid');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return tokenFailure('INVALID_TOKEN', 'Authentication token is invalid');
    if (this.verified.size >= VERIFIED_KEEP) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims.data);
    return { ok: true, claims: claims.data };
  }
}
