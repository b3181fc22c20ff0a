/**
 * Issue 11's figures for the relay's HTTP side, each beside its baseline from the same run:
 *
 * - http.request_us_p50 / _p95: GET /player/position through the relay's HTTP door (Node fetch with
 *   the bearer token, keep-alive, sequential; the relay hands the call to the one connected game page
 *   over its socket) beside the same call through the in-page door (`window.spacetime.request`, timed
 *   in the page with performance.now). Alternating blocks of each, after a warm-up of each.
 * - auth.login_ms_p50 / _p95: POST /auth/login (sequential) for one account made with POST /register,
 *   beside argon2id verifying the same password at the same parameters (auth/passwords.ts) in this
 *   process: the part of a login that is hashing.
 * - relay.event_loop_lag_ms_p99 / _max: the relay's own event-loop delay (monitorEventLoopDelay in
 *   relay-child.ts, 1 ms resolution) during rounds of 50 logins sent at once, beside the same relay
 *   idle for as long.
 *
 * The sign-in budget (5 a minute per IP), the request budget (100 a minute per IP) and the
 * per-token one (1000 a minute) are raised in the relay child (`--http-limit`): every call comes
 * from 127.0.0.1 with one token. The HTTP door figures need the
 * built game (bench/server.ts DIST) and are skipped, saying why, without it; the others do not.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/helpers/browser.ts';
import { hashPassword, verifyPassword } from '../../relay/src/auth/passwords.ts';
import { DIST } from '../server.ts';
import { percentile, round, type Figures } from '../stats.ts';
import { createWorld } from './join-bench.ts';
import { NoRelayClient, openWhenReady } from './page-join.ts';
import { forkChild, machineBusyMs, type Child } from './procs.ts';

const PASSWORD = 'Quiet-harbor-lantern-47';
/** Door calls per kind (after WARM_CALLS of each), in alternating blocks of BLOCK, within DOOR_MS. */
const DOOR_CALLS = 3_000;
const WARM_CALLS = 300;
const BLOCK = 500;
const DOOR_MS = 14_000;
/** Sequential logins (after 5 warm-up ones), within LOGIN_MS. */
const LOGINS = 80;
const LOGIN_MS = 4_000;
/** The storm: STORM logins sent at once, ROUNDS times, each round after the last has answered. */
const STORM = 50;
const ROUNDS = 4;
/** monitorEventLoopDelay's sampling period in the relay (ms). */
const ELD_RESOLUTION_MS = 1;
/** What the whole part takes at most (relay and sign-in ~15 s; browser and page ~15 s; door calls <= DOOR_MS). */
export const HTTP_BENCH_MS = 50_000;

interface LoopDelay { count: number; min: number; mean: number; p50: number; p99: number; max: number }

/** `relayArgs`: more flags for relay-child.ts (http-quick.ts passes e.g. --bench-memory-db to compare). */
export async function runHttpBench(figures: Figures, deadline: number, { pages = true, relayArgs = [] as string[] } = {}): Promise<void> {
  const built = existsSync(join(DIST, 'index.html'));
  const withPage = pages && built;
  if (!pages) console.log('[relay] http.request_us not measured: BENCH_SKIP_BROWSER (no game page to serve the door)');
  else if (!built) console.log(`[relay] http.request_us not measured: no built game in ${DIST} (the browser part builds it)`);
  const child = forkChild('relay-child.ts', [
    '--port', '0', '--limit', 'connectionsPerIp=100', '--bench-token',
    '--http-limit', 'perMinute=1000000,writesPerMinute=1000000,authPerMinute=1000000,userPerMinute=1000000',
    ...(withPage ? ['--bench-dist', DIST] : []), ...relayArgs,
  ]);
  try {
    const ready = await child.next<{ port: number; token: string }>('ready', 60_000);
    const url = `http://127.0.0.1:${ready.port}`;
    await authFigures(figures, child, url);
    if (withPage && Date.now() + 30_000 < deadline) await doorFigures(figures, url, ready.token, deadline);
    else if (withPage) console.log('[relay] http.request_us not measured: time budget');
  } finally {
    await child.stop();
  }
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function login(url: string, username: string): Promise<number> {
  const t0 = performance.now();
  const res = await post(`${url}/auth/login`, { username, password: PASSWORD });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`POST /auth/login answered ${res.status}: ${text.slice(0, 200)}`);
  return ms;
}

const loopDelay = async (child: Child, during: () => Promise<void>): Promise<LoopDelay> => {
  const started = child.next('eld-started', 5_000);
  child.send({ type: 'eld-start', resolutionMs: ELD_RESOLUTION_MS });
  await started;
  await during();
  const stopped = child.next<LoopDelay>('eld', 5_000);
  child.send({ type: 'eld-stop' });
  return stopped;
};

/** The monitor's interval is in every sample: the delay is the sample less the resolution. */
const lag = (ms: number) => Math.max(0, ms - ELD_RESOLUTION_MS);

async function authFigures(figures: Figures, child: Child, url: string): Promise<void> {
  const username = `bench_${Date.now().toString(36)}`;
  const reg = await post(`${url}/register`, { username, password: PASSWORD, password_confirm: PASSWORD });
  if (!reg.ok) throw new Error(`POST /register answered ${reg.status}: ${(await reg.text()).slice(0, 200)}`);
  for (let i = 0; i < 5; i++) await login(url, username);
  const logins: number[] = [];
  const until = performance.now() + LOGIN_MS;
  while (logins.length < LOGINS && performance.now() < until) logins.push(await login(url, username));
  // Baseline: argon2id alone at the relay's parameters, in this process, as many times.
  const stored = await hashPassword(PASSWORD);
  await verifyPassword(stored, PASSWORD);
  const hashes: number[] = [];
  for (let i = 0; i < logins.length; i++) {
    const t0 = performance.now();
    await verifyPassword(stored, PASSWORD);
    hashes.push(performance.now() - t0);
  }
  const p = (v: number[], q: number) => round(percentile(v, q), 1);
  const note = `${logins.length} sequential logins of one account (Node fetch, keep-alive) vs as many argon2id verifies of the same password ` +
    `at the relay's parameters (m=19456, t=2, p=1) in the bench process; login max ${p(logins, 100)} ms, verify max ${p(hashes, 100)} ms`;
  figures['auth.login_ms_p50'] = { value: p(logins, 50), unit: 'ms', baseline: p(hashes, 50), note };
  figures['auth.login_ms_p95'] = { value: p(logins, 95), unit: 'ms', baseline: p(hashes, 95), note };

  // The storm: rounds of STORM logins at once; the relay's loop delay over them, then idle as long.
  const stormLogins: number[] = [];
  let refused = 0;
  let stormMs = 0;
  const busy0 = machineBusyMs();
  const storm = await loopDelay(child, async () => {
    const t0 = performance.now();
    for (let r = 0; r < ROUNDS; r++) {
      const got = await Promise.allSettled(Array.from({ length: STORM }, () => login(url, username)));
      for (const g of got) if (g.status === 'fulfilled') stormLogins.push(g.value); else refused++;
    }
    stormMs = performance.now() - t0;
  });
  const stormBusy = machineBusyMs() - busy0;
  const idle = await loopDelay(child, () => new Promise((r) => setTimeout(r, stormMs)));
  const eld = (d: LoopDelay) => `p50 ${round(d.p50, 2)}, p99 ${round(d.p99, 2)}, max ${round(d.max, 2)} ms over ${d.count} samples`;
  const stormNote = `${ROUNDS} rounds of ${STORM} POST /auth/login sent at once (${round(stormMs / 1000, 1)} s; ${refused} failed; ` +
    `login p50 ${p(stormLogins, 50)}, p95 ${p(stormLogins, 95)}, max ${p(stormLogins, 100)} ms) vs the same relay idle as long; ` +
    `monitorEventLoopDelay in the relay at ${ELD_RESOLUTION_MS} ms resolution: each sample is the time between two of its timer callbacks, ` +
    `so the figures are the samples less ${ELD_RESOLUTION_MS} ms; raw storm ${eld(storm)}, raw idle ${eld(idle)}; ` +
    `the machine was busy ${round(stormBusy / stormMs, 2)} of its cores over the storm`;
  figures['relay.event_loop_lag_ms_p99'] = { value: round(lag(storm.p99), 2), unit: 'ms', baseline: round(lag(idle.p99), 2), target: '<= 20 ms during the login storm', note: stormNote };
  figures['relay.event_loop_lag_ms_max'] = { value: round(lag(storm.max), 2), unit: 'ms', baseline: round(lag(idle.max), 2), note: 'see relay.event_loop_lag_ms_p99' };
}

/** Runs in the page: `n` sequential GET /player/position through window.spacetime.request, each in ms. */
const IN_PAGE = async (n: number) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await window.spacetime!.request('GET', '/player/position');
    out.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`in-page GET /player/position answered ${res.status}`);
  }
  return out;
};

/**
 * Runs in the page: `n` sequential round trips of one byte over a plain WebSocket to `url` (an echo
 * server in the bench process), each in ms. The browser's own share of any call that reaches a page
 * over a socket, whatever the relay does: the floor under the HTTP door's figure.
 */
const WS_ECHO = async ([url, n]: [string, number]) => {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    ws.send('x');
    await new Promise((resolve) => { ws.onmessage = resolve; });
    out.push(performance.now() - t0);
  }
  ws.close();
  return out;
};

/** A WebSocket echo server on a free loopback port, for WS_ECHO. */
async function echoServer(): Promise<{ url: string; close(): void }> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `ws://127.0.0.1:${port}`, close: () => { wss.close(); server.close(); } };
}

/** The relay's Server-Timing split of each door call (api-door.ts): its own work, and the wait for the page. */
interface Split { relay: number[]; page: number[] }

async function overHttp(url: string, token: string, n: number, split?: Split): Promise<number[]> {
  const out: number[] = [];
  const headers = { authorization: `Bearer ${token}` };
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/player/position`, { headers });
    const body = await res.text();
    out.push(performance.now() - t0);
    const timing = res.headers.get('server-timing') ?? '';
    split?.relay.push(Number(/relay;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    split?.page.push(Number(/page;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    if (res.status !== 200) throw new Error(`GET /player/position over HTTP answered ${res.status}: ${body.slice(0, 200)}`);
  }
  return out;
}

/**
 * For the note: the relay's own routes, no page: `/health` (no token: the HTTP round trip alone) and
 * `/webhooks` (the bearer token checked as the door checks it, then a small database read).
 */
async function relayOwn(url: string, path: string, n: number, token?: string): Promise<number[]> {
  const out: number[] = [];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, { headers });
    await res.text();
    out.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
  }
  return out;
}

async function doorFigures(figures: Figures, url: string, token: string, deadline: number): Promise<void> {
  let browser: Browser | undefined;
  const echo = await echoServer();
  try {
    browser = await chromium.launch(chromiumLaunchOptions((process.env.BENCH_CHROMIUM_ARGS ?? "").split(" ").filter(Boolean)));
    const world = await createWorld(url, 'bench http door');
    let page: Page;
    try {
      page = (await openWhenReady(browser, url, world, 0, Math.max(20_000, deadline - Date.now() - DOOR_MS))).page;
    } catch (e) {
      if (!(e instanceof NoRelayClient)) throw e;
      console.log(`[relay] http.request_us not measured: ${e.message}`);
      return;
    }
    const isolated = await page.evaluate(() => crossOriginIsolated);
    await page.evaluate(IN_PAGE, WARM_CALLS);
    await overHttp(url, token, WARM_CALLS);
    await page.evaluate(WS_ECHO, [echo.url, WARM_CALLS] as [string, number]);
    const split: Split = { relay: [], page: [] };
    const http: number[] = [], inPage: number[] = [], health: number[] = [], hooks: number[] = [], socket: number[] = [];
    const until = Math.min(deadline, Date.now() + DOOR_MS);
    while (http.length < DOOR_CALLS && Date.now() < until) {
      inPage.push(...await page.evaluate(IN_PAGE, BLOCK));
      http.push(...await overHttp(url, token, BLOCK, split));
      health.push(...await relayOwn(url, '/health', BLOCK / 5));
      hooks.push(...await relayOwn(url, '/webhooks', BLOCK / 5, token));
      socket.push(...await page.evaluate(WS_ECHO, [echo.url, BLOCK / 2] as [string, number]));
    }
    const us = (v: number[], q: number) => round(percentile(v, q) * 1000, 0);
    const over95 = us(http, 95) - us(inPage, 95);
    const note = `${http.length} sequential GET /player/position through the relay's HTTP door (Node fetch, Bearer token, keep-alive; ` +
      `one page connected, serving it over its socket) vs ${inPage.length} through window.spacetime.request timed in the page ` +
      `(alternating blocks of ${BLOCK} after ${WARM_CALLS} warm-up calls each; drawing paused); overhead p50 ${us(http, 50) - us(inPage, 50)} µs, ` +
      `p95 ${over95} µs; p99 ${us(http, 99)} vs ${us(inPage, 99)} µs; the relay's own routes from the same client (no page), ` +
      `${health.length} each between the blocks: bare GET /health p50 ${us(health, 50)}, p95 ${us(health, 95)} µs, ` +
      `GET /webhooks with the token p50 ${us(hooks, 50)}, p95 ${us(hooks, 95)} µs; ` +
      `the relay's Server-Timing: its own work (token, scope, budgets) p50 ${us(split.relay, 50)}, p95 ${us(split.relay, 95)} µs, ` +
      `waiting for the page's answer over its socket p50 ${us(split.page, 50)}, p95 ${us(split.page, 95)} µs; ` +
      `the page's timer is ${isolated ? 'cross-origin isolated (5 µs steps)' : 'not isolated (100 µs steps)'}`;
    figures['http.request_us_p50'] = { value: us(http, 50), unit: 'µs', baseline: us(inPage, 50), note };
    figures['http.request_us_p95'] = { value: us(http, 95), unit: 'µs', baseline: us(inPage, 95), target: 'p95 <= baseline + 2000 µs (HTTP door overhead <= 2 ms)', note };
    const wsNote = `${socket.length} round trips of one byte between the same page and a plain WebSocket echo server in the bench process ` +
      `(in blocks of ${BLOCK / 2} between the door's), beside the door's GET /player/position: the browser's own part of any call that ` +
      `reaches the page over a socket; the door's figure less this one is the relay's and the HTTP side's part: ` +
      `p50 ${us(http, 50) - us(socket, 50)} µs, p95 ${us(http, 95) - us(socket, 95)} µs`;
    figures['http.page_socket_rtt_us_p50'] = { value: us(socket, 50), unit: 'µs', baseline: us(http, 50), note: wsNote };
    figures['http.page_socket_rtt_us_p95'] = { value: us(socket, 95), unit: 'µs', baseline: us(http, 95), note: wsNote };
  } finally {
    echo.close();
    await browser?.close();
  }
}
