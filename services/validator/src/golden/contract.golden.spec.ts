import { loadDefaultCatalog } from '@claimflow/refdata';
import { ValidationResultSchema } from '@claimflow/contracts';
import type { RefDataCatalog } from '@claimflow/domain';
import { check } from './golden.helpers';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

/** Results travel in ClaimValidated.v1: they must parse with the wire schema, after a JSON round trip. */
describe('golden: validation results on the wire', () => {
  it.each([
    [['62323', { code: '77003', modifiers: ['59'] }]],
    [['21550', '77002', '76000']],
    [['64520', { code: '77003', units: 2 }]],
    [['44500', '76001']],
    [['20610', '20552']],
    [['36569', '77001']],
    [['21550', { code: '77002', documentation: { signedReport: false } }]],
  ])('%j parses', (lines) => {
    const result = check(catalog, lines, { placeOfService: '22' });
    const parsed = ValidationResultSchema.safeParse(JSON.parse(JSON.stringify(result)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});
