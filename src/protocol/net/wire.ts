/**
 * The socket.io wire format, chosen in one place for the relay and every client of it (the page,
 * relay tests, e2e helpers, bench load generators): msgpack (socket.io-msgpack-parser), so an
 * event carrying bytes, a pose batch above all, is one WebSocket frame instead of socket.io's
 * default two (a text placeholder plus the binary attachment). Both ends must use it: pass
 * `{ parser: WIRE_PARSER }` to `new Server(...)` and to `io(...)`.
 *
 * notepack.io (under the parser) writes bytes correctly only in one shape per build, and anything
 * else silently goes wrong: in Node only a `Buffer` becomes msgpack `bin` (another typed array is
 * written as an ext holding its *whole* backing buffer, ignoring its offset), and in the browser
 * only an `ArrayBuffer` does (a typed array becomes a map of its indices). The encoder here puts
 * every byte payload in the right shape first, so senders may pass any Uint8Array (a subarray
 * included), Buffer or ArrayBuffer. Dates become their ISO strings and object properties that are
 * `undefined` are dropped, as JSON (the default parser) did. What arrives: bytes are a Buffer (a
 * Uint8Array) in Node and an ArrayBuffer in the browser, so receivers take `Uint8Array | ArrayBuffer`.
 */
import * as msgpack from 'socket.io-msgpack-parser';

interface BufferCtor {
  isBuffer(v: unknown): boolean;
  from(b: ArrayBufferLike, offset?: number, length?: number): Uint8Array;
}
/** Node's Buffer, or undefined in the browser (where notepack's browser build is bundled). */
const NodeBuffer = (globalThis as { Buffer?: BufferCtor }).Buffer;

/** The shape this build's notepack writes as msgpack `bin`. */
function wireBytes(v: ArrayBuffer | ArrayBufferView): unknown {
  if (NodeBuffer) {
    if (NodeBuffer.isBuffer(v)) return v;
    return ArrayBuffer.isView(v) ? NodeBuffer.from(v.buffer, v.byteOffset, v.byteLength) : NodeBuffer.from(v);
  }
  if (!ArrayBuffer.isView(v)) return v;
  const { buffer, byteOffset, byteLength } = v;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return new Uint8Array(buffer, byteOffset, byteLength).slice().buffer;
}

const isPlain = (v: object): boolean => {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/** `v` ready for notepack: a copy where something had to change, `v` itself otherwise (never mutated). */
function prepare(v: unknown, depth: number): unknown {
  if (typeof v !== 'object' || v === null || depth > 32) return v;
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return wireBytes(v);
  if (v instanceof Date) return v.toJSON();
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const p = prepare(v[i], depth + 1);
      if (p !== v[i]) (out ??= v.slice())[i] = p;
    }
    return out ?? v;
  }
  if (!isPlain(v)) return v;
  const src = v as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(src)) {
    const value = src[key];
    if (value === undefined) {
      if (!out) out = { ...src };
      delete out[key];
      continue;
    }
    const p = prepare(value, depth + 1);
    if (p !== value) (out ??= { ...src })[key] = p;
  }
  return out ?? v;
}

/** A socket.io packet as the server and client hand it to the encoder. */
interface Packet { type: number; nsp: string; data?: unknown; id?: number }

class Encoder extends msgpack.Encoder {
  override encode(packet: Packet): ArrayBuffer {
    const data = prepare(packet.data, 0);
    return super.encode(data === packet.data ? packet : { ...packet, data });
  }
}

/** The parser module for socket.io's `parser` option, on the server and on every client. */
export const WIRE_PARSER = {
  protocol: msgpack.protocol,
  PacketType: msgpack.PacketType,
  Encoder,
  Decoder: msgpack.Decoder,
};
