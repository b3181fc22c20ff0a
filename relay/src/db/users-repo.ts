/**
 * Seed 000's `users`. Until accounts exist every player is a guest: a users row whose username is the
 * browser's guest id, with an address no mail can reach and a password hash no password matches ('!').
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export class UsersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** The guest's users.id, creating the row the first time; the name they chose is kept current. */
  async ensureGuest(guestId: string, name: string): Promise<number> {
    const at = new Date().toISOString();
    await this.db.insertInto('users')
      .values({ username: guestId, email: `${guestId}@guest.invalid`, password_hash: '!', display_name: name, created_at: at, last_login: at })
      // Only a browser guest's own row (password '!'): a registered account is never taken over.
      .onConflict((oc) => oc.column('username').doUpdateSet({ display_name: name, last_login: at }).where('users.password_hash', '=', '!'))
      .execute();
    const r = await this.db.selectFrom('users').select('id').where('username', '=', guestId).where('password_hash', '=', '!').executeTakeFirst();
    if (!r) throw new Error(`${guestId} is a registered account, not a browser guest`);
    return r.id;
  }

  async get(userId: number): Promise<{ id: number; username: string; display_name: string | null } | null> {
    const r = await this.db.selectFrom('users').select(['id', 'username', 'display_name']).where('id', '=', userId).executeTakeFirst();
    return r ?? null;
  }
}
