/**
 * Structured logs (pino, one JSON object a line) so an operator can filter by world, peer or event.
 * LOG_LEVEL sets the level; under vitest the default is silent so test output stays readable, and
 * LOG_LEVEL=debug still shows everything when a test needs investigating.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level?: string): Logger {
  const chosen = level ?? process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info');
  return pino({ name: 'relay', level: chosen, base: { pid: process.pid } });
}
