import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ROOT = join(__dirname, '../../../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/** Debian's Chromium, installed by scripts/web-browser.sh (apt-get) when it is missing. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execFileSync('bash', [join(ROOT, 'scripts/web-browser.sh')], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: CHROMIUM } });
}

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs),
    0,
  );
}

/** Builds the client when there is no build or its sources changed since. */
export function ensureClientBuilt(): void {
  const index = join(ROOT, 'services/web/dist-client/index.html');
  const client = join(ROOT, 'services/web/client');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(client, 'src'))) return;
  // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npx', ['vite', 'build', '--config', join(client, 'vite.config.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const shot = (name: string) => join(SCREENSHOTS, `${name}.png`);
