import type { Claim } from '../../claim/claim.schema';
import { isFinalStatus, type ClaimLifecycleStatus } from '../../claim/lifecycle/claim-lifecycle';
import { err, ok, type Result } from '../../shared/result';
import { elementText, writeInterchange, x12DateTime, type AckEnvelope } from './ack-envelope';
import {
  ACCEPTED_FOR_PROCESSING,
  claimStatusComposite,
  RECEIPT_BY_CLEARINGHOUSE,
  rejectionStatuses,
  type ClaimRejectionReason,
  type ClaimStatus,
} from './claim-status.277ca';

export const IMPLEMENTATION_277CA = '005010X214';

/** One final claim as the ledger holds it. ClaimFlow keeps no patient names: without `patient` a placeholder is written. */
export interface Ack277Claim {
  /** ClaimFlow's claim id, written as the clearinghouse trace number (REF*D9). */
  readonly claimId: string;
  /** CLM01, the patient control number (TRN02 of 2200D): what the PM system matches on. */
  readonly submitterClaimId: string;
  readonly status: ClaimLifecycleStatus;
  /** Why it was rejected (status `rejected`); ignored otherwise. */
  readonly reasons: readonly ClaimRejectionReason[];
  /** Total claim charge (STC04), dollars; 0 when the claim was rejected before its charges could be read. */
  readonly totalCharge: number;
  /** First and last date of service, YYYY-MM-DD; without them (unreadable at intake) DTP*472 is left out. */
  readonly serviceDates?: { readonly from: string; readonly to: string };
  /** Without it (unreadable at intake) the claim sits under the receiver level: the 2000C level is situational. */
  readonly billingProvider?: { readonly npi: string; readonly name?: string };
  /** When the claim became final, YYYY-MM-DD (STC02). */
  readonly finalOn: string;
  readonly patient?: { readonly lastName: string; readonly firstName?: string; readonly memberId: string };
}

export interface Ack277Input {
  readonly envelope: AckEnvelope;
  /** 2100A information source (ClaimFlow, as clearinghouse AY) and 2100B information receiver (the submitter, NM1*41). */
  readonly source: { readonly name: string; readonly id: string };
  readonly receiver: { readonly name: string; readonly id: string };
  /** The submission the claims came in (TRN02 of 2200A and 2200B, BHT03). */
  readonly batchId: string;
  /** When the submission was received, YYYY-MM-DD (DTP*050); processed on envelope.createdAt (DTP*009). */
  readonly receivedOn: string;
  readonly claims: readonly Ack277Claim[];
}

export interface Ack277Error {
  readonly code: 'CLAIM_NOT_FINAL' | 'NO_CLAIMS';
  readonly claimId?: string;
}

/**
 * The 277CA Health Care Claim Acknowledgment (005010X214) of final claims: each claim accepted for processing
 * (A2:20, action WQ) or rejected (action U) with one STC per distinct reason. Claims are grouped under their
 * billing provider (HL 19), each claim a patient level (HL PT). A claim that is not final yet has no 277CA.
 */
export function build277ca(input: Ack277Input): Result<string, Ack277Error> {
  if (input.claims.length === 0) return err({ code: 'NO_CLAIMS' });
  const pending = input.claims.find((c) => !isFinalStatus(c.status));
  if (pending) return err({ code: 'CLAIM_NOT_FINAL', claimId: pending.claimId });
  const { date, time } = x12DateTime(input.envelope.createdAt);
  const batch = elementText(input.batchId, 30);
  const accepted = input.claims.filter((c) => c.status !== 'rejected');
  const rejected = input.claims.filter((c) => c.status === 'rejected');
  const body = [
    `BHT*0085*08*${batch}*${date}*${time}*TH`,
    'HL*1**20*1',
    `NM1*AY*2*${elementText(input.source.name, 60)}*****46*${elementText(input.source.id, 80)}`,
    `TRN*1*${batch}`,
    `DTP*050*D8*${input.receivedOn.replace(/-/g, '')}`,
    `DTP*009*D8*${date}`,
    'HL*2*1*21*1',
    `NM1*41*2*${elementText(input.receiver.name, 60)}*****46*${elementText(input.receiver.id, 80)}`,
    `TRN*2*${batch}`,
    `STC*${claimStatusComposite(RECEIPT_BY_CLEARINGHOUSE)}*${date}*WQ*${amount(sum(input.claims))}`,
    ...(accepted.length ? [`QTY*90*${accepted.length}`] : []),
    ...(rejected.length ? [`QTY*AA*${rejected.length}`] : []),
    ...(accepted.length ? [`AMT*YU*${amount(sum(accepted))}`] : []),
    ...(rejected.length ? [`AMT*YY*${amount(sum(rejected))}`] : []),
  ];
  let hl = 2;
  for (const [npi, claims] of byBillingProvider(input.claims)) {
    let parent = 2;
    if (npi !== undefined) {
      parent = ++hl;
      const name = elementText(claims[0].billingProvider?.name ?? 'BILLING PROVIDER', 60);
      body.push(`HL*${parent}*2*19*1`, `NM1*85*2*${name}*****XX*${elementText(npi, 80)}`);
    }
    for (const claim of claims) body.push(`HL*${++hl}*${parent}*PT`, ...claimSegments(claim));
  }
  return ok(writeInterchange(input.envelope, { transactionSet: '277', implementation: IMPLEMENTATION_277CA, functionalId: 'HN' }, [body]));
}

function claimSegments(claim: Ack277Claim): string[] {
  const p = claim.patient;
  const patient = p
    ? `NM1*QC*1*${elementText(p.lastName, 60)}*${elementText(p.firstName ?? '', 35)}****MI*${elementText(p.memberId, 80)}`
    : 'NM1*QC*1*NOT CARRIED*****MI*NOT CARRIED';
  const on = claim.finalOn.replace(/-/g, '');
  const charge = amount(claim.totalCharge);
  const statuses: ClaimStatus[] = claim.status === 'rejected' ? rejectionStatuses(claim.reasons) : [ACCEPTED_FOR_PROCESSING];
  const action = claim.status === 'rejected' ? 'U' : 'WQ';
  return [
    patient,
    `TRN*2*${elementText(claim.submitterClaimId, 50)}`,
    ...statuses.map((s) => `STC*${claimStatusComposite(s)}*${on}*${action}*${charge}`),
    `REF*D9*${elementText(claim.claimId, 50)}`,
    ...(claim.serviceDates ? [`DTP*472*${serviceDates(claim.serviceDates)}`] : []),
  ];
}

function serviceDates({ from, to }: { from: string; to: string }): string {
  const [f, t] = [from.replace(/-/g, ''), to.replace(/-/g, '')];
  return f === t ? `D8*${f}` : `RD8*${f}-${t}`;
}

function byBillingProvider(claims: readonly Ack277Claim[]): Map<string | undefined, Ack277Claim[]> {
  const groups = new Map<string | undefined, Ack277Claim[]>();
  for (const c of claims) groups.set(c.billingProvider?.npi, [...(groups.get(c.billingProvider?.npi) ?? []), c]);
  return groups;
}

/** The 277CA view of a canonical claim (normalized, so its charges, dates and billing provider are known). */
export function ack277ClaimOf(
  claim: Claim,
  final: { readonly status: ClaimLifecycleStatus; readonly reasons?: readonly ClaimRejectionReason[]; readonly finalOn: string },
): Ack277Claim {
  const dates = claim.lines.map((l) => l.dateOfService).sort();
  return {
    claimId: claim.claimId,
    submitterClaimId: claim.submitterClaimId,
    status: final.status,
    reasons: final.reasons ?? [],
    totalCharge: claim.lines.reduce((total, l) => total + Math.round((l.charge ?? 0) * 100), 0) / 100,
    serviceDates: { from: dates[0], to: dates[dates.length - 1] },
    billingProvider: { npi: claim.billingProvider.npi },
    finalOn: final.finalOn,
  };
}

const sum = (claims: readonly Ack277Claim[]) => claims.reduce((total, c) => total + Math.round(c.totalCharge * 100), 0) / 100;

/** X12 decimal: at most two places, no trailing zeros (1500, 1500.5, 99.99). */
function amount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
