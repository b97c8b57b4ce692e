import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimflow/platform';
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

type Json = Parameters<PrismaService['claimLedger']['create']>[0]['data']['claim'];
type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0] & PrismaService;

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
  constructor(private readonly prisma: PrismaService) {}

  /** Which of these submissions were seen before, in one query. */
  findSubmissions(keys: readonly Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.prisma.claimLedger.findMany({
      where: { OR: keys.map((k) => ({ submitterId: k.submitterId, submitterClaimId: k.submitterClaimId, contentHash: k.contentHash })) },
    });
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

  count(where: { submitterId?: string } = {}) {
    return this.prisma.claimLedger.count({ where });
  }
}
