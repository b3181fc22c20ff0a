/**
 * Webhook signatures. Each delivery carries
 *
 *   X-Spacetime-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * A receiver recomputes the HMAC over the timestamp, a dot and the body bytes exactly as received
 * (before any JSON parsing), compares it in constant time, and refuses a `t` too far from its own
 * clock (TOLERANCE_S) so a captured delivery cannot be replayed later. `verifySignature` is that
 * check, used by the tests' receiver and usable by any Node receiver.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Spacetime-Signature';
/** How far a signature's timestamp may be from the receiver's clock (seconds). */
export const TOLERANCE_S = 300;

/** A new webhook secret: 32 random bytes, hex, with a prefix that says what it is. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

export function sign(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.`).update(body).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Whether `header` signs `body` with `secret` within TOLERANCE_S of `nowSeconds`. */
export function verifySignature(secret: string, body: string | Buffer, header: string | undefined, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => {
    const at = p.indexOf('=');
    return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
  }));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_S || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const want = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  return timingSafeEqual(want, Buffer.from(v1, 'hex'));
}
