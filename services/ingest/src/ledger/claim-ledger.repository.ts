import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { ClaimLifecycleState } from '@claimflow/domain';
import type { OutboxMessage } from '../outbox/outbox-message';
import {
  LedgerConflict,
  rejectionKey,
  type BatchDecision,
  type BatchResult,
  type Decision,
  type InboxEntry,
  type LedgerEntry,
  type NewClaim,
  type RejectedEntry,
  type SeenSubmission,
  type SupersedableClaim,
} from './claim-ledger.types';
import { decisionRow, newClaimRowJson, outboxRow, rejectedRow, stateOfRow } from './claim-ledger.projection';
import { FIND_SEEN, FIND_STATES, FIND_SUBMISSIONS, FIND_SUPERSEDABLE, FIND_UNSENT } from './claim-ledger.reads.sql';
import { APPLY_BATCH, APPLY_DECISIONS, INSERT_CLAIMS_AND_OUTBOX, INSERT_REJECTED } from './claim-ledger.sql';
import { inTransaction } from './ledger-transaction';
import { submissionRow, type SubmissionRecord } from './submission-ledger.repository';
import { prepared, type PreparedQuery } from '../shared/prepared-statement';

export * from './claim-ledger.types';

interface StateRow {
  id: string;
  status: string;
  replaced_by: string | null;
  validated: boolean;
}

/** The statements run for every batch of claims, prepared once per connection (prepared-statement.ts). */
const STATEMENTS = {
  findSubmissions: prepared('ledger_find_submissions', FIND_SUBMISSIONS),
  findSupersedable: prepared('ledger_find_supersedable', FIND_SUPERSEDABLE),
  findStates: prepared('ledger_find_states', FIND_STATES),
  findUnsent: prepared('ledger_find_unsent', FIND_UNSENT),
  findSeen: prepared('ledger_find_seen', FIND_SEEN),
  insertRejected: prepared('ledger_insert_rejected', INSERT_REJECTED),
  insertClaims: prepared('ledger_insert_claims_and_outbox', INSERT_CLAIMS_AND_OUTBOX),
  applyDecisions: prepared('ledger_apply_decisions', APPLY_DECISIONS),
  applyBatch: prepared('ledger_apply_batch', APPLY_BATCH),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The claim ledger: persists the lifecycle's decisions, and the messages they owe the broker. One idiom: set-based
 * statements (claim-ledger.sql.ts, claim-ledger.reads.sql.ts) sent through the ledger's pg pool, each taking its rows
 * as one JSON document (the ORM's per-value argument handling of large claim documents was half of ingest's CPU), and
 * one transaction helper (ledger-transaction.ts) where more than one statement must hold together.
 */
@Injectable()
export class ClaimLedgerRepository {
  constructor(private readonly prisma: LedgerDb) {}

  private async rows<T extends object>(statement: PreparedQuery, rows: readonly unknown[]): Promise<T[]> {
    if (rows.length === 0) return [];
    return (await this.prisma.pool.query<T>(statement([JSON.stringify(rows)]))).rows;
  }

  /** Which of these submissions were seen before, in one query. */
  async findSubmissions(keys: readonly Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>[]): Promise<SeenSubmission[]> {
    const keyRows = keys.map((k) => ({ submitter_id: k.submitterId, submitter_claim_id: k.submitterClaimId, content_hash: k.contentHash }));
    const rows = await this.rows<Record<string, string> & { claim: unknown }>(STATEMENTS.findSubmissions, keyRows);
    return rows.map((r) => ({
      id: r.id,
      submitterId: r.submitter_id,
      submitterClaimId: r.submitter_claim_id,
      contentHash: r.content_hash,
      format: r.format,
      frequencyCode: r.frequency_code,
      correlationId: r.correlation_id,
      status: r.status,
      claim: r.claim ?? undefined,
    }));
  }

  /**
   * Records claims rejected at intake in one statement. A rejection seen before (a retry, or the same bad claim twice)
   * keeps its first row; the answer maps each submission key to the id on record.
   */
  async recordRejected(entries: readonly RejectedEntry[]): Promise<Map<string, string>> {
    const unique = new Map<string, RejectedEntry>();
    for (const e of entries) if (!unique.has(rejectionKey(e.entry))) unique.set(rejectionKey(e.entry), e);
    const recorded = await this.rows<{ id: string; submitter_id: string; submitter_claim_id: string; content_hash: string }>(
      STATEMENTS.insertRejected,
      [...unique.values()].map(rejectedRow),
    );
    return new Map(
      recorded.map((r) => [
        rejectionKey({ submitterId: r.submitter_id, submitterClaimId: r.submitter_claim_id, contentHash: r.content_hash }),
        r.id,
      ]),
    );
  }

  /** Earlier submissions of these claims not yet superseded, with their state. */
  async findSupersedable(entries: readonly Pick<LedgerEntry, 'id' | 'submitterId' | 'submitterClaimId'>[]): Promise<SupersedableClaim[]> {
    const keyRows = entries.map((e) => ({ id: e.id, submitter_id: e.submitterId, submitter_claim_id: e.submitterClaimId }));
    const rows = await this.rows<StateRow & { submitter_id: string; submitter_claim_id: string }>(STATEMENTS.findSupersedable, keyRows);
    return rows.map((r) => ({ id: r.id, submitterId: r.submitter_id, submitterClaimId: r.submitter_claim_id, state: stateOfRow(r) }));
  }

  /** Claims whose normalized message is already waiting in the outbox. */
  async withUnsentMessages(claimIds: readonly string[]): Promise<Set<string>> {
    return new Set((await this.rows<{ id: string }>(STATEMENTS.findUnsent, claimIds)).map((r) => r.id));
  }

  /** The state of each of these claims (unknown when absent), in one query. */
  async states(ids: readonly string[]): Promise<Map<string, ClaimLifecycleState>> {
    const rows = await this.rows<StateRow>(STATEMENTS.findStates, [...new Set(ids.filter((id) => UUID.test(id)))]);
    const byId = new Map(rows.map((row) => [row.id, stateOfRow(row)]));
    return new Map(ids.map((id) => [id, byId.get(id) ?? { status: 'unknown' }]));
  }

  /** Which of these message ids the ledger has seen before, in one query. */
  async seen(messageIds: readonly string[]): Promise<Set<string>> {
    return new Set((await this.rows<{ message_id: string }>(STATEMENTS.findSeen, messageIds)).map((r) => r.message_id));
  }

  /**
   * Applies many decisions taken on result messages: one UPDATE over the batch, guarded by the state each decision was
   * taken on, and one INSERT of the message ids into the inbox (the applied ones and those seen though they changed
   * nothing), in one statement (APPLY_BATCH). A claim that moved meanwhile is left out, inbox included, and returned
   * among `conflicts` to be decided again.
   */
  async applyBatch(decisions: readonly BatchDecision[], ignored: readonly InboxEntry[]): Promise<BatchResult> {
    const rows = decisions.filter((d) => d.events.length > 0).map(decisionRow);
    const inbox = [
      ...decisions.flatMap((d) => d.messageIds.map((messageId) => ({ message_id: messageId, claim_id: d.claimId }))),
      ...ignored.map((e) => ({ message_id: e.messageId, claim_id: e.claimId })),
    ];
    if (rows.length === 0 && inbox.length === 0) return { conflicts: new Set(), firstSeen: new Set() };
    const statement = STATEMENTS.applyBatch([JSON.stringify(rows), JSON.stringify(inbox)]);
    const written = (await this.prisma.pool.query<{ kind: 'applied' | 'seen'; value: string }>(statement)).rows;
    const applied = new Set(written.filter((r) => r.kind === 'applied').map((r) => r.value));
    const conflicts = new Set(rows.filter((r) => !applied.has(r.id)).map((r) => r.id));
    return { conflicts, firstSeen: new Set(written.filter((r) => r.kind === 'seen').map((r) => r.value)) };
  }

  /**
   * New claims, decisions on earlier ones (replacement, void), the messages owed and the submissions these claims
   * complete: all or nothing. Throws a LedgerConflict, writing nothing, when an earlier claim moved since its decision
   * was taken.
   */
  async record(
    claims: readonly NewClaim[],
    decisions: readonly Decision[],
    outbox: readonly OutboxMessage[],
    submissions: readonly SubmissionRecord[] = [],
  ): Promise<void> {
    const now = new Date();
    const submissionRows = JSON.stringify(submissions.map(submissionRow));
    const ledgerRows = `[${claims.map((c) => newClaimRowJson(c, now)).join(',')}]`;
    const recorded = new Map(claims.flatMap((c) => (c.claim ? [[c.claim, c.entry.id] as const] : [])));
    const outboxRows = JSON.stringify(outbox.map((m) => outboxRow(m, recorded)));
    const updates = decisions.filter((d) => d.events.length > 0).map(decisionRow);
    // One statement is one transaction; decisions on earlier claims need their guarded update beside it.
    if (updates.length === 0) {
      await this.prisma.pool.query(STATEMENTS.insertClaims([ledgerRows, outboxRows, submissionRows]));
      return;
    }
    await inTransaction(this.prisma.pool, async (client) => {
      const { rowCount } = await client.query(STATEMENTS.applyDecisions([JSON.stringify(updates)]));
      if (rowCount !== updates.length) throw new LedgerConflict();
      await client.query(STATEMENTS.insertClaims([ledgerRows, outboxRows, submissionRows]));
    });
  }
}
