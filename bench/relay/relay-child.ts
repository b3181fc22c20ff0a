/**
 * Our relay in its own process for the bench: createRelay (relay/src/server.ts) with the settings
 * parsed from the flags by loadConfig, as `npm run relay` would (`--port 0`: a free port; `--data`:
 * a fixed directory, else a temporary one), and the limits the bench needs raised
 * (`--limit connectionsPerIp=...`: every load-generator connection comes from 127.0.0.1;
 * `--http-limit perMinute=...,authPerMinute=...`: the HTTP door's per-IP budgets, which loadConfig
 * does not read from flags). Sends `{ type: 'ready', port }` (with `--bench-token`, also an admin API
 * token as `npm start` prints one) and answers stats requests (procs.ts) and event-loop delay probes
 * (`eld-start` / `eld-stop`, see below).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { HTTP_LIMITS, loadConfig } from '../../relay/src/config.ts';
import { AccessTokens } from '../../relay/src/auth/access-tokens.ts';
import { createRelay } from '../../relay/src/server.ts';
import { openHub } from '../../relay/src/open-hub.ts';
import { createLogger } from '../../relay/src/log.ts';
import { serveStatic } from '../../relay/src/http/static-files.ts';
import { CALLER_LIMITS } from '../../relay/src/http/rate-limit.ts';
import { serveStats } from './procs.ts';

const given = process.argv.slice(2);
const dataDir = given.includes('--data') ? undefined : mkdtempSync(join(tmpdir(), 'relay-bench-'));
const config = loadConfig([...(dataDir ? ['--data', dataDir] : []), ...given]);
// --bench-memory-db: the same relay on an in-memory SQLite (no file, no fsync): the edit baseline
// "acknowledged without durable storage".
const hub = given.includes('--bench-memory-db') ? await openHub(':memory:', createLogger()) : undefined;
// --bench-dist <dir>: serve that build of the game on the relay's origin, as `npm start --prod` does.
const distAt = given.indexOf('--bench-dist');
const dist = distAt >= 0 ? given[distAt + 1] : undefined;
// --http-limit perMinute=N,authPerMinute=N,userPerMinute=N,...: the HTTP door's per-IP budgets
// (HTTP_LIMITS; all bench calls come from 127.0.0.1) and per-token ones (CALLER_LIMITS, where the relay takes them).
const httpLimits: Record<string, number> = {};
const callerLimits: Record<string, number> = {};
for (const [i, arg] of given.entries()) {
  if (arg !== '--http-limit') continue;
  for (const spec of (given[i + 1] ?? '').split(',').filter(Boolean)) {
    const [key, raw] = spec.split('=');
    const into = key in HTTP_LIMITS ? httpLimits : key in CALLER_LIMITS ? callerLimits : undefined;
    if (!into || !(Number(raw) > 0)) throw new Error(`--http-limit: "${spec}" (known: ${[...Object.keys(HTTP_LIMITS), ...Object.keys(CALLER_LIMITS)].join(', ')}, each > 0)`);
    into[key] = Number(raw);
  }
}
// Not a literal: `callerLimits` is an option only relays that limit per token have.
const options = {
  port: config.port, host: '127.0.0.1', dataDir: config.dataDir, limits: config.limits, hub, httpLimits,
  ...(Object.keys(callerLimits).length ? { callerLimits: { ...CALLER_LIMITS, ...callerLimits } } : {}),
  mountApp: dist ? () => ({ middleware: serveStatic(dist) }) : undefined,
};
const relay = await createRelay(options);
// --bench-token: an admin-scope API token signed with this relay's key, as `npm start` prints (relay/src/main.ts).
const token = given.includes('--bench-token')
  ? (await new AccessTokens({ secret: relay.tokens.secret, lifetimeSeconds: 3600 }).issue({ sub: 'operator', username: 'operator', scopes: ['admin'] })).token
  : undefined;

serveStats();
serveLoopDelay();
process.send?.({ type: 'ready', port: relay.port, url: relay.url, token });

/**
 * `{ type: 'eld-start', resolutionMs }` starts a monitorEventLoopDelay histogram on this (the relay's)
 * event loop, answered by `eld-started`; `{ type: 'eld-stop' }` stops it and answers `eld` with its
 * figures in ms. The histogram records the time between two of the monitor's timer callbacks, so an
 * idle loop records about `resolutionMs` each time: the delay is that less the resolution (the parent
 * reports both).
 */
function serveLoopDelay(): void {
  let h: IntervalHistogram | undefined;
  process.on('message', (m: { type: string; resolutionMs?: number }) => {
    if (m.type === 'eld-start') {
      h?.disable();
      h = monitorEventLoopDelay({ resolution: m.resolutionMs ?? 1 });
      h.enable();
      process.send?.({ type: 'eld-started' });
    } else if (m.type === 'eld-stop' && h) {
      h.disable();
      const ms = (ns: number) => ns / 1e6;
      process.send?.({ type: 'eld', count: h.count, min: ms(h.min), mean: ms(h.mean), p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) });
      h = undefined;
    }
  });
}

let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  // A profile (--cpu-prof) is written on a normal exit only, so close and exit rather than die.
  void relay.close().then(() => hub?.close()).catch(() => undefined).finally(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
