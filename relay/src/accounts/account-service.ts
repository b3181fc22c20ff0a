/**
 * Seed 001's accounts: registration under the STANDARD password policy, guest accounts, password
 * sign-in into an account session, characters per world, and the purge of temporary accounts.
 * Every answer is a Result with seed 000's error codes; the routes add seed 001's `detail`.
 * Hashing is argon2id at OWASP's parameters on libuv's thread pool (auth/passwords.ts), never on
 * the event loop.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { fail, ok, type Result } from '../../../src/protocol/errors.ts';
import type { TokenSubject } from '../auth/access-tokens.ts';
import { checkPassword } from '../auth/password-policy.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { accountIdOf, isRole, roleAtLeast, scopesForRole, type Role } from '../auth/scopes.ts';
import type { AccountRow, AccountsRepo } from '../db/accounts-repo.ts';
import { CHARACTER_SLOTS_PER_WORLD, type CharacterRow, type CharactersRepo } from '../db/characters-repo.ts';
import type { SessionRow, SessionsRepo } from '../db/sessions-repo.ts';
import type { WorldAccessRepo, WorldAccessRow } from '../db/world-access-repo.ts';
import { characterName } from './character-names.ts';

export const SESSION_TTL_MS = 24 * 3_600_000;
/** Seed 001: temporary accounts are purged after 24 hours. */
export const TEMPORARY_TTL_MS = 24 * 3_600_000;
export const USERNAME = /^[A-Za-z0-9_.-]{3,50}$/;

export interface AccountServiceDeps {
  accounts: AccountsRepo;
  sessions: SessionsRepo;
  characters: CharactersRepo;
  access: WorldAccessRepo;
  /** The world a guest's first character is made in (the relay's default world). */
  defaultWorldId: () => Promise<number>;
  now?: () => Date;
}

export interface AvailableWorld extends Omit<WorldAccessRow, 'seed'> {
  seed: number;
  can_access: boolean;
  can_create: boolean;
  naming_mode: 'generated';
  slot_limit_per_account: number;
  current_character_count: number;
  is_locked: boolean;
}

export interface SignedIn { session: SessionRow; account: AccountRow }

export class AccountService {
  private readonly now: () => Date;

  constructor(private readonly d: AccountServiceDeps) {
    this.now = d.now ?? (() => new Date());
  }

  /** The password's problems under the STANDARD policy, and that both copies match. */
  static passwordRefusal(password: string, confirm: string | undefined): Result<never> | null {
    if (confirm !== undefined && confirm !== password) return fail('INVALID_PARAMETER', 'Passwords do not match');
    const problems = checkPassword(password);
    return problems.length ? fail('INVALID_PARAMETER', problems[0].message) : null;
  }

  async register(username: string, password: string, confirm: string | undefined, opts: { role?: Role; temporary?: boolean } = {}): Promise<Result<AccountRow>> {
    if (!USERNAME.test(username)) return fail('INVALID_PARAMETER', 'Username must be 3-50 letters, digits, dots, dashes or underscores');
    if (/^guest_/i.test(username)) return fail('INVALID_PARAMETER', 'Usernames starting with guest_ are kept for guest accounts');
    const refused = AccountService.passwordRefusal(password, confirm);
    if (refused) return refused;
    if (await this.d.accounts.byUsername(username)) return fail('CONFLICT', `Username ${username} is already taken`);
    const account = await this.d.accounts.create({ username, password_hash: await hashPassword(password), role: opts.role ?? 'Player', is_temporary: opts.temporary ?? true }, this.now());
    return account ? ok(account) : fail('CONFLICT', `Username ${username} is already taken`);
  }

  /** guest_NNNNN with a character in the default world (its name given or generated). */
  async registerGuest(password: string, confirm: string | undefined, name: string | undefined): Promise<Result<{ account: AccountRow; character: CharacterRow }>> {
    const refused = AccountService.passwordRefusal(password, confirm);
    if (refused) return refused;
    const hash = await hashPassword(password);
    let account: AccountRow | null = null;
    for (let i = 0; i < 20 && !account; i++) {
      const username = `guest_${randomInt(100_000).toString().padStart(5, '0')}`;
      account = await this.d.accounts.create({ username, password_hash: hash, role: 'Player', is_temporary: true, display_name: name ?? null }, this.now());
    }
    if (!account) return fail('SERVICE_UNAVAILABLE', 'No guest name is free right now; try again');
    const character = await this.d.characters.create(account.id, await this.d.defaultWorldId(), name ?? characterName(), this.now());
    return character ? ok({ account, character }) : fail('INTERNAL_ERROR', 'The guest character could not be made');
  }

  /** The account if the password is right and it may sign in (for /login and /auth/login). */
  async verify(username: string, password: string): Promise<Result<AccountRow>> {
    const account = await this.d.accounts.byUsername(username);
    // The same words for an unknown name and a wrong password: no probing for accounts.
    if (!account || account.password_hash === '!' || !(await verifyPassword(account.password_hash, password))) {
      return fail('INVALID_TOKEN', 'Invalid username or password');
    }
    if (!account.active) return fail('FORBIDDEN', 'This account is banned');
    return ok(account);
  }

  async login(username: string, password: string, ip: string | null, userAgent: string | null): Promise<Result<{ sessionId: string; account: AccountRow; worlds: AvailableWorld[] }>> {
    const verified = await this.verify(username, password);
    if (!verified.ok) return verified;
    const now = this.now();
    const sessionId = randomBytes(24).toString('base64url');
    await this.d.sessions.create(verified.value.id, sessionId, now, new Date(now.getTime() + SESSION_TTL_MS), ip, userAgent);
    await this.d.accounts.touchLogin(verified.value.id, now);
    return ok({ sessionId, account: verified.value, worlds: await this.availableWorlds(verified.value) });
  }

  /** The live session and its account (401 INVALID_TOKEN when missing, expired or its account banned). */
  async session(sessionId: string | undefined): Promise<Result<SignedIn>> {
    if (!sessionId) return fail('INVALID_TOKEN', 'Missing session_id');
    const now = this.now();
    const session = await this.d.sessions.use(sessionId, now, new Date(now.getTime() + SESSION_TTL_MS));
    const account = session ? await this.d.accounts.byId(session.user_id) : null;
    if (!session || !account) return fail('INVALID_TOKEN', 'Invalid or expired session');
    if (!account.active) return fail('FORBIDDEN', 'This account is banned');
    return ok({ session, account });
  }

  async logout(sessionId: string): Promise<boolean> {
    return this.d.sessions.delete(sessionId);
  }

  async changePassword(sessionId: string, oldPassword: string, newPassword: string, confirm: string | undefined): Promise<Result<AccountRow>> {
    const s = await this.session(sessionId);
    if (!s.ok) return s;
    if (!(await verifyPassword(s.value.account.password_hash, oldPassword))) return fail('INVALID_TOKEN', 'The current password is wrong');
    if (oldPassword === newPassword) return fail('INVALID_PARAMETER', 'The new password must differ from the current one');
    const refused = AccountService.passwordRefusal(newPassword, confirm);
    if (refused) return refused;
    await this.d.accounts.setPasswordHash(s.value.account.id, await hashPassword(newPassword));
    return ok(s.value.account);
  }

  async setPassword(userId: number, password: string): Promise<Result<true>> {
    const refused = AccountService.passwordRefusal(password, undefined);
    if (refused) return refused;
    await this.d.accounts.setPasswordHash(userId, await hashPassword(password));
    return ok(true);
  }

  async availableWorlds(account: AccountRow): Promise<AvailableWorld[]> {
    const [worlds, grants, mine] = await Promise.all([this.d.access.worlds(), this.d.access.grantsOf(account.id), this.d.characters.forUser(account.id)]);
    return worlds.map((w) => {
      const count = mine.filter((c) => c.world_id === w.world_id).length;
      // Admins see every world; an invite-only one is open to the accounts granted it.
      const canAccess = w.access_mode === 'open' || grants.has(w.world_id) || (isRole(account.role) && roleAtLeast(account.role, 'Admin'));
      return {
        ...w, can_access: canAccess, can_create: canAccess && count < CHARACTER_SLOTS_PER_WORLD, naming_mode: 'generated',
        slot_limit_per_account: CHARACTER_SLOTS_PER_WORLD, current_character_count: count, is_locked: !canAccess,
      };
    });
  }

  /** Seed 001 /characters/create: 404 unknown world, 403 invite-only without a grant, 409 when the slots are full. */
  async createCharacter(account: AccountRow, worldId: number, name?: string): Promise<Result<CharacterRow>> {
    const world = (await this.availableWorlds(account)).find((w) => w.world_id === worldId);
    if (!world) return fail('RESOURCE_NOT_FOUND', `World ${worldId} does not exist`);
    if (!world.can_access) return fail('FORBIDDEN', `World ${world.world_name} is invite-only`);
    if (!world.can_create) return fail('CONFLICT', `You already have ${world.slot_limit_per_account} character(s) in ${world.world_name}, the limit`);
    for (let i = 0; i < 5; i++) {
      const made = await this.d.characters.create(account.id, worldId, name ?? characterName(), this.now());
      if (made) return ok(made);
      if (name) break;
    }
    return fail('CONFLICT', 'The character slot was taken meanwhile');
  }

  async selectCharacter(sessionId: string, account: AccountRow, characterId: number): Promise<Result<CharacterRow>> {
    const character = await this.d.characters.byId(characterId);
    if (!character || character.user_id !== account.id) return fail('RESOURCE_NOT_FOUND', `You have no character ${characterId}`);
    await this.d.sessions.selectCharacter(sessionId, characterId);
    return ok(character);
  }

  /**
   * The name a signed-in player goes by in a world: its character there, made (with a generated
   * name) on the first visit where the world allows it.
   */
  async characterFor(userId: number, worldId: number): Promise<Result<CharacterRow>> {
    const account = await this.d.accounts.byId(userId);
    if (!account || !account.active) return fail('FORBIDDEN', 'This account may not play');
    const mine = (await this.d.characters.forUser(userId)).find((c) => c.world_id === worldId);
    return mine ? ok(mine) : this.createCharacter(account, worldId);
  }

  async openToGuests(worldId: number): Promise<boolean> {
    return (await this.d.access.world(worldId))?.access_mode !== 'invite';
  }

  account(id: number): Promise<AccountRow | null> {
    return this.d.accounts.byId(id);
  }

  byUsername(username: string): Promise<AccountRow | null> {
    return this.d.accounts.byUsername(username);
  }

  characters(account: AccountRow): Promise<CharacterRow[]> {
    return this.d.characters.forUser(account.id);
  }

  /** Seed 001's `entity_state`: what this game keeps of a character before it plays (its world and seed). */
  async entityState(c: CharacterRow): Promise<{ seed: number; world_id: number; character_id: number; placed: boolean }> {
    const world = await this.d.access.world(c.world_id);
    return { seed: world?.seed ?? 0, world_id: c.world_id, character_id: c.id, placed: c.placed };
  }

  /** A token subject for an account id as it is now (null: gone or banned), for the token service. */
  async subject(sub: string): Promise<TokenSubject | null> {
    const id = accountIdOf(sub);
    const account = id !== null ? await this.d.accounts.byId(id) : null;
    if (!account || !account.active) return null;
    return AccountService.subjectOf(account);
  }

  static subjectOf(account: AccountRow): TokenSubject {
    return { sub: `user_${account.id}`, username: account.username, scopes: scopesForRole(isRole(account.role) ? account.role : 'Player') };
  }

  /** Deletes temporary accounts older than 24 h (their sessions and characters go too); the ids purged. */
  purgeTemporary(): Promise<number[]> {
    return this.d.accounts.purgeTemporary(new Date(this.now().getTime() - TEMPORARY_TTL_MS));
  }
}
