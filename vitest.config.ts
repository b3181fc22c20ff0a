import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'relay/**/*.test.ts'],
    environment: 'node',
    // Timeouts only catch hangs: the default 5 s failed meshing tests on a machine with its cores busy.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
