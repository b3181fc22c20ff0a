/**
 * telemetry_out / telemetry_close: a page feeding the relay's /telemetry clients
 * (relay/src/telemetry/telemetry-door.ts). A page may only write to channels opened on it; one
 * that closed meanwhile (its client left) is not an error, since the page's last messages cross the close.
 */
import { TelemetryChannelSchema, TelemetryOutSchema } from '../../../../src/protocol/net/telemetry-forward.ts';
import { relayError } from '../../../../src/protocol/net/errors.ts';
import { Refusal, handler, type HandlerTable } from '../event-door.ts';
import type { SocketContext } from '../context.ts';

const notYours = (event: string, channel: number) => new Refusal(relayError('PERMISSION_DENIED', `telemetry channel ${channel} belongs to another connection`, { event }));

export function telemetryHandlers(ctx: SocketContext): HandlerTable {
  return {
    telemetry_out: handler('telemetry_out', {
      cls: 'telemetry', schema: TelemetryOutSchema, needs: 'auth',
      run(session, p) {
        if (!ctx.telemetry.out(session.socket, p.channel, p.message, p.packet)) throw notYours('telemetry_out', p.channel);
      },
    }),
    telemetry_close: handler('telemetry_close', {
      cls: 'telemetry', schema: TelemetryChannelSchema, needs: 'auth',
      run(session, p) {
        if (!ctx.telemetry.pageClosed(session.socket, p.channel)) throw notYours('telemetry_close', p.channel);
      },
    }),
  };
}
