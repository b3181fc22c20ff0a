/**
 * Accounts (seed 001) in seed 000's `users`: username, argon2id hash, role, temporary or not,
 * active (false = banned). Browser guests (users.ts' ensureGuest, password '!') share the table
 * but can never sign in with a password, and registered names may not start with `guest_` so the
 * two kinds cannot collide.
 */
import { sql, type Kysely } from 'kysely';
import { iso, isoOrNull, type Database } from './schema.ts';

export interface AccountRow {
  id: number;
  username: string;
  password_hash: string;
  role: string;
  is_temporary: boolean;
  active: boolean;
  display_name: string | null;
  created_at: string;
  last_login: string | null;
}

export interface NewAccount { username: string; password_hash: string; role: string; is_temporary: boolean; display_name?: string | null }

const truthy = (v: number | boolean): boolean => v === true || v === 1;

export class AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db.selectFrom('users').select(['id', 'username', 'password_hash', 'role', 'is_temporary', 'active', 'display_name', 'created_at', 'last_login']);
  }

  private static row(r: { id: number; username: string; password_hash: string; role: string; is_temporary: number | boolean; active: number | boolean; display_name: string | null; created_at: string | Date; last_login: string | Date | null }): AccountRow {
    return { ...r, is_temporary: truthy(r.is_temporary), active: truthy(r.active), created_at: iso(r.created_at), last_login: isoOrNull(r.last_login) };
  }

  /** Null when the name is taken (the unique key decides, so two registrations cannot both win). */
  async create(a: NewAccount, now = new Date()): Promise<AccountRow | null> {
    const r = await this.db.insertInto('users')
      .values({
        username: a.username, email: `${a.username.toLowerCase()}@accounts.invalid`, password_hash: a.password_hash,
        display_name: a.display_name ?? null, role: a.role, is_temporary: a.is_temporary ? sql<boolean>`TRUE` : sql<boolean>`FALSE`,
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id').executeTakeFirst();
    return r ? this.byId(r.id) : null;
  }

  async byId(id: number): Promise<AccountRow | null> {
    const r = await this.select().where('id', '=', id).executeTakeFirst();
    return r ? AccountsRepo.row(r) : null;
  }

  async byUsername(username: string): Promise<AccountRow | null> {
    const r = await this.select().where('username', '=', username).executeTakeFirst();
    return r ? AccountsRepo.row(r) : null;
  }

  async list(): Promise<AccountRow[]> {
    return (await this.select().where('password_hash', '!=', '!').orderBy('id').execute()).map(AccountsRepo.row);
  }

  async setPasswordHash(id: number, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  }

  async setRole(id: number, role: string): Promise<void> {
    await this.db.updateTable('users').set({ role }).where('id', '=', id).execute();
  }

  async setActive(id: number, active: boolean): Promise<void> {
    await this.db.updateTable('users').set({ active: active ? sql<boolean>`TRUE` : sql<boolean>`FALSE` }).where('id', '=', id).execute();
  }

  async touchLogin(id: number, at: Date): Promise<void> {
    await this.db.updateTable('users').set({ last_login: at.toISOString() }).where('id', '=', id).execute();
  }

  /** Deletes the account; its characters and sessions go with it (ON DELETE CASCADE). */
  async delete(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** Seed 001: temporary accounts are purged 24 h after they were made; the ids purged. */
  async purgeTemporary(createdBefore: Date): Promise<number[]> {
    const gone = await this.db.selectFrom('users').select('id')
      .where('is_temporary', '=', sql<boolean>`TRUE`).where('created_at', '<', createdBefore.toISOString()).execute();
    if (gone.length === 0) return [];
    const ids = gone.map((r) => r.id);
    await this.db.deleteFrom('users').where('id', 'in', ids).execute();
    return ids;
  }
}
