/** Shared by the relay's storage and world tests: temporary databases, a silent logger, edits. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { BrushEdit, BrushOperation } from '../../../src/protocol/terrain.ts';
import { VoxelStore } from '../../../src/engine/voxel-store.ts';

export const silentLog = pino({ level: 'silent' });

/** A fresh directory for a database file; remove() deletes it. */
export function tempDir(): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
  return { dir, file: join(dir, 'relay.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * n deterministic edits on the surface around the origin of (seed, planet), crossing chunk borders
 * so that several chunks and their aprons change.
 */
export function surfaceEdits(seed: number, n: number): BrushEdit[] {
  const probe = new VoxelStore(seed);
  const ops: BrushOperation[] = ['remove', 'add', 'smooth', 'remove'];
  const out: BrushEdit[] = [];
  for (let i = 0; i < n; i++) {
    const x = ((i * 7) % 48) - 24 + 0.5, z = ((i * 13) % 48) - 24 + 0.25;
    const y = Math.floor(probe.columnInfo(x, z).height);
    out.push({ position: { x, y, z }, radius: 3 + (i % 4), strength: 4 + (i % 5), operation: ops[i % ops.length] });
  }
  return out;
}
