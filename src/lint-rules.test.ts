/**
 * The lint rules that hold the layers and forbid import cycles (eslint.config.js) really fire:
 * an upward import and a cycle are reported, a clean file is not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesFired(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

// The first lint loads the config, the plugins and the TypeScript resolver (seconds on a busy machine).
beforeAll(() => rulesFired('export {};\n', join(root, 'src/protocol/lint-probe.ts')), 60_000);

describe('layer rules', { timeout: 20_000 }, () => {
  it('report protocol/ importing from state/ (type-only imports too)', async () => {
    const code = "import type { SettingsStore } from '../state/settings.ts';\nexport type S = SettingsStore;\n";
    expect(await rulesFired(code, join(root, 'src/protocol/lint-probe.ts'))).toContain('import-x/no-restricted-paths');
  });

  it('report protocol/ importing from engine/', async () => {
    const code = "import { chunkKey } from '../engine/chunk-key.ts';\nexport const k = chunkKey(0, 0, 0);\n";
    expect(await rulesFired(code, join(root, 'src/protocol/lint-probe.ts'))).toContain('import-x/no-restricted-paths');
  });

  it('report engine/ importing from app/ and threads/', async () => {
    const app = "import type { Game } from '../app/game.ts';\nexport type G = Game;\n";
    expect(await rulesFired(app, join(root, 'src/engine/lint-probe.ts'))).toContain('import-x/no-restricted-paths');
    const threads = "import { JobQueue } from '../../threads/job-queue.ts';\nexport const q = new JobQueue();\n";
    expect(await rulesFired(threads, join(root, 'src/engine/player/lint-probe.ts'))).toContain('import-x/no-restricted-paths');
  });

  it('pass a clean protocol file and a clean engine file', async () => {
    const protocol = "import { z } from 'zod';\nimport { CHUNK_SIZE } from './world.ts';\nexport const S = z.number().max(CHUNK_SIZE);\n";
    expect(await rulesFired(protocol, join(root, 'src/protocol/lint-probe.ts'))).toEqual([]);
    const engine = "import { CHUNK_SIZE } from '../protocol/world.ts';\nimport { chunkKey } from './chunk-key.ts';\nexport const k = chunkKey(CHUNK_SIZE, 0, 0);\n";
    expect(await rulesFired(engine, join(root, 'src/engine/lint-probe.ts'))).toEqual([]);
  });
});

describe('import cycle rule', { timeout: 20_000 }, () => {
  // Fixture modules on disk (the rule follows imports through the files), in a dot folder that
  // tsc and vitest do not pick up; removed afterwards.
  let dir = '';
  const files: Record<string, string> = {
    'type-a.ts': "import type { B } from './type-b.ts';\nexport interface A { b?: B }\n",
    'type-b.ts': "import type { A } from './type-a.ts';\nexport interface B { a?: A }\n",
    'value-a.ts': "import { b } from './value-b.ts';\nexport const a = (): number => b + 1;\n",
    'value-b.ts': "import { c } from './value-c.ts';\nexport const b = c * 2;\n",
    'value-c.ts': "import { a } from './value-a.ts';\nexport const c = 1;\nexport const later = (): number => a();\n",
    'clean-a.ts': "import type { Leaf } from './clean-leaf.ts';\nimport { leaf } from './clean-leaf.ts';\nexport const x: Leaf = leaf;\n",
    'clean-leaf.ts': "export interface Leaf { n: number }\nexport const leaf: Leaf = { n: 1 };\n",
  };

  beforeAll(() => {
    dir = mkdtempSync(join(root, 'src', '.lint-fixture-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lint = (name: string) => rulesFired(files[name], join(dir, name));

  it('reports a cycle of type-only imports', async () => {
    expect(await lint('type-a.ts')).toContain('spacetime/no-import-cycle');
    expect(await lint('type-b.ts')).toContain('spacetime/no-import-cycle');
  });

  it('reports a cycle of value imports through three modules', async () => {
    expect(await lint('value-a.ts')).toContain('spacetime/no-import-cycle');
    expect(await lint('value-c.ts')).toContain('spacetime/no-import-cycle');
  });

  it('passes modules without a cycle', async () => {
    expect(await lint('clean-a.ts')).toEqual([]);
    expect(await lint('clean-leaf.ts')).toEqual([]);
  });
});
