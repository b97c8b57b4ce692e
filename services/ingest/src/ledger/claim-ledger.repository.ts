import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import { claimLifecycle, type ClaimEvent, type ClaimLifecycleState } from '@claimflow/domain';
import { RetriableError } from '@claimflow/kafka';
import type { OutboxMessage } from '../outbox/outbox-message';

export interface LedgerEntry {
  readonly id: string;
  readonly submitterId: string;
  readonly submitterClaimId: string;
  readonly contentHash: string;
  readonly format: string;
  readonly frequencyCode: string;
  readonly correlationId: string;
}

/** What the lifecycle decided for one claim, to be persisted as it is. */
export interface Decision {
  readonly claimId: string;
  /** The state the decision was taken on: the write applies only if the row is still there. */
  readonly from: ClaimLifecycleState;
  readonly events: readonly ClaimEvent[];
}

export interface RejectedEntry {
  readonly entry: LedgerEntry;
  /** What the lifecycle decided for the new claim (received, then rejected at intake). */
  readonly events: readonly ClaimEvent[];
  /** The bounded list the submitter was answered with. */
  readonly errors: readonly object[];
}

/** The ledger's unique submission key as one string. */
export const rejectionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

export interface NewClaim {
  readonly entry: LedgerEntry;
  readonly claim?: object;
  readonly events: readonly ClaimEvent[];
}

/** The claim moved while a decision was taken on it: decide again on its new state. */
export class LedgerConflict extends RetriableError {
  constructor() {
    super('the claim moved while a decision was taken on it');
    this.name = 'LedgerConflict';
  }
}

type Json = Parameters<LedgerDb['claimLedger']['create']>[0]['data']['claim'];
type Tx = Parameters<Parameters<LedgerDb['$transaction']>[0]>[0] & LedgerDb;

/** The row columns a run of events sets, beyond the status and replacement the lifecycle folds to. */
function columnsOf(events: readonly ClaimEvent[], now: Date): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const event of events) {
    switch (event.type) {
      case 'ClaimReceived':
        break;
      case 'ClaimNormalized':
        columns.normalizedAt = now;
        break;
      case 'ClaimValidated':
        columns.validatedAt = now;
        columns.result = event.result as Json;
        break;
      case 'ClaimPriced':
        columns.pricedAt = now;
        columns.result = event.result as Json;
        break;
      case 'ClaimRejected':
        columns.rejectedAt = now;
        columns.errors = event.errors as Json;
        break;
      case 'ClaimReplaced':
      case 'ClaimVoided':
        columns.replacedById = event.by;
        break;
      default:
        return event satisfies never;
    }
  }
  return columns;
}

const stateOf = (row: { status: string; replacedById: string | null } | null): ClaimLifecycleState =>
  row
    ? row.replacedById
      ? { status: row.status as 'normalized', replacedBy: row.replacedById }
      : { status: row.status as 'normalized' }
    : { status: 'unknown' };

/** The claim ledger: persists the lifecycle's decisions, and the messages they owe the broker, in one transaction. */
@Injectable()
export class ClaimLedgerRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /** Which of these submissions were seen before, in one query. */
  findSubmissions(keys: readonly Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.prisma.claimLedger.findMany({
      where: { OR: keys.map((k) => ({ submitterId: k.submitterId, submitterClaimId: k.submitterClaimId, contentHash: k.contentHash })) },
    });
  }

  /**
   * Records a submission's rejected claims in one statement. A rejection seen before (a retry, or
   * the same bad claim twice) keeps its first row; the answer maps each submission key to the id
   * on record, so the same rejection answers the same way every time.
   */
  async recordRejected(entries: readonly RejectedEntry[]): Promise<Map<string, string>> {
    const statusOf = (e: RejectedEntry) => this.knownStatus(this.fold(e.events));
    const unique = new Map<string, RejectedEntry>();
    for (const e of entries) if (!unique.has(rejectionKey(e.entry))) unique.set(rejectionKey(e.entry), e);
    const rows = [...unique.values()];
    if (rows.length === 0) return new Map();
    const column = <T>(pick: (e: RejectedEntry) => T) => rows.map(pick);
    const recorded = await this.prisma.$queryRaw<{ id: string; submitter_id: string; submitter_claim_id: string; content_hash: string }[]>`
      INSERT INTO "claim_ledger"
        ("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "status", "correlation_id", "rejected_at", "errors")
      SELECT t."id", t."submitter_id", t."submitter_claim_id", t."content_hash", t."format", t."frequency_code", t."status",
             t."correlation_id", now(), t."errors"::jsonb
      FROM unnest(
        ${column((e) => e.entry.id)}::uuid[], ${column((e) => e.entry.submitterId)}::text[],
        ${column((e) => e.entry.submitterClaimId)}::text[], ${column((e) => e.entry.contentHash)}::text[],
        ${column((e) => e.entry.format)}::text[], ${column((e) => e.entry.frequencyCode)}::text[],
        ${column((e) => e.entry.correlationId)}::text[], ${column((e) => JSON.stringify(e.errors))}::text[],
        ${column(statusOf)}::text[]
      ) AS t("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "correlation_id", "errors", "status")
      ON CONFLICT ("submitter_id", "submitter_claim_id", "content_hash") DO UPDATE SET "id" = "claim_ledger"."id"
      RETURNING "id", "submitter_id", "submitter_claim_id", "content_hash"`;
    return new Map(
      recorded.map((r) => [
        rejectionKey({ submitterId: r.submitter_id, submitterClaimId: r.submitter_claim_id, contentHash: r.content_hash }),
        r.id,
      ]),
    );
  }

  /** Earlier submissions of these claims not yet superseded, with their state. */
  async findSupersedable(entries: readonly Pick<LedgerEntry, 'id' | 'submitterId' | 'submitterClaimId'>[]) {
    if (entries.length === 0) return [];
    const rows = await this.prisma.claimLedger.findMany({
      where: {
        replacedById: null,
        OR: entries.map((e) => ({ submitterId: e.submitterId, submitterClaimId: e.submitterClaimId, id: { not: e.id } })),
      },
      select: { id: true, submitterId: true, submitterClaimId: true, status: true, replacedById: true },
    });
    return rows.map((row) => ({ ...row, state: stateOf(row) }));
  }

  /** Claims whose normalized message is already waiting in the outbox. */
  async withUnsentMessages(claimIds: readonly string[]): Promise<Set<string>> {
    if (claimIds.length === 0) return new Set();
    const rows = await this.prisma.claimOutbox.findMany({
      where: { key: { in: [...claimIds] }, sentAt: null },
      select: { key: true },
    });
    return new Set(rows.map((r) => r.key));
  }

  async state(id: string): Promise<ClaimLifecycleState> {
    return stateOf(await this.prisma.claimLedger.findUnique({ where: { id }, select: { status: true, replacedById: true } }));
  }

  /**
   * New claims, decisions on earlier ones (replacement, void) and the messages owed: all or nothing.
   * Throws a LedgerConflict when an earlier claim moved since the decision was taken.
   */
  async record(claims: readonly NewClaim[], decisions: readonly Decision[], outbox: readonly OutboxMessage[]): Promise<void> {
    const now = new Date();
    await this.prisma.$transaction(async (tx) => {
      if (claims.length > 0)
        await tx.claimLedger.createMany({
          data: claims.map(({ entry, claim, events }) => ({
            ...entry,
            ...columnsOf(events, now),
            status: this.knownStatus(this.fold(events)),
            claim: claim as Json,
          })),
        });
      for (const decision of decisions) await this.persist(tx as Tx, decision, now);
      if (outbox.length > 0)
        await tx.claimOutbox.createMany({ data: outbox.map((m) => ({ ...m, envelope: { ...m.envelope }, payload: m.payload as object })) });
    });
  }

  /**
   * Applies a decision taken on a result message, once per message id. Returns false when that
   * message was applied before (a redelivery). Throws a LedgerConflict when the claim moved meanwhile.
   */
  async apply(messageId: string, decision: Decision): Promise<boolean> {
    const now = new Date();
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.claimInbox.createMany({ data: [{ messageId, claimId: decision.claimId }], skipDuplicates: true });
      if (count === 0) return false;
      await this.persist(tx as Tx, decision, now);
      return true;
    });
  }

  /** Records that a message was seen though it changed nothing, so its redelivery is recognised too. */
  async markSeen(messageId: string, claimId: string): Promise<boolean> {
    const { count } = await this.prisma.claimInbox.createMany({ data: [{ messageId, claimId }], skipDuplicates: true });
    return count > 0;
  }

  private fold(events: readonly ClaimEvent[], from: ClaimLifecycleState = claimLifecycle.initialState()) {
    return events.reduce(claimLifecycle.evolve, from);
  }

  private knownStatus(state: ClaimLifecycleState): string {
    if (state.status === 'unknown') throw new Error('a recorded claim must have a status');
    return state.status;
  }

  private async persist(tx: Tx, { claimId, from, events }: Decision, now: Date): Promise<void> {
    if (events.length === 0) return;
    const status = this.knownStatus(this.fold(events, from));
    const { count } = await tx.claimLedger.updateMany({
      where: { id: claimId, status: this.knownStatus(from), replacedById: 'replacedBy' in from ? (from.replacedBy ?? null) : null },
      data: { ...columnsOf(events, now), status },
    });
    if (count !== 1) throw new LedgerConflict();
  }

  get(id: string) {
    return this.prisma.claimLedger.findUnique({ where: { id } });
  }

  /** A claim as its submitter sees it; another submitter's claim is not found, exactly like an unknown id. */
  getOwned(id: string, submitterId: string) {
    return this.prisma.claimLedger.findFirst({ where: { id, submitterId } });
  }

  count(where: { submitterId?: string } = {}) {
    return this.prisma.claimLedger.count({ where });
  }
}
