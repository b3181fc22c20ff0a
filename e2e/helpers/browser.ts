import { existsSync } from 'node:fs';

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
