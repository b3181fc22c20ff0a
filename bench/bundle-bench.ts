/**
 * Bundle size: gzip (node:zlib, default level) of the JS the index.html loads up front, i.e. module
 * scripts and modulepreload links plus, transitively, the chunks they import statically
 * (`import ... from "./x.js"` / `import "./x.js"`); dynamic `import()` chunks are excluded.
 * The terrain worker chunk is reported on its own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Figures } from './stats.ts';
import { DIST } from './server.ts';

const gzipKb = (file: string): number => gzipSync(readFileSync(join(DIST, file))).length / 1024;

/** Static import specifiers of an ES module chunk (not dynamic import()). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

export function runBundleBench(figures: Figures): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((p) => p.replace(/^\//, ''));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const spec of staticImports(code)) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(file), spec)));
    }
  }
  const files = [...seen];
  const initial = files.reduce((s, f) => s + gzipKb(f), 0);
  figures['bundle.initial_js_gzip_kb'] = { value: round(initial, 1), unit: 'kB', target: '<= 300', note: files.map((f) => posix.basename(f)).join(' ') };
  const workers = readdirSync(join(DIST, 'assets')).filter((f) => /worker.*\.js$/.test(f));
  const worker = workers.reduce((s, f) => s + gzipKb(join('assets', f)), 0);
  figures['bundle.worker_js_gzip_kb'] = { value: round(worker, 1), unit: 'kB', note: workers.join(' ') };
}
