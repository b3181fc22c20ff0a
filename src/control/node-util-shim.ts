/**
 * The two `util` functions prom-client calls, for the browser build (vite.config.ts aliases `util`
 * here). prom-client uses them only to word its own error messages.
 */
export const format = (...values: unknown[]): string => values.map((v) => (typeof v === 'string' ? v : inspect(v))).join(' ');

export function inspect(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export default { format, inspect };
