import { Client } from 'pg';
import { FINAL_CLAIM_STATUSES } from '@claimflow/domain';

/**
 * Waits until ingest has finished every claim it holds: each one final in its ledger, nothing owed in either outbox
 * (normalized messages, owners' results). The burst's priced messages reach the bench before ingest has recorded
 * them and published their results, and that tail is ingest's work per claim too. Returns the seconds since `since`.
 */
export async function ledgerSettled(url: string, since: number, timeoutMs: number): Promise<number> {
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
      if (Number(rows[0]!.open) === 0 && Number(rows[0]!.owed) === 0) return (Date.now() - since) / 1000;
      if (Date.now() > deadline) throw new Error(`ingest still had ${rows[0]!.open} open claims and ${rows[0]!.owed} messages owed`);
      // Polled every 100 ms: a tenth of a second on a burst's 25-60 s.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}
