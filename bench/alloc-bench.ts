/** Spawns alloc-child.ts under `node --expose-gc --import tsx` and records mesh.alloc_bytes_per_call. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { round, type Figures } from './stats.ts';

interface AllocResult { bytesPerCall: number; perField: Record<string, number>; switching: number; gcs: number }

export function runAllocBench(figures: Figures): void {
  const child = fileURLToPath(new URL('./alloc-child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop()!) as AllocResult;
  const per = Object.entries(r.perField).map(([k, v]) => `${k} ${round(v, 1)}`).join(', ');
  figures['mesh.alloc_bytes_per_call'] = {
    value: round(r.bytesPerCall, 1), unit: 'B', target: '0',
    note: `heap delta/2000 calls, same buffer: ${per}; alternating buffers ${round(r.switching, 1)}; non-forced GCs ${r.gcs}`,
  };
}
