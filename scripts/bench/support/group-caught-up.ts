import { Kafka, logLevel } from 'kafkajs';
import { groupLag, kafkaClientSecurity } from '@claimflow/testing';

/**
 * Waits until a consumer group has read every message of these topics (its committed offsets at the end of each
 * partition): ingest holds validations back (INGEST_VALIDATION_HOLD_MS), so it still reads them after its claims are
 * final, and that work is part of a claim's cost too.
 */
export async function groupCaughtUp(brokers: string[], groupId: string, topics: string[], timeoutMs: number): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-lag', brokers, logLevel: logLevel.NOTHING, ...kafkaClientSecurity('admin', brokers) }).admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const lag = await Promise.all(topics.map((topic) => groupLag(admin, groupId, topic)));
      const left = lag.reduce((a, b) => a + b, 0);
      if (left === 0) return;
      if (Date.now() > deadline) throw new Error(`${groupId} still had ${left} messages to read`);
      // Polled every 100 ms, as ledgerSettled polls the ledger.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}
