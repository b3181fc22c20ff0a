/**
 * debug_mode (seed 003): while on, this connection receives connection_stats, memory_usage and
 * event_metrics every debugIntervalMs (and once right away, so a tool needs no wait).
 */
import { DebugModeSchema } from '../../../../src/protocol/net/events.ts';
import { handler, type HandlerTable } from '../event-door.ts';
import type { SocketContext } from '../context.ts';
import type { Session } from '../session.ts';

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

function sendFigures(ctx: SocketContext, session: Session): void {
  const snap = ctx.metrics.snapshot();
  const mem = process.memoryUsage();
  session.socket.emit('connection_stats', {
    active_connections: snap.active, total_connections: snap.total, rooms: ctx.rooms.occupied(), world_players: session.room?.size ?? 0,
  });
  session.socket.emit('memory_usage', { rss_mb: mb(mem.rss), heap_used_mb: mb(mem.heapUsed), heap_total_mb: mb(mem.heapTotal), external_mb: mb(mem.external) });
  session.socket.emit('event_metrics', { events_per_minute: snap.eventsPerMinute, by_event: snap.byEvent, refused: snap.refused });
}

export function debugHandlers(ctx: SocketContext): HandlerTable {
  return {
    debug_mode: handler('debug_mode', {
      cls: 'other', schema: DebugModeSchema, needs: 'none',
      run(session, p) {
        session.stopDebug();
        if (p.enabled) {
          sendFigures(ctx, session);
          session.debugTimer = setInterval(() => sendFigures(ctx, session), ctx.debugIntervalMs);
          session.debugTimer.unref();
        }
        return { enabled: p.enabled };
      },
    }),
  };
}
