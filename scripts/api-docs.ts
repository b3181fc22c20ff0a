/**
 * Writes the generated route reference into docs/api.md between `<!-- routes:start -->` and
 * `<!-- routes:end -->`, leaving the hand-written text around the markers alone.
 *   npx tsx scripts/api-docs.ts          rewrite the section
 *   npx tsx scripts/api-docs.ts --check  exit 1 if docs/api.md is out of date (CI)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../src/protocol/routes/index.ts';
import { ROUTES_END, ROUTES_START, renderRouteDocs, spliceGenerated } from '../src/protocol/api-docs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = resolve(root, 'docs/api.md');

/** Only for a first run: the real intro is written by hand around the markers. */
const PLACEHOLDER = `# SpaceTime XR control API

The route reference below is generated from \`src/protocol/routes/\` by \`npx tsx scripts/api-docs.ts\`;
edit the route table, not the generated section.

${ROUTES_START}
${ROUTES_END}
`;

const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
const base = current ?? PLACEHOLDER;
// A lone marker means someone edited by hand; appending a second pair would hide the problem.
if (base.includes(ROUTES_START) !== base.includes(ROUTES_END)) {
  console.error(`docs/api.md has only one of ${ROUTES_START} / ${ROUTES_END}; fix the markers by hand.`);
  process.exit(1);
}
const next = spliceGenerated(base, renderRouteDocs(ROUTES));

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('docs/api.md is out of date with the route table; run `npx tsx scripts/api-docs.ts` and commit the result.');
    process.exit(1);
  }
  console.log('docs/api.md is up to date.');
} else if (next === current) {
  console.log('docs/api.md already up to date.');
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
  console.log(`wrote ${ROUTES.length} routes to docs/api.md`);
}
