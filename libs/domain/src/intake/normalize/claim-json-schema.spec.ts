import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimJsonSchema } from './claim-json-schema';

const file = join(__dirname, '../../../../../docs/claim.schema.json');
const rendered = `${JSON.stringify(claimJsonSchema(), null, 2)}\n`;

describe('docs/claim.schema.json', () => {
  // Regenerate with: UPDATE_CLAIM_SCHEMA=1 npx jest libs/domain/src/intake/normalize/claim-json-schema.spec.ts
  if (process.env.UPDATE_CLAIM_SCHEMA === '1') writeFileSync(file, rendered);

  it('is the JSON Schema generated from ClaimSchema', () => {
    expect(readFileSync(file, 'utf8')).toBe(rendered);
  });

  it('describes the canonical fields', () => {
    const schema = JSON.parse(rendered);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(expect.arrayContaining(['claimId', 'submitterClaimId', 'placeOfService', 'billingProvider', 'lines']));
    expect(schema.properties.lines.maxItems).toBe(50);
    expect(schema.properties.lines.items.properties.modifiers.maxItems).toBe(4);
  });
});
