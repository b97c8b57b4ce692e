import type { Claim } from '../../claim/claim.schema';
import type {
  ClaimOutcome,
  FhirAdjudication,
  FhirClaimResponse,
  FhirCodeableConcept,
  FhirMoney,
  OutcomeEdit,
} from './claim-response.types';
import { SYSTEM } from './fhir-systems';

const CLAIM_ID_SYSTEM = 'https://claimflow.dev/fhir/sid/claim-id';

const usd = (value: number): FhirMoney => ({ value: Math.round(value * 100) / 100, currency: 'USD' });
const category = (code: string): FhirCodeableConcept => ({ coding: [{ system: SYSTEM.adjudication, code }] });

/**
 * A FHIR R4 ClaimResponse for a scrubbed and priced claim: per line the submitted charge,
 * the allowed amount ('eligible'), Medicare's percentage and payment ('benefit'), and each edit
 * as an adjudication reason pointing at a process note that carries its message.
 */
export function toFhirClaimResponse(claim: Claim, outcome: ClaimOutcome): FhirClaimResponse {
  const notes: string[] = [];
  const noteFor = (edit: OutcomeEdit): number => {
    const text = `${edit.code} (${edit.severity}): ${edit.message}`;
    const found = notes.indexOf(text);
    return found >= 0 ? found + 1 : notes.push(text);
  };
  const percent = outcome.benefitPercent ?? 80;
  const byLine = new Map(outcome.lines.map((l) => [l.lineNumber, l]));
  const item = claim.lines.map((line) => {
    const result = byLine.get(line.lineNumber);
    const edits = result?.edits ?? [];
    const adjudication: FhirAdjudication[] = [
      ...(line.charge === undefined ? [] : [{ category: category('submitted'), amount: usd(line.charge) }]),
      { category: category('eligible'), amount: usd(result?.allowed ?? 0) },
      { category: category('eligpercent'), value: percent },
      { category: category('benefit'), amount: usd(result?.medicarePayment ?? 0) },
      ...edits.map((e) => ({
        category: { coding: [{ system: SYSTEM.editSeverity, code: e.severity }] },
        reason: { coding: [{ system: SYSTEM.editCode, code: e.code }], text: e.message },
      })),
    ];
    const noteNumber = edits.map(noteFor);
    return { itemSequence: line.lineNumber, ...(noteNumber.length ? { noteNumber } : {}), adjudication };
  });
  (outcome.claimEdits ?? []).forEach(noteFor);
  const sum = (pick: (l: ClaimOutcome['lines'][number]) => number) => outcome.lines.reduce((acc, l) => acc + pick(l), 0);
  const submitted = claim.lines.reduce((acc, l) => acc + (l.charge ?? 0), 0);
  const denied = outcome.lines.filter((l) => l.edits.some((e) => e.severity === 'deny')).length;
  return {
    resourceType: 'ClaimResponse',
    id: claim.claimId,
    status: 'active',
    type: { coding: [{ system: SYSTEM.claimType, code: claim.claimType }] },
    use: 'claim',
    // ClaimResponse.patient is required; the canonical claim carries no patient, by design.
    patient: { display: 'not carried by ClaimFlow' },
    created: outcome.created,
    insurer: { ...(claim.payer.id ? { identifier: { value: claim.payer.id } } : {}), display: claim.payer.type },
    requestor: { identifier: { system: SYSTEM.npi, value: claim.billingProvider.npi } },
    request: { identifier: { system: CLAIM_ID_SYSTEM, value: claim.claimId } },
    // RemittanceOutcome: 'error' = errors were found in the claim, 'complete' = processed without errors.
    outcome: denied > 0 ? 'error' : 'complete',
    disposition: `${claim.lines.length - denied} of ${claim.lines.length} lines payable`,
    item,
    total: [
      { category: category('submitted'), amount: usd(submitted) },
      { category: category('eligible'), amount: usd(sum((l) => l.allowed)) },
      { category: category('benefit'), amount: usd(sum((l) => l.medicarePayment)) },
    ],
    ...(notes.length ? { processNote: notes.map((text, i) => ({ number: i + 1, type: 'display' as const, text })) } : {}),
  };
}
