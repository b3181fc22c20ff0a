/**
 * Child processes for the relay bench. Relays and load generators each run in their own Node
 * process (forked through tsx) so the relay's CPU and heap are its own and the load generator's
 * work never lands on the relay's event loop. They talk over the fork IPC channel: a child sends
 * `{ type: 'ready', ... }` once it can be used, and answers `{ type: 'stats' }` with its CPU and heap.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveWindowProfile } from './window-profile.ts';

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

export interface ProcStats { type: 'stats'; cpuMs: number; heapUsed: number; rss: number }
type Msg = { type: string } & Record<string, unknown>;

export class Child {
  private waiters: Array<{ type: string; resolve: (m: Msg) => void }> = [];
  /** Messages nobody waited for yet (a result can follow its phase message within a tick). */
  private queue: Msg[] = [];
  /** Message types handed to a handler as they come (never queued): see `on`. */
  private handlers = new Map<string, (m: Msg) => void>();
  readonly exited: Promise<number | null>;
  constructor(readonly proc: ChildProcess, readonly name: string) {
    proc.on('message', (m: Msg) => {
      const handler = this.handlers.get(m.type);
      if (handler) { handler(m); return; }
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
      else this.queue.push(m);
    });
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  /** Resolves with the next message of `type`; rejects if the child exits or `timeoutMs` passes. */
  next<T = Msg>(type: string, timeoutMs: number): Promise<T> {
    const queued = this.queue.findIndex((m) => m.type === type);
    if (queued >= 0) return Promise.resolve(this.queue.splice(queued, 1)[0] as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.name}: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
      const waiter = { type, resolve: (m: Msg) => done(undefined, m) };
      const onExit = (code: number | null) => done(new Error(`${this.name} exited (${code}) before '${type}'`));
      const done = (err?: Error, m?: Msg) => {
        clearTimeout(timer);
        this.proc.off('exit', onExit);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (err) reject(err); else resolve(m as T);
      };
      this.proc.once('exit', onExit);
      this.waiters.push(waiter);
    });
  }

  /** Every message of `type` goes to `handler` from now on, none to `next` (a stream, not a reply). */
  on<T = Msg>(type: string, handler: (m: T) => void): void { this.handlers.set(type, handler as (m: Msg) => void); }

  send<T extends { type: string }>(m: T): void { if (this.proc.connected) this.proc.send(m); }

  /**
   * CPU time (user + system, all threads) from /proc, in ms: unlike an IPC request this does not
   * wait on the child's event loop, which is exactly what is busy when a relay saturates.
   */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS) * 1000;
  }

  async stats(): Promise<ProcStats> {
    const reply = this.next<ProcStats>('stats', 5_000);
    this.send({ type: 'stats' });
    return reply;
  }

  /** SIGTERM, then SIGKILL if it lingers: a collapsed relay must not hang the bench. */
  async stop(graceMs = 3_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Busy CPU time of the whole machine in ms (all cores, /proc/stat): shows what else ran beside the bench. */
export function machineBusyMs(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  return ((cpu.reduce((a, b) => a + b, 0) - idle) / CLOCK_TICKS) * 1000;
}

/** Forks bench/relay/<file> under tsx; `nodeArgs` e.g. ['--cpu-prof'] for a profile. */
export function forkChild(file: string, args: string[] = [], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Child {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  const proc = fork(path, args, {
    execArgv: [...nodeArgs, '--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const child = new Child(proc, file.replace(/\.ts$/, ''));
  // The bench process may throw or be interrupted: never leave a relay or 500 sockets behind.
  const reap = () => { if (proc.exitCode === null) proc.kill('SIGKILL'); };
  process.once('exit', reap);
  proc.once('exit', () => process.off('exit', reap));
  return child;
}

/** For children: answer the parent's stats requests (CPU of this whole process, user + system). */
export function serveStats(): void {
  process.on('message', (m: Msg) => {
    if (m.type !== 'stats') return;
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    process.send?.({ type: 'stats', cpuMs: (cpu.user + cpu.system) / 1000, heapUsed: mem.heapUsed, rss: mem.rss } satisfies ProcStats);
  });
  serveWindowProfile();
  // The parent went away (bench interrupted): leave too rather than linger with open sockets.
  process.on('disconnect', () => process.exit(0));
}
