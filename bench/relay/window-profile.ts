/**
 * CPU profile of a relay child over the measuring window only (joins and warm-up left out), through
 * node:inspector in the child itself: the parent sends `{ type: 'profile', action: 'start' }` and
 * then `{ type: 'profile', action: 'stop', file }`; the child writes a .cpuprofile for
 * profile-top.ts and answers `{ type: 'profiled', file }`. Main thread only (where socket.io runs).
 */
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Msg = { type: string; action?: 'start' | 'stop'; file?: string };

export function serveWindowProfile(): void {
  let session: Session | null = null;
  const post = (method: string) => new Promise<unknown>((resolve, reject) =>
    session!.post(method, (err, result) => (err ? reject(err) : resolve(result))));
  process.on('message', (m: Msg) => {
    if (m.type !== 'profile') return;
    void (async () => {
      if (m.action === 'start') {
        session = new Session();
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
      } else if (session && m.file) {
        const { profile } = (await post('Profiler.stop')) as { profile: unknown };
        session.disconnect();
        session = null;
        mkdirSync(dirname(m.file), { recursive: true });
        writeFileSync(m.file, JSON.stringify(profile));
        process.send?.({ type: 'profiled', file: m.file });
      }
    })();
  });
}
