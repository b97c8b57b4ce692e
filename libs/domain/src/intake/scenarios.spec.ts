import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeClaim } from './normalize/normalize-claim';
import { isValidNpi } from './normalize/npi';

const dir = join(__dirname, '__fixtures__', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('seed scenario fixtures', () => {
  it('has the eleven scenarios the demo uses', () => {
    expect(files).toHaveLength(11);
  });

  it.each(files)('%s is a valid canonical claim dated 2025', (file) => {
    const input = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const result = normalizeClaim(input, { claimId: `scenario-${file}` });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const claim = result.value;
    expect(claim.lines.every((l) => l.dateOfService.startsWith('2025-'))).toBe(true);
    const npis = [claim.billingProvider.npi, claim.renderingProviderNpi, claim.serviceFacility?.npi].filter((n): n is string => !!n);
    expect(npis.every(isValidNpi)).toBe(true);
    expect(claim.payer).toEqual({ type: 'medicare-part-b', id: expect.stringMatching(/^\d{5}$/) });
  });
});
