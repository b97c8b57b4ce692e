import { completeValidation, type Edit } from '@claimflow/domain';
import { storedResultFacets, storedValidation, type StoredResult } from './stored-results';
import { LESI_CLAIM } from './testing/lesi-claim.fixture';

const claim = LESI_CLAIM;

const edit = (code: Edit['code'], severity: Edit['severity'], lines: number[]): Edit => ({
  code,
  severity,
  lines,
  message: `${code} on ${lines.join(', ')}`,
  source: { dataset: 'ncci-ptp-practitioner', release: 'NCCI-2024Q3' },
  fix: { action: 'none', detail: '', automatic: false },
});

const findings = (edits: Edit[]) => ({ edits, notChecked: [], releases: ['NCCI-2024Q3'] });
/** A v2 validation as ingest stores it, and the same result whole (as a v1 message carried it). */
const bothForms = (edits: Edit[]): StoredResult[] => [
  storedValidation({ type: 'ClaimValidated.v2', validation: findings(edits) }),
  { validation: completeValidation(claim, findings(edits)) },
];

describe('storedResultFacets: the list facets of a stored result', () => {
  it.each([
    ['a deny edit on a line', [edit('PTP_BUNDLED', 'deny', [2]), edit('MUE_EXCEEDED', 'warn', [1])], true, ['MUE_EXCEEDED', 'PTP_BUNDLED']],
    ['warnings only', [edit('MUE_EXCEEDED', 'warn', [1]), edit('MUE_EXCEEDED', 'warn', [2])], false, ['MUE_EXCEEDED']],
    ['a deny edit naming no line (the claim as a whole)', [edit('PTP_BUNDLED', 'deny', [])], false, ['PTP_BUNDLED']],
    ['no edits', [], false, []],
  ])('%s: the same from either form', (_, edits, denied, editCodes) => {
    for (const stored of bothForms(edits as Edit[])) expect(storedResultFacets(stored)).toEqual({ editCodes, denied });
  });

  it('reads a result without the lists as having no codes and no denied line, as the SQL functions did', () => {
    for (const odd of [{ validation: {} }, { validation: { lines: ['v'] } }, { form: 'compact', validation: { edits: [null] } }])
      expect(storedResultFacets(odd as unknown as StoredResult)).toEqual({ editCodes: [], denied: false });
  });
});
