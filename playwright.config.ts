import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/helpers/browser.ts';

// E2E_PORT lets a second checkout run its suite beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // SwiftShader draws every pixel on the CPU: 960×540 runs the suite about 40% faster than 1280×720
    // and still leaves the HUD its room. E2E_W / E2E_H override it (e.g. to look at a bigger screen).
    viewport: { width: Number(process.env.E2E_W ?? 960), height: Number(process.env.E2E_H ?? 540) },
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
