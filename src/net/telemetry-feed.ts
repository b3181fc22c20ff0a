/**
 * The page's side of the relay's /telemetry door (protocol/net/telemetry-forward.ts): for each
 * channel the relay opens, one connection on the page's telemetry hub, already trusted (the relay
 * checked the client's token). The hub's messages go back on the channel, binary FPS packets as
 * bytes; a lost relay closes every channel, since the relay closed their clients too.
 */
import { TelemetryChannelSchema, TelemetryInSchema } from '../protocol/net/telemetry-forward.ts';
import type { TelemetryPort } from '../protocol/bridge.ts';
import type { TelemetryServerMessage } from '../protocol/telemetry.ts';
import type { RelaySocket } from './ack.ts';

/** Opens a trusted connection on the page's hub (the bridge's `telemetry.open`). */
export type TelemetryOpen = (onMessage: (message: TelemetryServerMessage | ArrayBuffer) => void) => TelemetryPort;

export function feedTelemetry(socket: RelaySocket, open: () => TelemetryOpen | null): void {
  const ports = new Map<number, TelemetryPort>();

  socket.on('telemetry_open', (raw) => {
    const p = TelemetryChannelSchema.safeParse(raw);
    const opener = open();
    if (!p.success || !opener || ports.has(p.data.channel)) return;
    const { channel } = p.data;
    const port = opener((message) => {
      if (!socket.connected) return;
      if (message instanceof ArrayBuffer) socket.emit('telemetry_out', { channel, packet: new Uint8Array(message) });
      else socket.emit('telemetry_out', { channel, message: message as unknown as Record<string, unknown> });
    });
    ports.set(channel, port);
  });

  socket.on('telemetry_in', (raw) => {
    const p = TelemetryInSchema.safeParse(raw);
    if (p.success) ports.get(p.data.channel)?.send(p.data.message);
  });

  socket.on('telemetry_close', (raw) => {
    const p = TelemetryChannelSchema.safeParse(raw);
    if (!p.success) return;
    ports.get(p.data.channel)?.close();
    ports.delete(p.data.channel);
  });

  socket.on('disconnect', () => {
    for (const port of ports.values()) port.close();
    ports.clear();
  });
}
