// Writes docs/openapi/<service>.json and docs/asyncapi.json from the built contracts (run by the build in scripts/setup.sh).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { apiDocumentFiles } = createRequire(import.meta.url)(join(root, 'dist/libs/contracts/src/index.js'));
for (const [path, text] of Object.entries(apiDocumentFiles())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
