import { Injectable } from '@nestjs/common';
import type { Envelope } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import type { OutboxStore, PendingMessage } from './outbox-message';

/** One relay at a time per database: the others find the lock taken and wait for their next turn. */
const RELAY_LOCK = 13_2026_1202;

@Injectable()
export class ClaimOutboxRepository implements OutboxStore {
  constructor(private readonly prisma: LedgerDb) {}

  async publishPending(limit: number, publish: (messages: readonly PendingMessage[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}::bigint) AS locked`;
        if (!lock?.locked) return 0;
        const rows = await tx.claimOutbox.findMany({ where: { sentAt: null }, orderBy: { id: 'asc' }, take: limit });
        if (rows.length === 0) return 0;
        await publish(
          rows.map((r) => ({
            position: r.id,
            messageId: r.messageId,
            topic: r.topic,
            key: r.key,
            envelope: r.envelope as unknown as Envelope,
            payload: r.payload as object,
          })),
        );
        await tx.claimOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { sentAt: new Date() } });
        return rows.length;
      },
      { maxWait: 5_000, timeout: 60_000 },
    );
  }

  unsent(): Promise<number> {
    return this.prisma.claimOutbox.count({ where: { sentAt: null } });
  }
}
