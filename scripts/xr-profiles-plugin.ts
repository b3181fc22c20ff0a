import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const SOURCE = 'node_modules/@webxr-input-profiles/assets/dist/profiles';
const ROUTE = '/xr-profiles/';

/**
 * Serves the WebXR input-profile layouts (JSON only, a few kB each) from the npm package at
 * /xr-profiles/, so @react-three/xr never asks a CDN for them: a Quest on a LAN and the test
 * machine have no internet. The controller models (.glb, megabytes) are not served: the game
 * draws its own controller bodies.
 */
export function xrProfilesPlugin(): Plugin {
  const files = () => {
    const out = new Map<string, string>([['profilesList.json', join(SOURCE, 'profilesList.json')]]);
    for (const dir of readdirSync(SOURCE, { withFileTypes: true })) {
      const profile = join(SOURCE, dir.name, 'profile.json');
      if (dir.isDirectory() && existsSync(profile)) out.set(`${dir.name}/profile.json`, profile);
    }
    return out;
  };
  return {
    name: 'spacetime-xr-profiles',
    configureServer(server) {
      const map = files();
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const file = path.startsWith(ROUTE) ? map.get(path.slice(ROUTE.length)) : undefined;
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [name, file] of files()) {
        this.emitFile({ type: 'asset', fileName: `xr-profiles/${name}`, source: readFileSync(file) });
      }
    },
  };
}
