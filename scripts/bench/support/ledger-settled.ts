import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { CLAIM_LIFECYCLE_STATUSES, isFinalStatus } from '@claimflow/domain';
import { INGEST_GROUP } from '@claimflow/service-ingest';
import { groupCaughtUp } from './group-caught-up';

/**
 * Waits until ingest has finished every claim of `owner` (the bench's only one): each final in its ledger, nothing
 * owed in either outbox (normalized messages, owners' results). The burst's priced messages reach the bench before
 * ingest has recorded them and published their results, and that tail is ingest's work per claim too. Returns the
 * seconds since `since` until then, and waits on until ingest's group has read every validation too (it holds them
 * back: that work follows the claims' being final, and is theirs).
 */
export async function ledgerSettled(
  url: string,
  owner: string,
  since: number,
  timeoutMs: number,
  kafka: { brokers: string[]; suffix: string },
): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // The owner's open claims through its status index, never a scan of the ledger: a count over every row was 21-26
    // ms a poll on 45,000 demo rows (a fifth of a core for Postgres at 10 polls a second, while the tail it waits for
    // was measured), by the index 0.3 ms. Only this session's plans: the services' own are left as Postgres picks them.
    await client.query('SET max_parallel_workers_per_gather = 0');
    await client.query('SET enable_seqscan = off');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ open: string; owed: string }>(
        `SELECT (SELECT count(*) FROM ledger.claim_ledger WHERE submitter_id = $2 AND status = ANY($1::text[])) AS open,
                (SELECT count(*) FROM ledger.claim_outbox) + (SELECT count(*) FROM ledger.claim_result_outbox) AS owed`,
        [CLAIM_LIFECYCLE_STATUSES.filter((s) => !isFinalStatus(s)), owner],
      );
      if (Number(rows[0]!.open) === 0 && Number(rows[0]!.owed) === 0) {
        const seconds = (Date.now() - since) / 1000;
        await groupCaughtUp(kafka.brokers, INGEST_GROUP + kafka.suffix, [TOPICS.claimsValidated + kafka.suffix], timeoutMs);
        return seconds;
      }
      if (Date.now() > deadline) throw new Error(`ingest still had ${rows[0]!.open} open claims and ${rows[0]!.owed} messages owed`);
      // Every 100 ms once fewer than 1,000 claims are open (a tenth of a second on a burst's 15-30 s to final), and 0.1
      // ms an open claim before that (at most 1 s): ingest cannot finish them sooner (10,000 claims/s is several times
      // what it does). Each count reads the index entries its claims had before they were priced, until vacuum removes
      // them: 8,400 a poll on average through a run at 10 polls a second (1.7 million in all, pg_stat_user_indexes),
      // Postgres work the bench added to the services' own in the very window cpuMsPerClaimToFinal measures.
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, Math.max(100, Number(rows[0]!.open) / 10))));
    }
  } finally {
    await client.end();
  }
}
