/**
 * Our relay in its own process for the bench: createRelay (relay/src/server.ts) with the settings
 * parsed from the flags by loadConfig, as `npm run relay` would, a temporary data directory, and the
 * limits the bench needs raised (`--limit connectionsPerIp=...`: every load-generator connection
 * comes from 127.0.0.1). Sends `{ type: 'ready', port }` and answers stats requests (procs.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../relay/src/config.ts';
import { serveStats } from './procs.ts';

const given = process.argv.slice(2);
const dataDir = given.includes('--data') ? undefined : mkdtempSync(join(tmpdir(), 'relay-bench-'));
const config = loadConfig([...given, ...(dataDir ? ['--data', dataDir] : []), '--port', '0', '--host', '127.0.0.1']);
// Resolved at run time so the bench type-checks before the server lands in the same checkout.
const serverModule: string = '../../relay/src/server.ts';
const { createRelay } = (await import(serverModule)) as {
  createRelay(config: unknown): Promise<{ url: string; port: number; close(): Promise<void> }>;
};
const relay = await createRelay(config);

serveStats();
process.send?.({ type: 'ready', port: relay.port, url: relay.url });

let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  // A profile (--cpu-prof) is written on a normal exit only, so close and exit rather than die.
  void relay.close().catch(() => undefined).finally(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
