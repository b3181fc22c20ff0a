/**
 * Scopes (what a token may do, seed 000 "Scopes") and roles (who an account is, seed 001 "Role-Based
 * Access"), and the one mapping between them.
 *
 * Seed 000's scopes, in its words:
 *   read  – "Read-only access to all endpoints"
 *   write – "Read and write access"            → a token with write may also read
 *   admin – "Full administrative access"       → a token with admin may do everything
 *   debug – "Access to debug endpoints"
 *
 * Seed 001's roles, each "including the one before":
 *   Player       – "Play game, chat, manage own inventory"                        → read, write
 *   WorldBuilder – "Player + create/edit rooms and items"                         → read, write
 *   Admin        – "WorldBuilder + create users, ban users, view logs, stop server" → + admin, debug
 *   Superuser    – "Admin + role management, full system access"                   → all four
 *
 * Why WorldBuilder gets no scope beyond Player's: seed 000 has no scope finer than write, and editing
 * rooms and items is a write. What sets a world builder (or a superuser) apart is a role check the
 * account routes make with `roleAtLeast`, not a scope, so a token never claims more than the seed
 * defines. Admin gets debug because viewing logs and stopping the server are what the debug and
 * admin routes do.
 */

export const SCOPES = ['read', 'write', 'admin', 'debug'] as const;
export type Scope = (typeof SCOPES)[number];

/** Lowest first: each role includes every right of the roles before it. */
export const ROLES = ['Player', 'WorldBuilder', 'Admin', 'Superuser'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  Player: ['read', 'write'],
  WorldBuilder: ['read', 'write'],
  Admin: ['read', 'write', 'admin', 'debug'],
  Superuser: ['read', 'write', 'admin', 'debug'],
};

/** What holding a scope also grants, from the seed's descriptions quoted above. */
const IMPLIED: Readonly<Record<Scope, readonly Scope[]>> = {
  read: [],
  write: ['read'],
  admin: ['read', 'write', 'debug'],
  debug: [],
};

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The scopes a token for an account of this role carries (a fresh array the caller may keep). */
export function scopesForRole(role: Role): Scope[] {
  return [...ROLE_SCOPES[role]];
}

/** True when `role` is `atLeast` or above it, e.g. roleAtLeast('Admin', 'WorldBuilder'). */
export function roleAtLeast(role: Role, atLeast: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(atLeast);
}

/** Accounts sign tokens as `user_<id>`: the users.id behind a subject, or null (the operator, a test subject). */
export function accountIdOf(sub: string): number | null {
  const id = /^user_(\d+)$/.exec(sub)?.[1];
  return id === undefined ? null : Number(id);
}

/** Whether a token granted `granted` may use a route that declares `needed`. */
export function hasScope(granted: readonly Scope[], needed: Scope): boolean {
  return granted.some((scope) => scope === needed || IMPLIED[scope].includes(needed));
}
