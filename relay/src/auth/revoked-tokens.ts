/**
 * Access tokens revoked before their `exp` (POST /auth/revoke with an access token): kept as
 * SHA-256 hashes in memory for a one-lookup check on every request, and in the database
 * (revoked_access_tokens) so a restart with the same signing key does not bring them back.
 * An entry is dropped once its token would have expired anyway.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { tokenFailure, type AccessCheck } from './access-tokens.ts';

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Longer than any token lives (the printed operator token: 24 h), so a subject's cut-off outlives every token it covers. */
const SUBJECT_CUTOFF_KEEP_MS = 25 * 3_600_000;
const SUBJECT = 'sub:';

export class RevokedTokens {
  /** hash → expiry (ms). */
  private readonly revoked = new Map<string, number>();
  /** sub → tokens issued at or before this second are refused (a kick, ban, role or password change). */
  private readonly cutoff = new Map<string, number>();

  constructor(private readonly db: Kysely<Database> | null, private readonly now: () => number = Date.now) {}

  async load(): Promise<void> {
    if (!this.db) return;
    const now = this.now();
    await this.db.deleteFrom('revoked_access_tokens').where('expires_at', '<', now).execute();
    for (const r of await this.db.selectFrom('revoked_access_tokens').selectAll().execute()) {
      if (r.hash.startsWith(SUBJECT)) this.cutoff.set(r.hash.slice(SUBJECT.length), Number(r.expires_at) - SUBJECT_CUTOFF_KEEP_MS);
      else this.revoked.set(r.hash, Number(r.expires_at));
    }
  }

  /** Every token of `sub` issued until now stops working (access tokens carry no id to list them by). */
  async revokeSubject(sub: string): Promise<void> {
    const at = this.now();
    this.cutoff.set(sub, at);
    const key = `${SUBJECT}${sub}`;
    await this.db?.deleteFrom('revoked_access_tokens').where('hash', '=', key).execute();
    await this.db?.insertInto('revoked_access_tokens').values({ hash: key, expires_at: at + SUBJECT_CUTOFF_KEEP_MS }).execute();
  }

  async revoke(token: string, expiresAtMs: number): Promise<void> {
    const h = hash(token);
    this.revoked.set(h, expiresAtMs);
    await this.db?.insertInto('revoked_access_tokens').values({ hash: h, expires_at: expiresAtMs }).onConflict((oc) => oc.doNothing()).execute();
  }

  /**
   * Before issuing `sub` a token: tokens carry whole seconds (iat), so one issued in the very second
   * of a cut-off would be refused; wait for the next second instead (at most once, < 1 s).
   */
  async settle(sub: string): Promise<void> {
    const cut = this.cutoff.get(sub);
    if (cut === undefined) return;
    const wait = (Math.floor(cut / 1000) + 1) * 1000 - this.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** A verifier's answer, turned into INVALID_TOKEN when the token was revoked. */
  check(token: string, answer: AccessCheck): AccessCheck {
    if (!answer.ok) return answer;
    const cut = this.cutoff.get(answer.claims.sub);
    // Seconds: a token from the very second of the cut-off is refused too (the cut-off wins).
    if (cut !== undefined && answer.claims.iat <= Math.floor(cut / 1000)) return tokenFailure('INVALID_TOKEN', 'Authentication token has been revoked');
    if (this.revoked.size === 0) return answer;
    const h = hash(token);
    const until = this.revoked.get(h);
    if (until === undefined) return answer;
    if (until < this.now()) {
      this.revoked.delete(h);
      return answer;
    }
    return tokenFailure('INVALID_TOKEN', 'Authentication token has been revoked');
  }
}
