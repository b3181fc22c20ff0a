/**
 * A real relay (`relay/src/serve.ts --prod`: the relay and the e2e build in dist/ on one origin) as
 * a child process of the test: started on a free port with a temporary data directory, killed with
 * SIGKILL, restarted on the same port and data directory, and cleaned up. The child is node itself
 * (`node --import tsx`), not an npx or tsx wrapper, so the PID we signal is the one that listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RelayProcess {
  /** http://localhost:<port>: the page and the relay routes. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The listening process's id (changes on restart). */
  readonly pid: number;
  /** Everything the relay printed, all runs (also in test-results/relay-<port>.log). */
  output(): string;
  /** SIGKILL: no clean shutdown, no flush; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory (after kill() or stop()). */
  restart(): Promise<void>;
  /** SIGTERM (a clean close), then removes the data directory unless it was given. */
  stop(): Promise<void>;
}

export interface StartRelayOptions {
  /** 0 (default): a free port chosen by the OS. */
  port?: number;
  /** Default: a new temporary directory, removed by stop(). */
  dataDir?: string;
  /** More flags, e.g. ['--limit', 'editsPerSecond=20']. */
  args?: string[];
  /** How long to wait for the printed URL. */
  startTimeoutMs?: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const URL_LINE = /SpaceTime XR relay: (https?:\/\/[^\s]+:(\d+))/;

export async function startRelay(opts: StartRelayOptions = {}): Promise<RelayProcess> {
  const ownsData = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'spacetime-e2e-relay-'));
  const timeout = opts.startTimeoutMs ?? 60_000;
  let output = '';
  let log: WriteStream | null = null;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let port = opts.port ?? 0;
  let url = '';

  const launch = () => new Promise<void>((resolveStart, rejectStart) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'relay/src/serve.ts', '--prod', '--port', String(port), '--data', dataDir, ...(opts.args ?? [])], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.RELAY_LOG_LEVEL ?? 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    exited = new Promise<void>((done) => proc.once('exit', () => done()));
    let started = false;
    const timer = setTimeout(() => {
      if (started) return;
      proc.kill('SIGKILL');
      rejectStart(new Error(`the relay printed no URL within ${timeout} ms:\n${output.slice(-4000)}`));
    }, timeout);
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      log?.write(text);
      const m = !started && URL_LINE.exec(output);
      if (m) {
        started = true;
        clearTimeout(timer);
        url = m[1];
        port = Number(m[2]);
        if (!log) {
          mkdirSync(join(ROOT, 'test-results'), { recursive: true });
          log = createWriteStream(join(ROOT, 'test-results', `relay-${port}.log`), { flags: 'a' });
          log.write(output);
        }
        resolveStart();
      }
    };
    proc.stdout.on('data', take);
    proc.stderr.on('data', take);
    proc.once('exit', (code, signal) => {
      const line = `\n[e2e] relay pid ${proc.pid} exited (code ${code}, signal ${signal})\n`;
      output += line;
      log?.write(line);
      if (!started) {
        clearTimeout(timer);
        rejectStart(new Error(`the relay exited before it listened (code ${code}, signal ${signal}):\n${output.slice(-4000)}`));
      }
    });
  });

  const signal = async (sig: NodeJS.Signals) => {
    const proc = child as ChildProcess | null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(sig);
    await exited;
  };

  await launch();
  return {
    get url() { return url; },
    get port() { return port; },
    dataDir,
    get pid() { return (child as ChildProcess | null)?.pid ?? -1; },
    output: () => output,
    kill: () => signal('SIGKILL'),
    async restart() {
      await signal('SIGKILL');
      output += `\n[e2e] restarting on port ${port}\n`;
      await launch();
    },
    async stop() {
      const proc = child as ChildProcess | null;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        // A clean close saves players' states; do not wait forever on a stuck one.
        const force = setTimeout(() => proc.kill('SIGKILL'), 10_000);
        await signal('SIGTERM');
        clearTimeout(force);
      }
      (log as WriteStream | null)?.end();
      if (ownsData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
