/**
 * ISO 8601 timestamps (`2026-11-29T09:04:12.188Z`) for messages sent many times a second.
 * Date#toISOString costs microseconds each call; the part up to the seconds changes once a
 * second, so it is kept and only the milliseconds are written per call.
 */
let cachedSecond = NaN;
let cachedPrefix = '';

export function isoTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, 20);
  }
  const milli = Math.floor(ms - second * 1000);
  return `${cachedPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}
