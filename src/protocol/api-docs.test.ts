import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes/index.ts';
import { ROUTES_END, ROUTES_START, extractGenerated, renderRouteDocs, spliceGenerated } from './api-docs.ts';

// Relative to this file, so the test does not depend on the directory vitest was started from.
const DOC_URL = new URL('../../docs/api.md', import.meta.url);
const rendered = renderRouteDocs(ROUTES);

/** One route's section: from its heading to the next route or group heading. */
function section(text: string, method: string, path: string): string {
  const start = text.indexOf(`### ${method} ${path}\n`);
  if (start < 0) return '';
  const rest = text.slice(start + 4);
  const next = rest.search(/^#{2,3} /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('docs/api.md route reference', () => {
  it('is what the route table renders (run `npx tsx scripts/api-docs.ts` after changing routes)', () => {
    const doc = readFileSync(DOC_URL, 'utf8');
    expect(extractGenerated(doc)).toBe(rendered);
  });

  it('has every route, with an in-page call and a curl example', () => {
    for (const r of ROUTES) {
      const s = section(rendered, r.method, r.path);
      expect(s, `${r.method} ${r.path}`).not.toBe('');
      expect(s).toContain(`await window.spacetime.request('${r.method}', '${r.path}`);
      expect(s).toContain(`curl -X ${r.method} `);
      if (r.example.body !== undefined) expect(s).toContain('```json');
      expect(s).toContain('Status codes:');
    }
  });

  it('renders deterministically', () => {
    expect(renderRouteDocs(ROUTES)).toBe(rendered);
  });

  it('replaces only the text between the markers', () => {
    const doc = `# Intro\n\nhand-written\n\n${ROUTES_START}\nold\n${ROUTES_END}\n\n## Outro\n`;
    const next = spliceGenerated(doc, 'new\n');
    expect(next.startsWith('# Intro\n\nhand-written\n\n')).toBe(true);
    expect(next.endsWith(`${ROUTES_END}\n\n## Outro\n`)).toBe(true);
    expect(extractGenerated(next)).toBe('new\n');
    expect(spliceGenerated(next, 'new\n')).toBe(next);
  });
});
