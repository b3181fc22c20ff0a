import { describe, expect, it } from 'vitest';
import { hasScope, isRole, isScope, roleAtLeast, ROLES, SCOPES, scopesForRole } from '../src/auth/scopes.ts';

describe('scopes and roles', () => {
  it("names seed 000's four scopes and seed 001's four roles, lowest role first", () => {
    expect(SCOPES).toEqual(['read', 'write', 'admin', 'debug']);
    expect(ROLES).toEqual(['Player', 'WorldBuilder', 'Admin', 'Superuser']);
    expect(isScope('write')).toBe(true);
    expect(isScope('root')).toBe(false);
    expect(isRole('Admin')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });

  it('maps each role to scopes, each role holding at least what the one before holds', () => {
    expect(scopesForRole('Player')).toEqual(['read', 'write']);
    expect(scopesForRole('WorldBuilder')).toEqual(['read', 'write']);
    expect(scopesForRole('Admin')).toEqual(['read', 'write', 'admin', 'debug']);
    expect(scopesForRole('Superuser')).toEqual(['read', 'write', 'admin', 'debug']);
    for (let i = 1; i < ROLES.length; i++) {
      const below = scopesForRole(ROLES[i - 1]);
      expect(scopesForRole(ROLES[i])).toEqual(expect.arrayContaining(below));
    }
    // A fresh array: changing it does not change the mapping.
    scopesForRole('Player').push('admin');
    expect(scopesForRole('Player')).toEqual(['read', 'write']);
  });

  it('orders roles: each includes the ones before it', () => {
    expect(roleAtLeast('Admin', 'WorldBuilder')).toBe(true);
    expect(roleAtLeast('WorldBuilder', 'WorldBuilder')).toBe(true);
    expect(roleAtLeast('Player', 'WorldBuilder')).toBe(false);
    expect(roleAtLeast('Admin', 'Superuser')).toBe(false);
  });

  it('grants a route its scope, or one that includes it (write reads, admin does everything)', () => {
    expect(hasScope(['read'], 'read')).toBe(true);
    expect(hasScope(['read'], 'write')).toBe(false);
    expect(hasScope(['write'], 'read')).toBe(true);
    expect(hasScope(['write'], 'debug')).toBe(false);
    expect(hasScope(['debug'], 'debug')).toBe(true);
    expect(hasScope(['debug'], 'read')).toBe(false);
    for (const needed of SCOPES) expect(hasScope(['admin'], needed)).toBe(true);
    expect(hasScope([], 'read')).toBe(false);
    expect(hasScope(scopesForRole('Player'), 'admin')).toBe(false);
    expect(hasScope(scopesForRole('Admin'), 'admin')).toBe(true);
  });
});
