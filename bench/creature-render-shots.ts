/**
 * Screenshots of the creature demo (?creatureDemo=N) for judging the models and their animation by
 * eye: `npx tsx bench/creature-render-shots.ts '<url>' out.png [frames] [teleport x,y,z,yaw,pitch]`.
 * Waits for the world to be ready and streamed, optionally teleports the player (POST
 * /player/teleport), lets `frames` more frames draw (the demo fills the ground under its creatures
 * a few hundred samples a frame) and saves the page.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/helpers/browser.ts';
import { waitStreamed } from './browser-bench.ts';

const [url, out = 'creatures.png', frames = '40', pose] = process.argv.slice(2);
if (!url) throw new Error('usage: creature-render-shots.ts <url> <out.png> [frames] [x,y,z,yaw,pitch]');
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: Number(process.env.H ?? 720) } });
  await page.addInitScript(() => localStorage.setItem('spacetime.helpSeen', '1'));
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}] ${m.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => !!window.spacetime, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.spacetime!.ready);
  if (pose) {
    const [x, y, z, yaw, pitch] = pose.split(',').map(Number);
    const r = await page.evaluate((body) => window.spacetime!.request('POST', '/player/teleport', body), { position: { x, y, z }, rotation: { x: pitch, y: yaw, z: 0 } });
    console.log('teleport', r.status, JSON.stringify(r.body));
  }
  await waitStreamed(page);
  await page.evaluate((n) => window.spacetime!.frames(n), Number(frames));
  const s = await page.evaluate(() => window.spacetime!.state());
  console.log(JSON.stringify({ frame: s.frame, render: s.render, camera: s.camera }));
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
