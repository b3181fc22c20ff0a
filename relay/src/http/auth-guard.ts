/**
 * The bearer-token check every protected door of the relay shares (the control API's HTTP door,
 * the relay's own API routes): 401 INVALID_TOKEN / TOKEN_EXPIRED in seed 000's format when the
 * token is missing or bad, 403 FORBIDDEN when it lacks the scope the route declares.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessCheck, AccessClaims } from '../auth/access-tokens.ts';
import { hasScope, type Scope } from '../auth/scopes.ts';
import { sendError } from './respond.ts';

export type Verify = (token: string) => Promise<AccessCheck>;

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerOf(req: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;
}

/** The claims of the request's bearer token if it may use a route needing `scope`; otherwise the refusal is sent and null returned. */
export async function requireScope(verify: Verify, req: IncomingMessage, res: ServerResponse, scope: Scope, what = `${req.method} ${req.url?.split('?')[0]}`): Promise<AccessClaims | null> {
  const bearer = bearerOf(req);
  if (!bearer) {
    sendError(res, 'INVALID_TOKEN', 'Authorization: Bearer <token> is required (the token `npm start` prints, or one from POST /auth/login)', {}, { 'WWW-Authenticate': 'Bearer' });
    return null;
  }
  const check = await verify(bearer);
  if (!check.ok) {
    sendError(res, check.code, check.message, {}, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    return null;
  }
  if (!hasScope(check.claims.scopes, scope)) {
    sendError(res, 'FORBIDDEN', `${what} needs the ${scope} scope; this token has ${check.claims.scopes.join(', ') || 'none'}`);
    return null;
  }
  return check.claims;
}
