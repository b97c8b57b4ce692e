// Runs feedback.bench.ts without a TypeScript runner: .ts files are compiled with @swc/core as
// they are required (with decorator metadata, which Nest's injection needs), @claimflow/* resolves
// to libs/*/src and @claimflow/db to the generated Prisma client, like the tsconfig/jest paths.
// Usage: node scripts/bench/feedback.bench.mjs [reports=1000000] [queries=300] [--keep]
// Env: DATABASE_URL (server to create the bench database on; default postgresql://postgres@127.0.0.1:5432/claimflow)
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
  if (request === '@claimflow/db') return resolve.call(this, path.join(root, 'prisma/generated/client/client.ts'), ...rest);
  const alias = /^@claimflow\/([^/]+)$/.exec(request);
  return resolve.call(this, alias ? path.join(root, 'libs', alias[1], 'src/index.ts') : request, ...rest);
};
Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true }, keepClassNames: true },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('reflect-metadata');
require('./feedback.bench.ts');
