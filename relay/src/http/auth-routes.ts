/**
 * Seed 000's AuthRouter: POST /auth/login (a short-lived JWT with the seed's claims, and a refresh
 * token), POST /auth/refresh (rotates; reusing a rotated refresh token revokes its whole family),
 * POST /auth/revoke (an access token is refused from then on; a refresh token ends its family).
 * Also under /api/v2/. Five sign-ins a minute per IP (seed 004), spent at the door.
 */
import { z } from 'zod';
import { AccountService } from '../accounts/account-service.ts';
import type { TokenService } from '../auth/tokens.ts';
import type { RevokedTokens } from '../auth/revoked-tokens.ts';
import { body, refuse } from './json-body.ts';
import { sendJson } from './respond.ts';
import type { Route } from './router.ts';

const LoginSchema = z.object({ username: z.string().min(1).max(50), password: z.string().min(1).max(256) }).strict();
const RefreshSchema = z.object({ refresh_token: z.string().min(1).max(512) }).strict();
const RevokeSchema = z.object({ token: z.string().min(1).max(4096) }).strict();
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

export interface AuthRoutesContext { accounts: AccountService; tokens: TokenService; revoked: RevokedTokens }

export function authRoutes(ctx: AuthRoutesContext): Route[] {
  const routes: Route[] = [
    { method: 'POST', path: '/auth/login', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, LoginSchema, false);
      if (!p) return;
      const account = await ctx.accounts.verify(p.username, p.password);
      if (!account.ok) return refuse(res, account.error.code, account.error.message, false);
      const subject = AccountService.subjectOf(account.value);
      await ctx.revoked.settle(subject.sub);
      sendJson(res, 200, await ctx.tokens.login(subject));
    } },
    { method: 'POST', path: '/auth/refresh', write: true, auth: true, async handle({ req, res }) {
      const p = await body(req, res, RefreshSchema, false);
      if (!p) return;
      const r = await ctx.tokens.refresh(p.refresh_token);
      if (!r.ok) return refuse(res, r.code, r.message, false);
      sendJson(res, 200, r.tokens);
    } },
    { method: 'POST', path: '/auth/revoke', write: true, async handle({ req, res }) {
      const p = await body(req, res, RevokeSchema, false);
      if (!p) return;
      if (JWT.test(p.token)) {
        const check = await ctx.tokens.verify(p.token);
        // An expired or foreign token needs no revoking; say so rather than pretend.
        if (!check.ok) return refuse(res, check.code, check.message, false);
        await ctx.revoked.revoke(p.token, check.claims.exp * 1000);
      } else if (!(await ctx.tokens.revoke(p.token))) {
        return refuse(res, 'INVALID_TOKEN', 'Unknown refresh token', false);
      }
      sendJson(res, 200, { status: 'success', message: 'Token revoked' });
    } },
  ];
  return [...routes, ...routes.map((r) => ({ ...r, path: `/api/v2${r.path}` }))];
}
