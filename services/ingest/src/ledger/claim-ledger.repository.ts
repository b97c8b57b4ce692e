import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { LedgerDb } from '@claimflow/db-ledger';
import { claimLifecycle, type ClaimEvent, type ClaimLifecycleState } from '@claimflow/domain';
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
} from './claim-ledger.types';
import { columnsOf, stateOf } from './claim-ledger.columns';
import { APPLY_DECISIONS, INSERT_CLAIMS_AND_OUTBOX, INSERT_INBOX } from './claim-ledger.sql';

export * from './claim-ledger.types';

/** A submission seen before, as intake needs it: its entry, status and (for a re-drive) the claim. */
export type SeenSubmission = LedgerEntry & { readonly status: string; readonly claim?: unknown };

interface SeenRow {
  id: string;
  submitter_id: string;
  submitter_claim_id: string;
  content_hash: string;
  format: string;
  frequency_code: string;
  correlation_id: string;
  status: string;
  claim: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tx = Parameters<Parameters<LedgerDb['$transaction']>[0]>[0] & LedgerDb;

/** The claim ledger: persists the lifecycle's decisions, and the messages they owe the broker, in one transaction. */
@Injectable()
export class ClaimLedgerRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /**
   * Which of these submissions were seen before, in one query (a join on the submission key, rather
   * than an OR of hundreds of conditions the ORM would have to build and serialise).
   */
  async findSubmissions(keys: readonly Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>[]): Promise<SeenSubmission[]> {
    if (keys.length === 0) return [];
    const rows = await this.prisma.$queryRaw<SeenRow[]>`
      SELECT l."id"::text AS "id", l."submitter_id", l."submitter_claim_id", l."content_hash", l."format", l."frequency_code",
             l."correlation_id", l."status", l."claim"
      FROM "claim_ledger" l
      JOIN unnest(${keys.map((k) => k.submitterId)}::text[], ${keys.map((k) => k.submitterClaimId)}::text[],
                  ${keys.map((k) => k.contentHash)}::text[]) AS k("submitter_id", "submitter_claim_id", "content_hash")
        ON l."submitter_id" = k."submitter_id" AND l."submitter_claim_id" = k."submitter_claim_id" AND l."content_hash" = k."content_hash"`;
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
        ("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "status", "correlation_id",
         "rejected_at", "errors")
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

  /** The state of each of these claims (unknown when absent), in one query. */
  async states(ids: readonly string[]): Promise<Map<string, ClaimLifecycleState>> {
    const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
    const rows =
      valid.length === 0
        ? []
        : await this.prisma.claimLedger.findMany({
            where: { id: { in: valid } },
            select: { id: true, status: true, replacedById: true, validatedAt: true },
          });
    const byId = new Map(rows.map((row) => [row.id, stateOf(row)]));
    return new Map(ids.map((id) => [id, byId.get(id) ?? stateOf(null)]));
  }

  /** Which of these message ids the ledger has seen before, in one query. */
  async seen(messageIds: readonly string[]): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await this.prisma.claimInbox.findMany({ where: { messageId: { in: [...messageIds] } }, select: { messageId: true } });
    return new Set(rows.map((r) => r.messageId));
  }

  /**
   * Applies many decisions taken on result messages, set-based: one UPDATE over the batch, guarded
   * by the state each decision was taken on, and one INSERT of the message ids into the inbox (the
   * applied ones and those seen though they changed nothing), in one transaction. A claim that
   * moved meanwhile is left out, inbox included, and returned among `conflicts` to be decided again.
   */
  async applyBatch(decisions: readonly BatchDecision[], ignored: readonly InboxEntry[]): Promise<BatchResult> {
    const rows = decisions
      .filter((d) => d.events.length > 0)
      .map(({ claimId, from, events }) => {
        const columns = columnsOf(events, new Date(0));
        return {
          id: claimId,
          from_status: this.knownStatus(from),
          // Absent keys read as SQL NULL (a JSON null would be the jsonb value null).
          from_replaced: 'replacedBy' in from ? from.replacedBy : undefined,
          from_validated: 'validated' in from && from.validated === true,
          status: this.knownStatus(this.fold(events, from)),
          normalized: 'normalizedAt' in columns,
          validated: 'validatedAt' in columns,
          priced: 'pricedAt' in columns,
          rejected: 'rejectedAt' in columns,
          result: columns.result,
          errors: columns.errors,
          replaced_by: columns.replacedById,
        };
      });
    return this.inTransaction(async (client) => {
      const updated = rows.length === 0 ? [] : (await client.query<{ id: string }>(APPLY_DECISIONS, [JSON.stringify(rows)])).rows;
      const applied = new Set(updated.map((r) => r.id));
      const conflicts = new Set(rows.filter((r) => !applied.has(r.id)).map((r) => r.id));
      const inbox = [
        ...decisions
          .filter((d) => !conflicts.has(d.claimId))
          .flatMap((d) => d.messageIds.map((messageId) => ({ message_id: messageId, claim_id: d.claimId }))),
        ...ignored.filter((e) => !conflicts.has(e.claimId)).map((e) => ({ message_id: e.messageId, claim_id: e.claimId })),
      ];
      const inserted = inbox.length === 0 ? [] : (await client.query<{ message_id: string }>(INSERT_INBOX, [JSON.stringify(inbox)])).rows;
      return { conflicts, firstSeen: new Set(inserted.map((r) => r.message_id)) };
    });
  }

  /**
   * Work on one pooled connection inside BEGIN … COMMIT, rolled back when it throws. A checked-out pg client has no
   * 'error' listener of the pool's, and an 'error' event without one ends the process (seen: Postgres stopped under
   * load): the connection's death is noted here, and the query in flight fails on its own with the same error.
   */
  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.prisma.pool.connect();
    let broken: unknown;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback));
      throw error;
    } finally {
      client.removeListener('error', onError);
      // A connection that died, or could not even roll back, is closed rather than handed to the next caller.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  /**
   * New claims, decisions on earlier ones (replacement, void) and the messages owed: all or nothing.
   * Throws a LedgerConflict when an earlier claim moved since the decision was taken. The rows go as
   * one JSON document per table, expanded by Postgres: the ORM's per-value argument handling of
   * large claim documents was half of ingest's CPU.
   */
  async record(claims: readonly NewClaim[], decisions: readonly Decision[], outbox: readonly OutboxMessage[]): Promise<void> {
    const now = new Date();
    const ledgerRows = JSON.stringify(claims.map((c) => this.ledgerRow(c, now)));
    const outboxRows = JSON.stringify(
      outbox.map((m) => ({ message_id: m.messageId, topic: m.topic, message_key: m.key, envelope: m.envelope, payload: m.payload })),
    );
    // One statement is one transaction; decisions on earlier claims need their guarded updates beside it.
    if (decisions.every((d) => d.events.length === 0)) {
      await this.prisma.pool.query(INSERT_CLAIMS_AND_OUTBOX, [ledgerRows, outboxRows]);
      return;
    }
    await this.prisma.$transaction(async (tx) => {
      for (const decision of decisions) await this.persist(tx as Tx, decision, now);
      await tx.$executeRawUnsafe(INSERT_CLAIMS_AND_OUTBOX, ledgerRows, outboxRows);
    });
  }

  /** A new claim's row, its columns named as in the table (timestamps as ISO text, JSON documents as they are). */
  private ledgerRow({ entry, claim, events }: NewClaim, now: Date): Record<string, unknown> {
    const columns = columnsOf(events, now);
    const at = (key: string) => (columns[key] instanceof Date ? (columns[key] as Date).toISOString() : null);
    return {
      id: entry.id,
      submitter_id: entry.submitterId,
      submitter_claim_id: entry.submitterClaimId,
      content_hash: entry.contentHash,
      format: entry.format,
      frequency_code: entry.frequencyCode,
      status: this.knownStatus(this.fold(events)),
      correlation_id: entry.correlationId,
      normalized_at: at('normalizedAt'),
      validated_at: at('validatedAt'),
      priced_at: at('pricedAt'),
      rejected_at: at('rejectedAt'),
      claim: claim ?? null,
      result: columns.result ?? null,
      errors: columns.errors ?? null,
    };
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

  /** A claim as its submitter sees it; another submitter's claim is not found, exactly like an unknown id. */
  getOwned(id: string, submitterId: string) {
    return this.prisma.claimLedger.findFirst({ where: { id, submitterId } });
  }
}
