import { Injectable } from '@nestjs/common';
import {
  ack277ClaimOf,
  build277ca,
  build999,
  CLAIM_LIFECYCLE_STATUSES,
  err,
  isFinalStatus,
  ok,
  type Ack277Claim,
  type Claim,
  type ClaimLifecycleStatus,
  type ClaimRejectionReason,
  type Result,
  type X12Party,
} from '@claimflow/domain';
import { AcknowledgmentsRepository, type ClaimAckRow } from './acknowledgments.repository';

/** ClaimFlow as the sender of an acknowledgment when the submitter named no receiver (JSON, FHIR, Kafka). */
const CLAIMFLOW: X12Party = { qualifier: 'ZZ', id: 'CLAIMFLOW' };
const MAX_ID = 15;

/** The submitter as an interchange party: its owner id, within the ISA's 15 characters and without separators. */
const ownerParty = (owner: string): X12Party => ({
  qualifier: 'ZZ',
  id: owner.replace(/[^A-Za-z0-9 ._-]/g, '').slice(0, MAX_ID) || 'SUBMITTER',
});

export type AckRefusal = 'NOT_FOUND' | 'NOT_X12' | 'NO_INTERCHANGE' | 'CLAIM_NOT_FINAL';

function reasonsOf(errors: unknown): ClaimRejectionReason[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e: { code?: unknown; path?: unknown }) =>
    typeof e?.code === 'string' ? [{ code: e.code, ...(typeof e.path === 'string' && e.path ? { path: e.path } : {}) }] : [],
  );
}

function ackClaimOf(row: ClaimAckRow, status: ClaimLifecycleStatus): Ack277Claim {
  const final = { status, reasons: reasonsOf(row.errors), finalOn: row.final_at.slice(0, 10) };
  // A claim refused at intake has no canonical claim: no charges, dates or billing provider to acknowledge.
  if (row.claim) return ack277ClaimOf(row.claim as Claim, final);
  return { claimId: row.id, submitterClaimId: row.submitter_claim_id, totalCharge: 0, ...final };
}

/** The acknowledgments ClaimFlow returns: the 999 of an 837P submission, and the 277CA of a final claim. */
@Injectable()
export class AcknowledgmentsHandler {
  constructor(private readonly store: AcknowledgmentsRepository) {}

  /**
   * The 999 (005010X231A1) of the owner's submission, from what intake found: written the same every time (its
   * control number was taken when the submission was recorded, its date is the submission's).
   */
  async ack999(submissionId: string, owner: string): Promise<Result<string, AckRefusal>> {
    const row = await this.store.findings(submissionId, owner);
    if (!row) return err('NOT_FOUND');
    if (!row.x12) return err('NOT_X12');
    const { sender, receiver, usage, groups, control } = row.x12;
    if (!sender || groups.length === 0) return err('NO_INTERCHANGE');
    const envelope = {
      sender: receiver ?? CLAIMFLOW,
      receiver: sender,
      interchangeControl: control,
      groupControl: control,
      createdAt: new Date(row.received_at),
      usage: usage ?? 'P',
    };
    return ok(build999({ envelope, groups }));
  }

  /** The 277CA (005010X214) of the owner's claim once it is final, with a new control number each time it is written. */
  async ack277(claimId: string, owner: string): Promise<Result<string, AckRefusal>> {
    const row = await this.store.claim(claimId, owner);
    if (!row) return err('NOT_FOUND');
    if (!(CLAIM_LIFECYCLE_STATUSES as readonly string[]).includes(row.status))
      throw new Error('a ledger row has a status outside the claim lifecycle');
    const status = row.status as ClaimLifecycleStatus;
    if (!isFinalStatus(status)) return err('CLAIM_NOT_FINAL');
    const control = await this.store.nextControl();
    const submitter = row.sender ?? ownerParty(owner);
    const built = build277ca({
      envelope: {
        sender: row.receiver ?? CLAIMFLOW,
        receiver: submitter,
        interchangeControl: control,
        groupControl: control,
        createdAt: new Date(),
        usage: row.usage ?? 'P',
      },
      source: { name: 'CLAIMFLOW', id: CLAIMFLOW.id },
      receiver: { name: owner, id: submitter.id },
      batchId: row.submission_id ?? row.id,
      receivedOn: row.received_at.slice(0, 10),
      claims: [ackClaimOf(row, status)],
    });
    return built.ok ? built : err('CLAIM_NOT_FINAL');
  }
}
