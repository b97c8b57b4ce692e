import { detectFormat } from './detect-format';

const isa = 'ISA*00*          *00*          *ZZ*NORTHSIDEPAIN  *ZZ*CLAIMFLOW      *250315*1200*^*00501*000000101*0*T*:~';

describe('detectFormat', () => {
  it.each([
    ['application/json', '{"submitterClaimId":"A-1","lines":[]}', 'json'],
    ['application/json; charset=utf-8', '  {\n  "resourceType": "Claim"', 'fhir'],
    ['application/fhir+json', '{"resourceType":"Bundle"', 'fhir'],
    ['Application/FHIR+JSON;fhirVersion=4.0', '{}', 'fhir'],
    ['application/edi-x12', isa, 'x12'],
    ['text/plain', `\uFEFF\r\n${isa}`, 'x12'],
    ['', isa, 'x12'],
    ['', '{"lines":[]}', 'json'],
    // Regression (issue 12): an array of canonical claims was refused.
    ['', '[ {"submitterClaimId":"A-1"}, {"submitterClaimId":"A-2"} ]', 'json'],
    ['application/json', '\n[{"lines":[]}]', 'json'],
  ])('%s + %j -> %s', (type, head, expected) => {
    expect(detectFormat(type, head)).toBe(expected);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/edi-x12', 'GS*HC*A*B'],
    ['application/json', '<xml/>'],
    ['application/xml', '<Claim/>'],
    ['application/fhir+json', 'ISA*00'],
  ])('%s + %j -> null', (type, head) => {
    expect(detectFormat(type, head)).toBeNull();
  });
});
