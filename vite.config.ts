import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { xrProfilesPlugin } from './scripts/xr-profiles-plugin.ts';

// COOP/COEP make the page cross-origin isolated, so SharedArrayBuffer is available to workers.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const https =
  process.env.HTTPS_KEY && process.env.HTTPS_CERT
    ? { key: process.env.HTTPS_KEY, cert: process.env.HTTPS_CERT }
    : undefined;

export default defineConfig({
  plugins: [react(), xrProfilesPlugin()],
  // iwer bundles its own three for its dev UI; two copies of three break XR frames.
  resolve: { dedupe: ['three'] },
  server: { headers: isolationHeaders, https: readHttps(https) },
  preview: { headers: isolationHeaders, https: readHttps(https) },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
});

function readHttps(paths: { key: string; cert: string } | undefined) {
  if (!paths) return undefined;
  // A self-signed certificate on the LAN lets a Quest open the game over HTTPS (WebXR needs a secure context).
  return { key: readFileSync(paths.key), cert: readFileSync(paths.cert) };
}
