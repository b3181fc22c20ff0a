/**
 * The refresh-token store in the relay's database (migration 004: refresh_families, refresh_tokens),
 * so sign-ins survive a restart. Same contract as memory-refresh-store.ts; markUsed is one
 * conditional UPDATE, so two refreshes racing with one token cannot both win.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RefreshFamily, RefreshRecord, RefreshStore } from './refresh-store.ts';

const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));

export class SqlRefreshStore implements RefreshStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createFamily(f: RefreshFamily): Promise<void> {
    await this.db.insertInto('refresh_families').values({ id: f.id, sub: f.sub, created_at: f.createdAt, revoked_at: f.revokedAt }).execute();
  }

  async getFamily(id: string): Promise<RefreshFamily | null> {
    const r = await this.db.selectFrom('refresh_families').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { id: r.id, sub: r.sub, createdAt: num(r.created_at), revokedAt: numOrNull(r.revoked_at) } : null;
  }

  async addToken(t: RefreshRecord): Promise<void> {
    await this.db.insertInto('refresh_tokens')
      .values({ hash: t.hash, family_id: t.familyId, issued_at: t.issuedAt, expires_at: t.expiresAt, used_at: t.usedAt })
      .execute();
  }

  async findToken(hash: string): Promise<RefreshRecord | null> {
    const r = await this.db.selectFrom('refresh_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    return r ? { hash: r.hash, familyId: r.family_id, issuedAt: num(r.issued_at), expiresAt: num(r.expires_at), usedAt: numOrNull(r.used_at) } : null;
  }

  async markUsed(hash: string, at: number): Promise<boolean> {
    const r = await this.db.updateTable('refresh_tokens').set({ used_at: at }).where('hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async revokeFamily(id: string, at: number): Promise<boolean> {
    const family = await this.getFamily(id);
    if (!family) return false;
    await this.db.updateTable('refresh_families').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    return true;
  }

  async revokeSubject(sub: string, at: number): Promise<number> {
    const r = await this.db.updateTable('refresh_families').set({ revoked_at: at }).where('sub', '=', sub).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.deleteFrom('refresh_tokens').where('expires_at', '<', now).executeTakeFirst();
      await trx.deleteFrom('refresh_families')
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('refresh_tokens').select('hash').whereRef('refresh_tokens.family_id', '=', 'refresh_families.id'))))
        .execute();
      return Number(r.numDeletedRows);
    });
  }
}
