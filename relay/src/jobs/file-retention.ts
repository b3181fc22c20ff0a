/**
 * The world files jobs leave in the data directory do not pile up for ever: exports (a download a
 * caller asked for) go once they are EXPORT_KEEP_DAYS old, and of each world's backups only the
 * newest BACKUPS_KEPT stay. GET /jobs/:id/result answers 404 for a file that went, naming why.
 * Run when the relay starts and every hour after (job-service.ts).
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export const EXPORT_KEEP_DAYS = 7;
export const BACKUPS_KEPT = 10;
const DAY_MS = 86_400_000;
/** backups/world-<id>-<stamp>.stworld.gz (job-service.ts names them so). */
const BACKUP_NAME = /^world-(\d+)-.+\.stworld\.gz$/;

export interface SweepOptions { now?: number; exportKeepDays?: number; backupsKept?: number }

/** Deletes what is past keeping; returns the data-dir-relative paths it removed. */
export async function sweepJobFiles(dataDir: string, o: SweepOptions = {}): Promise<string[]> {
  const now = o.now ?? Date.now();
  const removed: string[] = [];
  const exports = await filesIn(join(dataDir, 'exports'));
  for (const f of exports) {
    if (now - f.mtimeMs > (o.exportKeepDays ?? EXPORT_KEEP_DAYS) * DAY_MS) removed.push(await drop(dataDir, 'exports', f.name));
  }
  const byWorld = new Map<string, FileInfo[]>();
  for (const f of await filesIn(join(dataDir, 'backups'))) {
    const world = BACKUP_NAME.exec(f.name)?.[1];
    if (world === undefined) continue;
    byWorld.set(world, [...(byWorld.get(world) ?? []), f]);
  }
  for (const files of byWorld.values()) {
    // Newest first; equal times by name, so the choice does not depend on the directory's order.
    files.sort((a, b) => b.mtimeMs - a.mtimeMs || b.name.localeCompare(a.name));
    for (const f of files.slice(o.backupsKept ?? BACKUPS_KEPT)) removed.push(await drop(dataDir, 'backups', f.name));
  }
  return removed.filter((p) => p !== '');
}

interface FileInfo { name: string; mtimeMs: number }

async function filesIn(dir: string): Promise<FileInfo[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: FileInfo[] = [];
  for (const name of names) {
    // A `.part` is a file still being written (world-export.ts renames it when done).
    if (name.endsWith('.part')) continue;
    const s = await stat(join(dir, name)).catch(() => null);
    if (s?.isFile()) out.push({ name, mtimeMs: s.mtimeMs });
  }
  return out;
}

async function drop(dataDir: string, dir: string, name: string): Promise<string> {
  try {
    await unlink(join(dataDir, dir, name));
    return `${dir}/${name}`;
  } catch {
    return '';
  }
}
