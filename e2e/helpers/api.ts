import type { Page } from '@playwright/test';
import { frames } from './game.ts';
import type { ApiResponse } from '../../src/protocol/api.ts';
import type { GameSnapshot } from '../../src/protocol/automation.ts';

/** One control-API request through the in-page door. */
export function api<T = Record<string, unknown>>(page: Page, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>> {
  return page.evaluate(([m, p, b, h]) => window.spacetime!.request(m, p, b, h), [method, path, body, headers] as const) as Promise<ApiResponse<T>>;
}

export const snapshot = (page: Page): Promise<GameSnapshot> => page.evaluate(() => window.spacetime!.snapshot());

/** The seed's standard error body: every field present and typed. */
export function expectErrorBody(body: unknown, status: number, code: string) {
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  if (b.error !== code) problems.push(`error ${String(b.error)} ≠ ${code}`);
  if (b.status_code !== status) problems.push(`status_code ${String(b.status_code)} ≠ ${status}`);
  if (typeof b.message !== 'string' || !b.message) problems.push('message missing');
  if (typeof b.timestamp !== 'string' || Number.isNaN(Date.parse(b.timestamp as string))) problems.push('timestamp not ISO');
  if (typeof b.request_id !== 'string' || !/^req_/.test(b.request_id as string)) problems.push('request_id missing');
  if (problems.length) throw new Error(`bad error body ${JSON.stringify(b)}: ${problems.join('; ')}`);
}

/**
 * Pauses the simulation through the debugger, so oxygen and physics stand still and a snapshot
 * taken now can only change through a request.
 */
export async function holdSimulation(page: Page) {
  const launched = await api(page, 'POST', '/debug/launch', { stopOnEntry: true });
  if (launched.status !== 200) throw new Error(`debug launch failed: ${JSON.stringify(launched.body)}`);
  await page.evaluate(() => window.spacetime!.waitFor((s) => s.debug.paused));
  await frames(page, 2);
}
