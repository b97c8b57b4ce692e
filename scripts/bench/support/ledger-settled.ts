import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';
import { INGEST_GROUP } from '@claimflow/service-ingest';
import { groupCaughtUp } from './group-caught-up';

/**
 * Waits until ingest has finished every claim it holds: each one final in its ledger, nothing owed in either outbox
 * (normalized messages, owners' results). The burst's priced messages reach the bench before ingest has recorded
 * them and published their results, and that tail is ingest's work per claim too. Returns the seconds since `since`
 * until then, and waits on until ingest's group has read every validation too (it holds them back: that work follows
 * the claims' being final, and is theirs).
 */
export async function ledgerSettled(
  url: string,
  since: number,
  timeoutMs: number,
  kafka: { brokers: string[]; suffix: string },
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ open: string; owed: string }>(
        `SELECT (SELECT count(*) FROM ledger.claim_ledger WHERE status <> ALL($1::text[])) AS open,
                (SELECT count(*) FROM ledger.claim_outbox) + (SELECT count(*) FROM ledger.claim_result_outbox) AS owed`,
        [[...FINAL_CLAIM_STATUSES]],
      );
      if (Number(rows[0]!.open) === 0 && Number(rows[0]!.owed) === 0) {
        const seconds = (Date.now() - since) / 1000;
        await groupCaughtUp(kafka.brokers, INGEST_GROUP + kafka.suffix, [TOPICS.claimsValidated + kafka.suffix], timeoutMs);
        return seconds;
      }
      if (Date.now() > deadline) throw new Error(`ingest still had ${rows[0]!.open} open claims and ${rows[0]!.owed} messages owed`);
      // Polled every 100 ms: a tenth of a second on a burst's 25-60 s.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
