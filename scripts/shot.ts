// Developer tool: opens the game in headless Chromium, logs the console and bridge state, and saves
// a screenshot. Usage: npx tsx scripts/shot.ts <url> <out.png> [seconds]
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/helpers/browser.ts';

const [url = 'http://localhost:4318/', out = 'shot.png', seconds = '20'] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: Number(process.env.H ?? 720) } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url);
const deadline = Date.now() + Number(seconds) * 1000;
while (Date.now() < deadline) {
  const s = await page.evaluate(() => window.spacetime?.state());
  console.log(JSON.stringify(s && { frame: s.frame, chunks: s.chunks, workers: s.workers, render: s.render, cam: s.camera.position }));
  if (s && s.chunks.wanted > 0 && s.chunks.meshed === s.chunks.wanted) break;
  await page.waitForTimeout(1000);
}
await page.screenshot({ path: out });
await browser.close();
