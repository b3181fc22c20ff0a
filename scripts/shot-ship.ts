// Developer tool: the test arena, looking at the parked spacecraft from a few metres away, with the
// controls panel hidden. Usage: npx tsx scripts/shot-ship.ts <out.png> (needs `vite preview --mode test --port 4318`).
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/helpers/browser.ts';

const [out = 'ship.png'] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto('http://localhost:4318/?scene=test_arena');
await page.waitForFunction(() => !!window.spacetime);
await page.evaluate(() => window.spacetime!.ready);
await page.keyboard.press('h');
const ship = await page.evaluate(async () => {
  const st = window.spacetime!;
  await st.player.mode({ mode: 'spacecraft' });
  const at = (await st.player.position()).position;
  await st.player.mode({ mode: 'walking' });
  return at;
});
// Stand 9 m south-east of the ship and face it (yaw 0 looks toward −z, positive turns left).
const from = { x: ship.x + 6, y: 0, z: ship.z + 7 };
const yaw = (Math.atan2(-(ship.x - from.x), -(ship.z - from.z)) * 180) / Math.PI;
console.log(JSON.stringify(await page.evaluate(([p, y]) => window.spacetime!.player.teleport({ position: p, rotation: { x: -5, y, z: 0 } }), [from, yaw] as const)));
await page.evaluate(() => window.spacetime!.frames(20));
await page.screenshot({ path: out });
await browser.close();
