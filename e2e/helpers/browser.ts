import { existsSync } from 'node:fs';

/**
 * The page size of every spec. SwiftShader draws every pixel on the CPU: 960×540 runs the suite about
 * 40% faster than 1280×720 and still leaves the HUD its room. E2E_W / E2E_H override it (e.g. to look
 * at a bigger screen).
 */
export const VIEWPORT = { width: Number(process.env.E2E_W ?? 960), height: Number(process.env.E2E_H ?? 540) };

/**
 * The page size of specs that enter emulated VR: half of VIEWPORT each way. Outside VR the game draws
 * at device pixel ratio 0.5 on a software renderer (a quarter of VIEWPORT's pixels); in VR, IWER draws
 * both eyes into the page's canvas, which it resizes to the window at ratio 1, so at VIEWPORT an XR
 * frame has four times the pixels of a desktop frame and ran at 3-6 fps here. The emulated headset
 * poses, rays and buttons do not depend on the window's size; only the mirror the screenshots show does.
 */
export const XR_VIEWPORT = { width: Math.round(VIEWPORT.width / 2), height: Math.round(VIEWPORT.height / 2) };

/** Debian's Chromium, with the flags that work headless as root on a closed network. */
export function chromiumLaunchOptions(extraArgs: string[] = []) {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
    .find((p): p is string => !!p && existsSync(p));
  if (!executablePath) throw new Error('No Chromium found: run `npm test` (it installs Debian chromium) or set CHROMIUM_PATH.');
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  };
}
