// Runs a TypeScript benchmark without a TypeScript runner (the hook of scripts/ts-require.js: @swc/core,
// and the @claimflow/* aliases). Usage: node scripts/bench/run-ts.mjs <file.ts> [args...]
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
require('../ts-require.js');

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(file), ...args];
require(path.resolve(file));
