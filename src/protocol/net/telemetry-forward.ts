/**
 * Seed 000's telemetry WebSocket at the relay (`/telemetry`), fed by a game page: the relay takes
 * the client's `auth` itself (an API token, like the HTTP door), then opens a channel on the page's
 * telemetry hub and carries messages both ways. The page's hub speaks the protocol (subscribe,
 * configure, get_snapshot, ...); the relay only checks tokens and moves bytes.
 */
import { z } from 'zod';

const Channel = z.number().int().min(1).max(2 ** 31);

/** Relay → page: open, close, and a client's message for the hub (the hub validates it). */
export const TelemetryChannelSchema = z.object({ channel: Channel }).strict();
export const TelemetryInSchema = z.object({ channel: Channel, message: z.unknown() }).strict();

/** Page → relay: a server message (JSON object) or a binary FPS packet for the channel's client. */
export const TelemetryOutSchema = z.object({
  channel: Channel,
  message: z.record(z.string(), z.unknown()).optional(),
  packet: z.custom<Uint8Array | ArrayBuffer>((v) => (v instanceof Uint8Array || v instanceof ArrayBuffer) && v.byteLength <= 256, 'packet: at most 256 bytes').optional(),
}).strict().refine((o) => (o.message === undefined) !== (o.packet === undefined), 'telemetry_out carries a message or a packet');

export type TelemetryIn = z.infer<typeof TelemetryInSchema>;
export type TelemetryOut = z.input<typeof TelemetryOutSchema>;
