import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../claim/claim.schema';
import { fromFhir } from './fhir/from-fhir';
import { normalizeClaim } from './normalize/normalize-claim';
import { parse837Text } from '../x12/parse-837';

const read = (path: string) => readFileSync(join(__dirname, '__fixtures__', path), 'utf8');
const withoutId = ({ claimId: _id, ...rest }: Claim) => rest;

describe('one claim, three formats', () => {
  it('62323 + 77003-26 in POS 22 normalizes to the same canonical claim from JSON, 837P and FHIR', () => {
    const json = normalizeClaim(JSON.parse(read('json/lesi-pos22.claim.json')), { claimId: 'cf-json' });
    const [x12] = parse837Text(read('x12/single-claim.x12'));
    const [fhir] = fromFhir(JSON.parse(read('fhir/lesi-pos22.claim.fhir.json')));
    if (!json.ok || !x12.result.ok || !fhir.ok) throw new Error('all three fixtures must normalize');
    expect(withoutId(x12.result.value)).toEqual(withoutId(json.value));
    expect(withoutId(fhir.value)).toEqual(withoutId(json.value));
    expect(JSON.stringify(withoutId(fhir.value))).toBe(JSON.stringify(withoutId(x12.result.value)));
    expect(new Set([json.value.claimId, x12.result.value.claimId, fhir.value.claimId]).size).toBe(3);
  });
});
