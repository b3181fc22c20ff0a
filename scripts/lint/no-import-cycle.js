/**
 * ESLint rule: no import cycles between the repo's own modules, counting `import type`,
 * `export … from`, dynamic `import()` and `typeof import()` alike.
 *
 * import-x/no-cycle cannot do this: it always skips type-only imports. This rule reads the other
 * modules' imports with TypeScript's preprocessor (fast: no parse, no type check), follows relative
 * specifiers only (packages are leaves; `?worker` style suffixes are dropped) and reports every
 * import of the linted file from which the import graph leads back to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** file → { mtimeMs, deps } for modules read from disk; rechecked once per linted file. */
const depsCache = new Map();

function isFile(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

/** The file a relative specifier names, or null (packages, missing files). */
export function resolveSpecifier(specifier, fromFile) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return null;
  const clean = specifier.replace(/[?#].*$/, '');
  const base = path.resolve(path.dirname(fromFile), clean);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  // `./x.js` may name x.ts (TypeScript's ESM convention).
  const js = /\.(m|c)?jsx?$/.exec(base);
  if (js) candidates.push(base.slice(0, -js[0].length) + (js[0].endsWith('x') ? '.tsx' : `.${js[1] ?? ''}ts`));
  return candidates.find(isFile) ?? null;
}

function depsFromDisk(file, checked) {
  const cached = depsCache.get(file);
  if (cached && checked.has(file)) return cached.deps;
  let stat;
  try { stat = fs.statSync(file); } catch { return []; }
  checked.add(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.deps;
  const text = fs.readFileSync(file, 'utf8');
  const deps = [...new Set(ts.preProcessFile(text, true, true).importedFiles
    .map((f) => resolveSpecifier(f.fileName, file))
    .filter((d) => d !== null && d !== file))];
  depsCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, deps });
  return deps;
}

function specifierOf(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return node.source && node.source.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : null;
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference' ? node.moduleReference.expression.value : null;
    case 'TSImportType': {
      const arg = node.source ?? node.argument?.literal ?? node.argument;
      return arg && arg.type === 'Literal' && typeof arg.value === 'string' ? arg.value : null;
    }
    default:
      return null;
  }
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only and dynamic imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{route}}' },
  },
  create(context) {
    const filename = context.physicalFilename;
    if (!path.isAbsolute(filename)) return {};
    const cwd = context.cwd;
    const checked = new Set();
    // Modules already searched without reaching this file: they cannot close a cycle.
    const deadEnds = new Set();
    const imports = [];

    /** The shortest route start → … → filename, or null. */
    function routeBack(start) {
      if (deadEnds.has(start)) return null;
      const parent = new Map([[start, null]]);
      const queue = [start];
      for (let i = 0; i < queue.length; i++) {
        const at = queue[i];
        for (const next of depsFromDisk(at, checked)) {
          if (next === filename) {
            const route = [next];
            for (let n = at; n !== null; n = parent.get(n)) route.unshift(n);
            return route;
          }
          if (parent.has(next) || deadEnds.has(next)) continue;
          parent.set(next, at);
          queue.push(next);
        }
      }
      for (const seen of parent.keys()) deadEnds.add(seen);
      return null;
    }

    const visit = (node) => {
      const specifier = specifierOf(node);
      if (specifier !== null) imports.push({ node, specifier });
    };
    return {
      ImportDeclaration: visit,
      ExportAllDeclaration: visit,
      ExportNamedDeclaration: visit,
      ImportExpression: visit,
      TSImportEqualsDeclaration: visit,
      TSImportType: visit,
      'Program:exit'() {
        const routes = new Map();
        for (const { node, specifier } of imports) {
          const target = resolveSpecifier(specifier, filename);
          if (target === null || target === filename) continue;
          if (!routes.has(target)) routes.set(target, routeBack(target));
          const route = routes.get(target);
          if (route) {
            const shown = [filename, ...route].map((f) => path.relative(cwd, f)).join(' -> ');
            context.report({ node, messageId: 'cycle', data: { route: shown } });
          }
        }
      },
    };
  },
};
