import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the Vite build is: configured, beside the sources (dev, tests) or under the repo root (compiled). */
export function clientDir(configured: string | undefined): string {
  if (configured) return resolve(configured);
  const candidates = [resolve(__dirname, '../../dist-client'), resolve(process.cwd(), 'services/web/dist-client')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}
