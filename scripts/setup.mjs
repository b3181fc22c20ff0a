#!/usr/bin/env node
// Installs what a fresh machine lacks, so `npm start` and `npm test` are the only commands anyone needs.
// - node_modules: `npm ci` whenever package-lock.json changed since the last install.
// - with --browser: a system Chromium for Playwright (Playwright's own download cannot work offline).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.setup-stamp');
const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('[setup] installing npm dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}

if (process.argv.includes('--browser')) ensureChromium();

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  if (candidates.some((p) => existsSync(p))) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('[setup] No Chromium found. Install Debian\'s chromium (sudo apt-get install chromium)');
    console.error('        or set CHROMIUM_PATH to a Chromium/Chrome binary, then run again.');
    process.exit(1);
  }
  console.log('[setup] installing Debian chromium for the e2e suite (apt-get)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}
