import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/database.ts';
import { createWorldHub } from './world-hub.ts';
import { silentLog, tempDir } from '../test/fixtures.ts';

const CHILD = fileURLToPath(new URL('./durability-child.ts', import.meta.url));
/** Acknowledgements to see before pulling the plug. */
const KILL_AFTER = 300;

let tmp: ReturnType<typeof tempDir> | null = null;
afterEach(() => { tmp?.remove(); tmp = null; });

describe('durability', () => {
  it('kill -9 during a storm of edits loses no acknowledged edit', async () => {
    tmp = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, tmp.file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    let worldId = 0;
    const acked: number[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('world ')) { worldId = Number(line.slice(6)); continue; }
      acked.push(Number(line));
      if (acked.length === KILL_AFTER) child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(worldId).toBeGreaterThan(0);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const db = openDatabase({ file: tmp.file });
    try {
      const rows = await db.selectFrom('terrain_edits').select('edit_seq').where('world_id', '=', worldId).orderBy('edit_seq').execute();
      const logged = rows.map((r) => r.edit_seq);
      // The log is 1..n with no gap (it may hold edits committed but not yet acknowledged when killed).
      expect(logged).toEqual(Array.from({ length: logged.length }, (_, i) => i + 1));
      const present = new Set(logged);
      expect(acked.filter((s) => !present.has(s))).toEqual([]);
      // Acknowledged in order too.
      expect(acked.every((s, i) => i === 0 || s > acked[i - 1])).toBe(true);

      // A restarted relay carries on after the last durable edit.
      const hub = await createWorldHub({ db, dialect: 'sqlite', log: silentLog });
      const svc = (await hub.open(worldId))!;
      expect(svc.editSeq).toBe(logged.length);
      await hub.close();
    } finally {
      await db.destroy();
    }
  });
});
