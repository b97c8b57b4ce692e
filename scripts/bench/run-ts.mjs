// Runs a TypeScript benchmark without a TypeScript runner: .ts files are compiled with @swc/core
// as they are required (decorators and their metadata included, for the Nest services), and the
// @claimflow/* aliases resolve like the tsconfig paths. Usage: node scripts/bench/run-ts.mjs <file.ts> [args...]
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));

const aliases = [
  [/^@claimflow\/db-(ledger|feedback|refdata|keys)$/, (m) => `prisma/${m[1]}/src/index.ts`],
  [/^@claimflow\/prisma-tooling$/, () => 'prisma/tooling/index.js'],
  [/^@claimflow\/service-([^/]+)$/, (m) => `services/${m[1]}/src/index.ts`],
  [/^@claimflow\/([^/]+)$/, (m) => `libs/${m[1]}/src/index.ts`],
];
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [pattern, target] of aliases) {
    const m = pattern.exec(request);
    if (m) return resolve.call(this, path.join(root, target(m)), ...rest);
  }
  return resolve.call(this, request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false, sourceMaps: false });
  module._compile(code, filename);
};

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench/run-ts.mjs <file.ts> [args...]');
  process.exit(2);
}
require('reflect-metadata');
process.argv = [process.argv[0], path.resolve(file), ...args];
require(path.resolve(file));
