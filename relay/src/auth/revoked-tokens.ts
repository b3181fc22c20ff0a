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

export class RevokedTokens {
  /** hash → expiry (ms). */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly db: Kysely<Database> | null, private readonly now: () => number = Date.now) {}

  async load(): Promise<void> {
    if (!this.db) return;
    const now = this.now();
    await this.db.deleteFrom('revoked_access_tokens').where('expires_at', '<', now).execute();
    for (const r of await this.db.selectFrom('revoked_access_tokens').selectAll().execute()) this.revoked.set(r.hash, Number(r.expires_at));
  }

  async revoke(token: string, expiresAtMs: number): Promise<void> {
    const h = hash(token);
    this.revoked.set(h, expiresAtMs);
    await this.db?.insertInto('revoked_access_tokens').values({ hash: h, expires_at: expiresAtMs }).onConflict((oc) => oc.doNothing()).execute();
  }

  /** A verifier's answer, turned into INVALID_TOKEN when the token was revoked. */
  check(token: string, answer: AccessCheck): AccessCheck {
    if (!answer.ok || this.revoked.size === 0) return answer;
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
