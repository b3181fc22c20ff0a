/**
 * authenticate: the protocol version check first (a page of another version is told to reload,
 * clearly, before anything else can go wrong), then the guest identity the browser keeps in
 * localStorage, or the account an API token names (POST /auth/login). Answers seed 003's `authenticated` / `authentication_error` events and the ack.
 */
import { AuthenticateSchema, type AuthResult } from '../../../../src/protocol/net/events.ts';
import { relayError } from '../../../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION } from '../../../../src/protocol/net/limits.ts';
import { accountIdOf } from '../../auth/scopes.ts';
import { Refusal, handler, type HandlerTable } from '../event-door.ts';
import type { SocketContext } from '../context.ts';
import type { Session } from '../session.ts';

const GUEST_PERMISSIONS = ['join_worlds', 'edit_terrain', 'send_messages', 'receive_notifications'];

function fail(session: Session, ...args: Parameters<typeof relayError>): Refusal {
  const body = relayError(...args);
  session.socket.emit('authentication_error', { error: body.error, code: body.code });
  return new Refusal(body);
}

export function authHandlers(ctx: SocketContext): HandlerTable {
  return {
    authenticate: handler('authenticate', {
      cls: 'other', schema: AuthenticateSchema, needs: 'none',
      async run(session, p): Promise<AuthResult> {
        if (p.protocol_version !== PROTOCOL_VERSION) {
          throw fail(session, 'PROTOCOL_MISMATCH',
            `This page speaks protocol ${p.protocol_version} but the relay speaks ${PROTOCOL_VERSION}: reload the page to get the matching version.`,
            { client_version: p.protocol_version, relay_version: PROTOCOL_VERSION });
        }
        // Signed in (an API token from POST /auth/login): the account is who plays; else the browser guest.
        let account: { id: string; dbId: number; name: string } | null = null;
        if (p.token !== undefined) {
          const check = await ctx.verify(p.token);
          if (!check.ok) throw fail(session, 'INVALID_TOKEN', check.message, { reason: check.code });
          const dbId = accountIdOf(check.claims.sub);
          if (dbId === null) throw fail(session, 'INVALID_TOKEN', 'this token does not belong to an account (use a token from POST /auth/login)');
          account = { id: check.claims.sub, dbId, name: check.claims.username };
        }
        const userId = account?.id ?? p.guest_id;
        if (session.room && session.user?.id !== userId) {
          throw fail(session, 'AUTH_FAILED', 'leave the world before authenticating as someone else');
        }
        if (!ctx.identities.claim(session, userId)) {
          throw fail(session, 'RATE_LIMITED', `${userId} already has ${ctx.limits.connectionsPerUser} connections: close one to connect another`,
            { limit: ctx.limits.connectionsPerUser });
        }
        let dbId: number;
        try {
          dbId = account ? account.dbId : await ctx.hub.users.ensureGuest(p.guest_id, p.name);
        } catch (e) {
          // Not authenticated after all: the connection counts as who it was before.
          ctx.identities.release(session);
          if (session.user) ctx.identities.claim(session, session.user.id);
          throw e;
        }
        const role = account ? 'player' : 'guest';
        // An account goes by its username until a world gives it its character's name (join_world).
        const name = account?.name ?? p.name;
        session.user = { id: userId, dbId, name, role };
        if (!p.client_id) ctx.pages.remove(session.socket);
        else if (!ctx.pages.add(p.client_id, session.socket, userId)) {
          // The page plays on; it just does not serve the HTTP door under an id someone else holds.
          ctx.log.warn({ socket: session.socket.id, client_id: p.client_id }, 'client_id held by another player\'s page');
          ctx.pages.remove(session.socket);
        }
        const result: AuthResult = { user: { id: userId, name, role }, permissions: GUEST_PERMISSIONS, socketId: session.socket.id };
        session.socket.emit('authenticated', result);
        ctx.log.info({ socket: session.socket.id, user: userId }, 'authenticated');
        return result;
      },
    }),
  };
}
