import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, VIEWPORT } from './e2e/helpers/browser.ts';

// E2E_PORT lets a second checkout run its suite beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // Two spec files at a time, each file's tests in order in one worker. The game's frames are drawn by
  // SwiftShader in Chromium's GPU process on its own threads, and much of a test waits on frames,
  // workers and the relay rather than computing: on 2 cores with one kept busy, the suite took 9.0 min
  // with one worker and 6.0 min with two.
  fullyParallel: false,
  workers: 2,
  // Playwright queues a spec whose test type brings its own worker fixtures (multiplayer.spec.ts: a
  // relay and its pages, once per worker) after all the others, so with two workers it ran last and
  // mostly alone. As the first project it starts at once, beside the other specs.
  projects: [
    { name: 'relay', testMatch: 'multiplayer.spec.ts' },
    { name: 'page', testIgnore: 'multiplayer.spec.ts' },
  ],
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // 960×540 unless E2E_W / E2E_H say otherwise (see VIEWPORT); specs in emulated VR use half of it.
    viewport: VIEWPORT,
    launchOptions: chromiumLaunchOptions(),
    // A failed test keeps its trace: every action and expect with its timing and stack, console and
    // network. Not the DOM snapshots taken around every action, nor the screencast: they are recorded
    // for every test (a passing test's trace is thrown away) and, on this SwiftShader page, doubled
    // the desktop spec's time (35 s with them, 17 s without; screencast alone made no difference).
    // The failing moment is still captured, once, by the screenshot below.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A production build in "test" mode: the bridge is on, emulator code stays in its own lazy chunk.
    command: `npx vite build --mode test --logLevel warn && npx vite preview --mode test --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
