import type { PoolClient } from 'pg';
import { prepared } from '../shared/prepared-statement';

/**
 * How long a relay's transaction may wait on its publish (the broker frozen) before Postgres ends it: its rows are
 * then neither deleted nor lost, and published again (same message ids) by the next pass. What Prisma's interactive
 * transaction timeout did before, with the same 60 s.
 */
const RELAY_TRANSACTION_IDLE = '60s';

/**
 * A relay reads its queue oldest first by the primary key, never by a sequential scan (enable_seqscan off for its
 * transaction). A queue table is written and emptied all the time: in the pipeline bench's burst claim_outbox held a
 * few hundred live rows in 3,138 pages of dead ones, analyzed as 192 rows, and the planner read all its pages and
 * sorted them on every pass (Seq Scan, 4.2 ms a pass on average, 2.85 s of Postgres over 37,600 claims: 0.076 ms a
 * claim), where the key's index, its dead entries marked as the first scan passes them, gives the oldest rows in
 * 0.1-0.4 ms (the same 200 live rows in 1,819 pages: seq scan and sort 0.9-1.4 ms a run, by the key 0.1-0.4).
 */
const takeLock = prepared(
  'relay_lock',
  `SELECT set_config('idle_in_transaction_session_timeout', $2, true) IS NOT NULL
      AND set_config('enable_seqscan', 'off', true) IS NOT NULL
      AND pg_try_advisory_xact_lock($1::bigint) AS locked`,
);

/**
 * Takes a relay's advisory lock for this transaction (one relay at a time per database: the others find it taken
 * and wait for their next turn), bounds the transaction's idle wait and has its queue read by its key, in one round
 * trip. False when taken.
 */
export async function relayLock(client: PoolClient, lock: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(takeLock([lock, RELAY_TRANSACTION_IDLE]));
  return rows[0]?.locked === true;
}
