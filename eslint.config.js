import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import noImportCycle from './scripts/lint/no-import-cycle.js';

const pureBans = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'engine/ and protocol/ are pure TypeScript: no React.' },
    { group: ['three', 'three/*', '@react-three/*'], message: 'engine/ and protocol/ are pure TypeScript: no three.js.' },
    { group: ['zustand', 'zustand/*'], message: 'engine/ and protocol/ are pure TypeScript: no zustand.' },
    { group: ['comlink'], message: 'engine/ and protocol/ do not know about workers; inject transfer instead.' },
  ],
};

const domGlobals = ['window', 'document', 'navigator', 'HTMLElement', 'HTMLCanvasElement', 'localStorage', 'requestAnimationFrame']
  .map((name) => ({ name, message: 'engine/ and protocol/ run in workers and Node: no DOM.' }));

// Engine-dependent maths would break bit-identical chunks across browsers.
const nonDeterministicMath = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'exp', 'expm1', 'pow', 'log', 'log2', 'log10', 'log1p', 'cbrt', 'hypot', 'sinh', 'cosh', 'tanh', 'random']
  .map((property) => ({ object: 'Math', property, message: 'Not deterministic across JS engines; engine/ uses + - * / sqrt only.' }));

// Layers, bottom up: protocol ← engine ← threads/state/control ← app/scene/xr/ui (ARCHITECTURE.md).
// A zone forbids files under `target` to import anything under `from` except `except`; paths are
// resolved first, so `import type` and `../../` spellings are caught alike.
const outsideSrc = ['./workers', './bench', './e2e', './scripts', './relay'];
const layerZones = [
  {
    target: './src/protocol', from: './src', except: ['./protocol'],
    message: 'protocol/ is the bottom layer: it imports only other protocol/ files and pure packages.',
  },
  {
    target: './src/engine', from: './src', except: ['./engine', './protocol'],
    message: 'engine/ imports only engine/ and protocol/.',
  },
  { target: ['./src/protocol', './src/engine'], from: outsideSrc, message: 'protocol/ and engine/ import nothing outside src/.' },
  {
    target: './relay', from: './src', except: ['./protocol', './engine'],
    message: 'The relay shares only the pure layers (protocol/, engine/) with the page.',
  },
  { target: './src', from: './relay', message: 'The page never imports the relay; they share protocol/.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'e2e/artifacts', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX, spacetime: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // Every cycle, `import type` and dynamic import() included (import-x/no-cycle skips type-only imports).
      'spacetime/no-import-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/protocol/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', pureBans],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-properties': ['error', ...nonDeterministicMath] },
  },
);
