/**
 * Old world files go: exports once they are EXPORT_KEEP_DAYS old, backups past the newest
 * BACKUPS_KEPT of each world; files still being written (.part) and anything else stay.
 */
import { mkdirSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, EXPORT_KEEP_DAYS, sweepJobFiles } from '../src/jobs/file-retention.ts';
import { tempDataDir } from './helpers.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 2, 12);
const dirs: Array<{ remove(): void }> = [];
afterEach(() => { for (const d of dirs.splice(0)) d.remove(); });

function file(root: string, path: string, ageMs: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), 'x');
  const t = (NOW - ageMs) / 1000;
  utimesSync(join(root, path), t, t);
}

describe('job file retention', () => {
  it(`removes exports older than ${EXPORT_KEEP_DAYS} days and keeps younger ones and files being written`, async () => {
    const d = tempDataDir();
    dirs.push(d);
    file(d.dir, 'exports/job_old.stworld.gz', (EXPORT_KEEP_DAYS + 1) * DAY);
    file(d.dir, 'exports/job_new.stworld.gz', (EXPORT_KEEP_DAYS - 1) * DAY);
    file(d.dir, 'exports/job_writing.stworld.gz.part', 30 * DAY);
    expect(await sweepJobFiles(d.dir, { now: NOW })).toEqual(['exports/job_old.stworld.gz']);
    expect(existsSync(join(d.dir, 'exports/job_new.stworld.gz'))).toBe(true);
    expect(existsSync(join(d.dir, 'exports/job_writing.stworld.gz.part'))).toBe(true);
    expect(await sweepJobFiles(d.dir, { now: NOW })).toEqual([]);
  });

  it(`keeps the newest ${BACKUPS_KEPT} backups of each world, whatever their age`, async () => {
    const d = tempDataDir();
    dirs.push(d);
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) file(d.dir, `backups/world-1-${String(i).padStart(2, '0')}.stworld.gz`, i * DAY);
    for (let i = 0; i < 2; i++) file(d.dir, `backups/world-2-${i}.stworld.gz`, 400 * DAY);
    file(d.dir, 'backups/notes.txt', 400 * DAY);
    const removed = await sweepJobFiles(d.dir, { now: NOW });
    expect(removed.sort()).toEqual([10, 11, 12].map((i) => `backups/world-1-${i}.stworld.gz`));
    expect(existsSync(join(d.dir, 'backups/world-2-0.stworld.gz'))).toBe(true);
    expect(existsSync(join(d.dir, 'backups/notes.txt'))).toBe(true);
  });

  it('does nothing in a data directory without job files', async () => {
    const d = tempDataDir();
    dirs.push(d);
    expect(await sweepJobFiles(d.dir, { now: NOW })).toEqual([]);
  });
});
