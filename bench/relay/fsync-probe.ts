/**
 * What one durable commit costs on this machine's temp disk, for the edit figures' note: 100
 * appends of 4 KiB each followed by fdatasync, in the directory the relay's database would use.
 * A WAL commit with synchronous=FULL waits for about one of these.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, round } from '../stats.ts';

export function fsyncProbe(count = 100): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'a');
  const page = Buffer.alloc(4096, 7);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      writeSync(fd, page);
      fdatasyncSync(fd);
      times.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return `4 KiB append + fdatasync in ${tmpdir()}: p50 ${round(percentile(times, 50), 2)} / p99 ${round(percentile(times, 99), 2)} ms`;
}
