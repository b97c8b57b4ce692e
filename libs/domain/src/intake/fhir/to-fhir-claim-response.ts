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

const INCOMPLETE_LINE = 'incomplete: some edits were not checked against the reference data in force on its date';

/** "Not checked: <families> (<dates>). Run `<command>`.", or '' when everything was checked. */
function uncheckedText(outcome: ClaimOutcome): string {
  const c = outcome.checked;
  if (!c || c.notChecked.length === 0) return '';
  const families = c.notChecked.map((n) => `${n.family} (${n.from === n.to ? n.from : `${n.from} to ${n.to}`}, ${n.reason})`);
  return `Not checked against the reference data in force: ${families.join('; ')}.${c.refreshCommand ? ` To check them, run: ${c.refreshCommand}` : ''}`;
}

const usd = (value: number): FhirMoney => ({ value: Math.round(value * 100) / 100, currency: 'USD' });
const category = (code: string): FhirCodeableConcept => ({ coding: [{ system: SYSTEM.adjudication, code }] });

/**
 * A FHIR R4 ClaimResponse for a scrubbed and priced claim: per line the submitted charge,
 * the allowed amount ('eligible'), Medicare's percentage and payment ('benefit'), and each edit
 * as an adjudication reason pointing at a process note that carries its message.
 */
export function toFhirClaimResponse(claim: Claim, outcome: ClaimOutcome): FhirClaimResponse {
  const notes: string[] = [];
  const unchecked = uncheckedText(outcome);
  // Said first: the disposition and process note 1 name what was not checked and the command that loads it.
  if (unchecked) notes.push(unchecked);
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
      ...(result?.outcome === 'incomplete'
        ? [
            {
              category: { coding: [{ system: SYSTEM.checkOutcome, code: 'incomplete' }] },
              reason: { coding: [{ system: SYSTEM.checkOutcome, code: 'incomplete' }], text: INCOMPLETE_LINE },
            },
          ]
        : []),
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
    outcome: denied > 0 ? 'error' : unchecked ? 'partial' : 'complete',
    disposition: `${unchecked && !denied ? 'Incomplete, not clean: ' : ''}${claim.lines.length - denied} of ${claim.lines.length} lines payable${unchecked ? `. ${unchecked}` : ''}`,
    item,
    total: [
      { category: category('submitted'), amount: usd(submitted) },
      { category: category('eligible'), amount: usd(sum((l) => l.allowed)) },
      { category: category('benefit'), amount: usd(sum((l) => l.medicarePayment)) },
    ],
    ...(notes.length ? { processNote: notes.map((text, i) => ({ number: i + 1, type: 'display' as const, text })) } : {}),
  };
}
