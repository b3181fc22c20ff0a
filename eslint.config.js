import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
