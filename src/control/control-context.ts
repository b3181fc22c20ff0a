/** What the route handlers share: the game and the control API's own services. */
import type { Game } from '../app/game.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import { isoTimestamp } from '../protocol/iso-time.ts';
import type { ApiResponse } from '../protocol/api.ts';
import type { SpacetimeBridge } from '../protocol/bridge.ts';
import type { FpsData } from '../protocol/telemetry.ts';
import type { GameStateView } from './state-paths.ts';
import type { DebugSession } from './debug-session.ts';
import type { TelemetryHub } from './telemetry-hub.ts';
import type { ApiMetrics } from './metrics.ts';
import type { Recorder } from './recorder.ts';
import type { CostRing } from './cost-ring.ts';

export type Emulator = NonNullable<SpacetimeBridge['xr']['emulator']>;

export interface ControlContext {
  game: Game;
  debug: DebugSession;
  telemetry: TelemetryHub;
  metrics: ApiMetrics;
  recorder: Recorder;
  emulator: Emulator | undefined;
  /** This frame's timing figures (filled by the FPS meter on read). */
  fps(): FpsData;
  /** Main-thread microseconds the control API spends per frame (FPS meter, telemetry, waiters). */
  telemetryCost: CostRing;
  /** JS heap in bytes where the browser reports it (Chromium), else 0. */
  memoryBytes(): number;
  /** Unix seconds each in-page service last answered. */
  activity: { dap: number; lsp: number };
  /** The readable state tree for /debug/evaluate and breakpoint conditions. */
  stateView(): GameStateView;
  /** A request through the router that skips the token and the write refusal during a replay (replays). */
  dispatch(method: string, path: string, body?: unknown): Promise<ApiResponse>;
}

export const isoNow = (): string => isoTimestamp(Date.now());

/** A game result as the seed answers it: `status: 'success'`, the fields, and a timestamp. */
export const succeeded = <T extends object>(r: Result<T>) => (r.ok ? ok({ status: 'success' as const, ...r.value, timestamp: isoNow() }) : r);

/** A promise raced against a deadline, for waits that depend on frames being drawn. */
export async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A scene is loading: the load places the player itself, so a move now would be silently undone. */
export const refuseWhileLoading = (game: Game): Result<never> | null =>
  game.store.getState().ready ? null : fail('SERVICE_UNAVAILABLE', 'a scene is loading; try again once it is ready');
export const unixSeconds = (): number => Math.round(Date.now() / 100) / 10;
