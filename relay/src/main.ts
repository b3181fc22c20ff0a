/**
 * `npm run relay`: the relay alone (no page), configured by flags or environment (config.ts).
 * Prints the URL, and on SIGINT/SIGTERM closes cleanly so players' states are saved and pending
 * edits are flushed; SIGKILL loses nothing acknowledged either (edits are durable before the ack).
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config.ts';
import { AccessTokens } from './auth/access-tokens.ts';
import { createLogger, type Logger } from './log.ts';
import { createRelay, type RelayOptions } from './server.ts';

/** Addresses a Quest on the same network can open (the relay listens on all interfaces by default). */
export function lanUrls(port: number, https: boolean): string[] {
  return Object.values(networkInterfaces()).flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => `${https ? 'https' : 'http'}://${a?.address}:${port}`);
}

/** The printed token's lifetime: a working day at the terminal. */
const STARTUP_TOKEN_S = 24 * 3600;

export async function runRelay(extra: Pick<RelayOptions, 'mountApp'> = {}, log: Logger = createLogger()): Promise<void> {
  const config = loadConfig();
  const stopRef: { stop: (signal: string) => void } = { stop: () => undefined };
  const relay = await createRelay({
    onStop: () => stopRef.stop('POST /admin/server/stop'),
    port: config.port, host: config.host, dataDir: config.dataDir, https: config.https, limits: config.limits,
    httpLimits: config.httpLimits, callerLimits: config.httpLimits, log, tokenSecret: config.tokenSecret, telemetryPort: config.telemetryPort, creative: config.creative, ...extra,
  });
  // Seed 000: "Auto-generated on startup and printed to console": admin scope, for the operator at this terminal.
  const startup = await new AccessTokens({ secret: relay.tokens.secret, lifetimeSeconds: STARTUP_TOKEN_S })
    .issue({ sub: 'operator', username: 'operator', scopes: ['admin'] });
  const lan = config.host && config.host !== '0.0.0.0' ? [] : lanUrls(relay.port, Boolean(config.https));
  process.stdout.write(`\n  SpaceTime XR relay: ${relay.url}\n${lan.map((u) => `  on the network:     ${u}\n`).join('')}  data: ${config.dataDir}\n` +
    `\n  API token (admin scope, valid ${STARTUP_TOKEN_S / 3600} h${config.tokenSecret ? '' : ', until the relay stops'}):\n  ${startup.token}\n` +
    `  e.g. curl -H "Authorization: Bearer <token>" ${relay.url}/player/position\n` +
    `  telemetry: ${relay.url.replace(/^http/, 'ws')}/telemetry${relay.telemetryPort ? ` and port ${relay.telemetryPort}` : ''}\n\n`);
  const stop = (signal: string) => {
    log.info({ signal }, 'stopping');
    relay.close().then(() => process.exit(0), (err: unknown) => {
      log.error({ err }, 'close failed');
      process.exit(1);
    });
  };
  stopRef.stop = stop;
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// Run when started directly (tsx relay/src/main.ts), not when imported by serve.ts.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runRelay().catch((err: unknown) => {
    process.stderr.write(`relay failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
