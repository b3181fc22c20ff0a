/**
 * Who may use seed 001's admin routes: an account session (`session_id`) or a bearer token whose
 * account is Admin or above, or the operator's printed token (admin scope, no account: it acts as a
 * Superuser, the person who started the relay). Refusals in seed 000's format with seed 001's detail.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccountService } from '../accounts/account-service.ts';
import { hasScope, isRole, roleAtLeast, type Role } from '../auth/scopes.ts';
import type { AccountRow } from '../db/accounts-repo.ts';
import { accountIdOf } from '../auth/scopes.ts';
import { bearerOf, type Verify } from './auth-guard.ts';
import { refuse } from './json-body.ts';

export interface Admin { role: Role; account: AccountRow | null; name: string }

export async function admitAdmin(
  accounts: AccountService, verify: Verify, req: IncomingMessage, res: ServerResponse, sessionId: string | undefined,
): Promise<Admin | null> {
  const bearer = bearerOf(req);
  let account: AccountRow | null = null;
  if (sessionId) {
    const s = await accounts.session(sessionId);
    if (!s.ok) { refuse(res, s.error.code, s.error.message, true); return null; }
    account = s.value.account;
  } else if (bearer) {
    const check = await verify(bearer);
    if (!check.ok) { refuse(res, check.code, check.message, true); return null; }
    if (!hasScope(check.claims.scopes, 'admin')) { refuse(res, 'FORBIDDEN', 'This needs the admin scope', true); return null; }
    const id = accountIdOf(check.claims.sub);
    if (id === null) return { role: 'Superuser', account: null, name: check.claims.username };
    account = await accounts.account(id);
    if (!account || !account.active) { refuse(res, 'INVALID_TOKEN', 'The account behind this token can no longer sign in', true); return null; }
  } else {
    refuse(res, 'INVALID_TOKEN', 'Missing session_id (or Authorization: Bearer <token>)', true);
    return null;
  }
  const role: Role = isRole(account.role) ? account.role : 'Player';
  if (!roleAtLeast(role, 'Admin')) { refuse(res, 'FORBIDDEN', 'Insufficient permissions: Admin or above only', true); return null; }
  return { role, account, name: account.username };
}
