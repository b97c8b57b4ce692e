import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

describe('generated SDK types', () => {
  it.each(['ingest', 'feedback'])('the %s types are what openapi-typescript makes of the checked-in document', (service) => {
    const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
    const generated = execFileSync(process.execPath, [cli, join(root, `docs/openapi/${service}.json`)], { encoding: 'utf8' });
    expect(readFileSync(join(__dirname, `generated/${service}.ts`), 'utf8')).toBe(generated);
  });
});
