import claimResource from '../__fixtures__/fhir/lesi-pos22.claim.fhir.json';
import { fromFhir } from './from-fhir';
import { toFhirClaimResponse } from './to-fhir-claim-response';

// Allowed amounts for POS 22 in Manhattan (carrier 13202, locality 01), CY2025 MPFS: facility
// RVUs x GPCI (1.065 / 1.166 / 1.656) x 32.3465. 62323: 108.83; 77003-26: 30.20.
const [parsed] = fromFhir(claimResource, { claimIdFor: () => 'cf-lesi-1' });
if (!parsed.ok) throw new Error('fixture must parse');
const claim = parsed.value;

describe('toFhirClaimResponse', () => {
  it('reports eligible and benefit amounts per item and in total', () => {
    const response = toFhirClaimResponse(claim, {
      created: '2025-03-15T12:00:00Z',
      lines: [
        { lineNumber: 1, allowed: 108.83, medicarePayment: 87.06, edits: [] },
        { lineNumber: 2, allowed: 30.2, medicarePayment: 24.16, edits: [] },
      ],
    });
    expect(response).toMatchObject({
      resourceType: 'ClaimResponse',
      id: 'cf-lesi-1',
      outcome: 'complete',
      disposition: '2 of 2 lines payable',
    });
    expect(response.request.identifier?.value).toBe('cf-lesi-1');
    expect(response.requestor.identifier).toEqual({ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' });
    expect(response.item[1]).toEqual({
      itemSequence: 2,
      adjudication: [
        {
          category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'submitted' }] },
          amount: { value: 180, currency: 'USD' },
        },
        {
          category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'eligible' }] },
          amount: { value: 30.2, currency: 'USD' },
        },
        { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'eligpercent' }] }, value: 80 },
        {
          category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code: 'benefit' }] },
          amount: { value: 24.16, currency: 'USD' },
        },
      ],
    });
    expect(response.total.map((t) => [t.category.coding[0].code, t.amount.value])).toEqual([
      ['submitted', 1130],
      ['eligible', 139.03],
      ['benefit', 111.22],
    ]);
    expect(response.processNote).toBeUndefined();
  });

  it('turns edits into adjudication reasons and shared process notes', () => {
    const bundled = {
      code: 'PTP_BUNDLED',
      severity: 'deny' as const,
      message: '77003 is bundled into 62323 (NCCI PTP, modifier indicator 1)',
    };
    const docs = { code: 'DOCUMENTATION', severity: 'warn' as const, message: 'keep saved images with the report' };
    const response = toFhirClaimResponse(claim, {
      created: '2025-03-15T12:00:00Z',
      lines: [
        { lineNumber: 1, allowed: 108.83, medicarePayment: 87.06, edits: [docs] },
        { lineNumber: 2, allowed: 0, medicarePayment: 0, edits: [bundled, docs] },
      ],
      claimEdits: [{ code: 'REFDATA_UNAVAILABLE', severity: 'info', message: '2026 fee schedule is partial' }],
    });
    expect(response.outcome).toBe('error');
    expect(response.disposition).toBe('1 of 2 lines payable');
    expect(response.item.map((i) => i.noteNumber)).toEqual([[1], [2, 1]]);
    expect(response.item[1].adjudication[4]).toEqual({
      category: { coding: [{ system: 'https://claimflow.dev/fhir/CodeSystem/edit-severity', code: 'deny' }] },
      reason: { coding: [{ system: 'https://claimflow.dev/fhir/CodeSystem/edit-code', code: 'PTP_BUNDLED' }], text: bundled.message },
    });
    expect(response.processNote?.map((n) => n.text)).toEqual([
      'DOCUMENTATION (warn): keep saved images with the report',
      'PTP_BUNDLED (deny): 77003 is bundled into 62323 (NCCI PTP, modifier indicator 1)',
      'REFDATA_UNAVAILABLE (info): 2026 fee schedule is partial',
    ]);
  });

  it('says "incomplete" first: outcome partial, the disposition and note 1 name the families not checked and the command', () => {
    const notChecked = [
      {
        dataset: 'ncci-ptp-practitioner' as const,
        family: 'practitioner procedure-to-procedure (bundling) edits',
        reason: 'no-release' as const,
        lines: [1, 2],
        from: '2025-03-10',
        to: '2025-03-10',
      },
    ];
    const response = toFhirClaimResponse(claim, {
      created: '2025-03-15T12:00:00Z',
      lines: [
        { lineNumber: 1, outcome: 'incomplete', allowed: 108.83, medicarePayment: 87.06, edits: [] },
        { lineNumber: 2, outcome: 'incomplete', allowed: 30.2, medicarePayment: 24.16, edits: [] },
      ],
      checked: { outcome: 'incomplete', notChecked, refreshCommand: 'claimflow refdata update --quarter 2025Q1' },
    });
    expect(response.outcome).toBe('partial');
    expect(response.disposition).toMatch(
      /^Incomplete, not clean: 2 of 2 lines payable\. Not checked against the reference data in force: practitioner/,
    );
    expect(response.disposition).toContain('run: claimflow refdata update --quarter 2025Q1');
    expect(response.processNote?.[0].text).toContain('Not checked against the reference data in force');
    expect(response.item[0].adjudication).toContainEqual(
      expect.objectContaining({
        category: { coding: [{ system: 'https://claimflow.dev/fhir/CodeSystem/check-outcome', code: 'incomplete' }] },
      }),
    );
  });
});
