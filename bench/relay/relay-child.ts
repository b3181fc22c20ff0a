/**
 * Our relay in its own process for the bench: createRelay (relay/src/server.ts) with the settings
 * parsed from the flags by loadConfig, as `npm run relay` would (`--port 0`: a free port; `--data`:
 * a fixed directory, else a temporary one), and the limits the bench needs raised
 * (`--limit connectionsPerIp=...`: every load-generator connection comes from 127.0.0.1).
 * Sends `{ type: 'ready', port }` and answers stats requests (procs.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config.ts';
import { createRelay } from '../../relay/src/server.ts';
import { openHub } from '../../relay/src/open-hub.ts';
import { createLogger } from '../../relay/src/log.ts';
import { serveStatic } from '../../relay/src/http/static-files.ts';
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
const relay = await createRelay({
  port: config.port, host: '127.0.0.1', dataDir: config.dataDir, limits: config.limits, hub,
  mountApp: dist ? () => ({ middleware: serveStatic(dist) }) : undefined,
});

serveStats();
process.send?.({ type: 'ready', port: relay.port, url: relay.url });

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
