import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@claimflow/runtime';

/** Ingest's own series, beside the shared ones (process, Kafka plumbing) and the HTTP edge's, on one registry. */
@Injectable()
export class IngestMetrics extends ServiceMetrics {
  readonly claimsFinal = this.counter({
    name: 'claims_final_total',
    help: 'Claims that reached a final status (priced, rejected)',
    labelNames: ['status'] as const,
  });
  /** Held-back validations left unread: their claim was priced here already, and its pricing carried them. */
  readonly validationsUnread = this.counter({
    name: 'ingest_validations_unread_total',
    help: 'Validations not read: their claim was recorded priced by this process (the pricing carried them)',
  });
  /** The ledger janitor: expired inbox entries and outbox rows marked sent by an earlier relay. */
  readonly retentionRemoved = this.counter({
    name: 'retention_rows_removed_total',
    help: 'Rows deleted by retention, by table',
    labelNames: ['table'] as const,
  });
}
