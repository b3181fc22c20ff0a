/**
 * The connection door: at most connectionsPerIp live connections from one address (seed 003). The
 * one over the limit gets seed 003's error event and is disconnected; everyone else is greeted with
 * `connected`, gets its event door, and on disconnect leaves its world and frees its slot.
 */
import { relayError } from '../../../src/protocol/net/errors.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/net/limits.ts';
import type { SocketContext } from './context.ts';
import { installEventDoor, type HandlerTable } from './event-door.ts';
import { leaveWorld } from './handlers/world.ts';
import { RateWindows, budgetsFrom } from './rate-window.ts';
import { Session, type RelaySocket } from './session.ts';

export interface ConnectionDoor {
  sessions: Set<Session>;
  /** Resolves once every disconnected player's leave (and state save) has finished. */
  drain(): Promise<void>;
}

export function installConnectionDoor(ctx: SocketContext, table: HandlerTable): ConnectionDoor {
  const perIp = new Map<string, number>();
  const sessions = new Set<Session>();
  const leaving = new Set<Promise<unknown>>();
  const budgets = budgetsFrom(ctx.limits);

  ctx.io.on('connection', (socket: RelaySocket) => {
    const ip = socket.handshake.address;
    const open = perIp.get(ip) ?? 0;
    if (open >= ctx.limits.connectionsPerIp) {
      ctx.metrics.refused('RATE_LIMITED');
      ctx.log.warn({ ip, open }, 'connection refused: too many from this address');
      socket.emit('error', relayError('RATE_LIMITED', `more than ${ctx.limits.connectionsPerIp} connections from ${ip}`, { limit: ctx.limits.connectionsPerIp }));
      socket.disconnect(true);
      return;
    }
    perIp.set(ip, open + 1);
    ctx.metrics.connectionOpened();
    const session = new Session(socket, ip, new RateWindows(budgets));
    sessions.add(session);
    installEventDoor(session, table, { limits: ctx.limits, metrics: ctx.metrics, log: ctx.log, pose: (s, record) => poseOf(s, record) });

    socket.once('disconnect', (reason) => {
      const still = (perIp.get(ip) ?? 1) - 1;
      if (still > 0) perIp.set(ip, still);
      else perIp.delete(ip);
      ctx.metrics.connectionClosed();
      sessions.delete(session);
      ctx.identities.release(session);
      ctx.pages.remove(socket);
      session.stopDebug();
      const left = session.serial(() => leaveWorld(ctx, session, `disconnected: ${reason}`))
        .catch((err: unknown) => ctx.log.error({ err }, 'leaving on disconnect failed'))
        .finally(() => leaving.delete(left));
      leaving.add(left);
    });
    socket.emit('connected', { socketId: socket.id, timestamp: new Date().toISOString(), protocol_version: PROTOCOL_VERSION });
  });

  function poseOf(session: Session, record: unknown) {
    if (!session.room) return relayError('NOT_IN_WORLD', 'join_world before sending poses', { event: 'sync_player_position' });
    return session.room.poses.receive(session.peerId, record);
  }

  return {
    sessions,
    async drain() {
      while (leaving.size) await Promise.all([...leaving]);
    },
  };
}
