import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { WebhookDelivery, WebhookEventType } from '@claimflow/contracts';

export interface WebhookRow {
  readonly id: string;
  readonly url: string;
  readonly events: WebhookEventType[];
  readonly createdAt: Date;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  type: WebhookEventType;
  status: WebhookDelivery['status'];
  attempts: number;
  last_response_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  created_at: Date;
}

/** Deliveries one webhook lists: its latest. */
const DELIVERIES_LISTED = 100;

const delivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  eventId: r.event_id,
  eventType: r.type,
  status: r.status,
  attempts: r.attempts,
  ...(r.last_response_code !== null ? { lastResponseCode: r.last_response_code } : {}),
  ...(r.last_error !== null ? { lastError: r.last_error } : {}),
  ...(r.last_attempt_at ? { lastAttemptAt: r.last_attempt_at.toISOString() } : {}),
  ...(r.status === 'pending' ? { nextAttemptAt: r.next_attempt_at.toISOString() } : {}),
  createdAt: r.created_at.toISOString(),
});

/** An owner's webhooks and their deliveries; every read and write is scoped to the owner. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly prisma: LedgerDb) {}

  async count(owner: string): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM ledger.webhook_subscription WHERE owner = ${owner}`;
    return row?.n ?? 0;
  }

  async create(owner: string, hook: WebhookRow, sealedSecret: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO ledger.webhook_subscription (id, owner, url, events, secret_sealed, created_at)
      VALUES (${hook.id}::uuid, ${owner}, ${hook.url}, ${hook.events}::text[], ${sealedSecret}, ${hook.createdAt})`;
  }

  async list(owner: string): Promise<WebhookRow[]> {
    return this.prisma.$queryRaw<WebhookRow[]>`
      SELECT id::text AS id, url, events, created_at AS "createdAt" FROM ledger.webhook_subscription
      WHERE owner = ${owner} ORDER BY created_at, id`;
  }

  async find(owner: string, id: string): Promise<WebhookRow | undefined> {
    const [row] = await this.prisma.$queryRaw<WebhookRow[]>`
      SELECT id::text AS id, url, events, created_at AS "createdAt" FROM ledger.webhook_subscription
      WHERE owner = ${owner} AND id = ${id}::uuid`;
    return row;
  }

  /** Deletes the webhook and, with it, its deliveries (pending ones are then never sent). */
  async delete(owner: string, id: string): Promise<boolean> {
    return (await this.prisma.$executeRaw`DELETE FROM ledger.webhook_subscription WHERE owner = ${owner} AND id = ${id}::uuid`) > 0;
  }

  async replaceSecret(owner: string, id: string, sealedSecret: string): Promise<boolean> {
    const n = await this.prisma.$executeRaw`
      UPDATE ledger.webhook_subscription SET secret_sealed = ${sealedSecret} WHERE owner = ${owner} AND id = ${id}::uuid`;
    return n > 0;
  }

  async deliveries(webhookId: string): Promise<WebhookDelivery[]> {
    const rows = await this.prisma.$queryRaw<DeliveryRow[]>`
      SELECT d.id::text AS id, d.event_id, e.type, d.status, d.attempts, d.last_response_code, d.last_error,
             d.last_attempt_at, d.next_attempt_at, d.created_at
      FROM ledger.webhook_delivery d JOIN ledger.webhook_event e ON e.id = d.event_id
      WHERE d.subscription_id = ${webhookId}::uuid
      ORDER BY d.created_at DESC, d.id DESC LIMIT ${DELIVERIES_LISTED}::int`;
    return rows.map(delivery);
  }

  /** Queues the delivery again, now, with a fresh retry window; undefined when the webhook has no such delivery. */
  async redeliver(webhookId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const [row] = await this.prisma.$queryRaw<DeliveryRow[]>`
      WITH queued AS (
        UPDATE ledger.webhook_delivery SET status = 'pending', next_attempt_at = now(), retry_from = now()
        WHERE subscription_id = ${webhookId}::uuid AND id = ${deliveryId}::uuid
        RETURNING *)
      SELECT q.id::text AS id, q.event_id, e.type, q.status, q.attempts, q.last_response_code, q.last_error,
             q.last_attempt_at, q.next_attempt_at, q.created_at
      FROM queued q JOIN ledger.webhook_event e ON e.id = q.event_id`;
    return row ? delivery(row) : undefined;
  }
}
