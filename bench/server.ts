/** Builds the game (mode test) into /tmp/bench-dist and serves it with `vite preview` (COOP/COEP from vite.config.ts). */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';

export const DIST = '/tmp/bench-dist';
export const PORT = 4320;
export const ORIGIN = `http://localhost:${PORT}`;

export function buildGame(): void {
  execFileSync('npx', ['vite', 'build', '--mode', 'test', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export interface Server { proc: ChildProcess; stop(): void }

/** Spawns the preview in its own process group and polls until it answers with COOP/COEP. */
export async function startPreview(timeoutMs = 30_000): Promise<Server> {
  const proc = spawn('npx', ['vite', 'preview', '--mode', 'test', '--outDir', DIST, '--port', String(PORT), '--strictPort'], {
    detached: true, stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    if (proc.exitCode !== null || proc.pid === undefined) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  const onExit = () => stop();
  process.once('exit', onExit);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`vite preview exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`${ORIGIN}/`);
      if (res.ok) {
        if (res.headers.get('cross-origin-embedder-policy') !== 'require-corp') console.warn('[bench] preview lacks COEP header');
        return { proc, stop: () => { process.off('exit', onExit); stop(); } };
      }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error('vite preview did not answer in time');
}
