/**
 * Seed 001's account sessions in seed 000's `sessions`: an opaque id handed to the client, stored
 * only as its SHA-256 (session_token), with an expiry that slides with use and the character the
 * session selected.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { iso, isoOrNull, type Database } from './schema.ts';

export interface SessionRow {
  id: number;
  user_id: number;
  character_id: number | null;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  expires_at: string;
  last_activity: string | null;
}

export const hashSessionId = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

export class SessionsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async create(userId: number, sessionId: string, at: Date, expires: Date, ip: string | null, userAgent: string | null): Promise<void> {
    await this.db.insertInto('sessions').values({
      user_id: userId, session_token: hashSessionId(sessionId), ip_address: ip, user_agent: userAgent,
      created_at: at.toISOString(), expires_at: expires.toISOString(), last_activity: at.toISOString(),
    }).execute();
  }

  /** The live session behind an id (expired ones are not found), its expiry moved on to `extendTo`. */
  async use(sessionId: string, now: Date, extendTo: Date): Promise<SessionRow | null> {
    const token = hashSessionId(sessionId);
    const r = await this.db.selectFrom('sessions').selectAll().where('session_token', '=', token).executeTakeFirst();
    if (!r || Date.parse(iso(r.expires_at)) <= now.getTime()) return null;
    await this.db.updateTable('sessions').set({ last_activity: now.toISOString(), expires_at: extendTo.toISOString() }).where('id', '=', r.id).execute();
    return this.toRow({ ...r, last_activity: now.toISOString(), expires_at: extendTo.toISOString() });
  }

  async selectCharacter(sessionId: string, characterId: number): Promise<void> {
    await this.db.updateTable('sessions').set({ character_id: characterId }).where('session_token', '=', hashSessionId(sessionId)).execute();
  }

  async delete(sessionId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('sessions').where('session_token', '=', hashSessionId(sessionId)).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async deleteById(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** Ends the account's sessions, all but `keep` (the one that changed the password) when given. */
  async deleteForUser(userId: number, keep?: string): Promise<number> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) q = q.where('session_token', '!=', hashSessionId(keep));
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Forgets sessions that expired (the hourly sweep). */
  async deleteExpired(now: Date): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async live(now: Date): Promise<SessionRow[]> {
    const rows = await this.db.selectFrom('sessions').selectAll().where('expires_at', '>', now.toISOString()).orderBy('id').execute();
    return rows.map((r) => this.toRow(r));
  }

  private toRow(r: { id: number; user_id: number; character_id: number | null; ip_address: string | null; user_agent: string | null; created_at: string | Date; expires_at: string | Date; last_activity: string | Date | null }): SessionRow {
    return {
      id: r.id, user_id: r.user_id, character_id: r.character_id, ip_address: r.ip_address, user_agent: r.user_agent,
      created_at: iso(r.created_at), expires_at: iso(r.expires_at), last_activity: isoOrNull(r.last_activity),
    };
  }
}
