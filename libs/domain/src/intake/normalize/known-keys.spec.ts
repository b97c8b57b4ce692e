import { z } from 'zod';
import { ClaimLineSchema, ClaimSchema, LineDocumentationSchema } from '../../claim/claim.schema';
import { CLAIM_KEYS, unknownKeys, type KeySpec } from './known-keys';

const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape).sort();

describe('unknownKeys', () => {
  it('knows exactly the fields of the canonical claim', () => {
    expect(Object.keys(CLAIM_KEYS).sort()).toEqual(keysOf(ClaimSchema));
    const line = (CLAIM_KEYS.lines as { each: KeySpec }).each;
    expect(Object.keys(line).sort()).toEqual(keysOf(ClaimLineSchema));
    expect(Object.keys(line.documentation).sort()).toEqual(keysOf(LineDocumentationSchema));
  });

  it('names each unknown key by path', () => {
    const found = unknownKeys(
      { payr: {}, payer: { typ: 'x' }, lines: [{ code: '77003' }, { 'charg%': 1, documentation: { signed: true } }] },
      CLAIM_KEYS,
    );
    expect(found.map((e) => [e.path, e.code])).toEqual([
      ['payr', 'FIELD_UNKNOWN'],
      ['payer.typ', 'FIELD_UNKNOWN'],
      ['lines[1].charg%', 'FIELD_UNKNOWN'],
      ['lines[1].documentation.signed', 'FIELD_UNKNOWN'],
    ]);
  });

  it('reports a bounded number', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    expect(unknownKeys(many, CLAIM_KEYS)).toHaveLength(20);
  });
});
