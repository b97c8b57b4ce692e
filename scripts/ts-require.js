// Lets Node require TypeScript without a TypeScript runner: .ts files are compiled with @swc/core as they
// are required (decorators and their metadata included, for the Nest services), and the @claimflow/*
// aliases resolve like the tsconfig paths. Used by the benchmarks (scripts/bench/run-ts.mjs) and by worker
// threads started from source (tests): require('scripts/ts-require.js') first. Development only.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { transformSync } = require('@swc/core');
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));

const aliases = [
  [/^@claimflow\/(domain|refdata)\/testing$/, (m) => `libs/${m[1]}/src/testing.ts`],
  [/^@claimflow\/e2e$/, () => 'libs/e2e/test/support/index.ts'],
  [/^@claimflow\/db-(ledger|feedback|refdata|keys)$/, (m) => `prisma/${m[1]}/src/index.ts`],
  [/^@claimflow\/prisma-tooling$/, () => 'prisma/tooling/index.js'],
  [/^@claimflow\/service-([^/]+)$/, (m) => `services/${m[1]}/src/index.ts`],
  [/^@claimflow\/([^/]+)$/, (m) => `libs/${m[1]}/src/index.ts`],
];
if (!Module._extensions['.ts']) {
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
}
require('reflect-metadata');
