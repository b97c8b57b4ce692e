// Runs validator.bench.ts without a TypeScript runner: .ts files are compiled with @swc/core as
// they are required, and @claimflow/* resolves to libs/*/src like the tsconfig paths.
// Usage: node scripts/bench/validator.bench.mjs [claims=200000] [dos=2024-08-15] [mix=encounters|random]
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const { transformSync } = require('@swc/core');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@claimflow\/([^/]+)$/.exec(request);
  return resolve.call(this, alias ? path.join(root, 'libs', alias[1], 'src/index.ts') : request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { legacyDecorator: true } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('./validator.bench.ts');
