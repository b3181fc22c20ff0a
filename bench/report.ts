/** Prints the figures as a table and writes bench/results/latest.json ({ name: { value, unit, baseline? } }). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figures } from './stats.ts';

export function printTable(figures: Figures): void {
  const rows = Object.entries(figures).map(([name, f]) => [
    name, String(f.value), f.unit, f.baseline === undefined ? '' : String(f.baseline), f.target ?? '',
  ]);
  const head = ['figure', 'value', 'unit', 'baseline', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const notes = Object.entries(figures).filter(([, f]) => f.note);
  if (notes.length) {
    console.log('\nnotes:');
    for (const [name, f] of notes) console.log(`  ${name}: ${f.note}`);
  }
}

export function writeJson(figures: Figures): string {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const out: Record<string, { value: number; unit: string; baseline?: number }> = {};
  for (const [name, f] of Object.entries(figures)) {
    out[name] = f.baseline === undefined ? { value: f.value, unit: f.unit } : { value: f.value, unit: f.unit, baseline: f.baseline };
  }
  const file = dir + 'latest.json';
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  return file;
}
