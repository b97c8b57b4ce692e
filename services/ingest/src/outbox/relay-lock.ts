import type { PoolClient } from 'pg';
import { prepared } from '../shared/prepared-statement';

/**
 * How long a relay's transaction may wait on its publish (the broker frozen) before Postgres ends it: its rows are
 * then neither deleted nor lost, and published again (same message ids) by the next pass. What Prisma's interactive
 * transaction timeout did before, with the same 60 s.
 */
const RELAY_TRANSACTION_IDLE = '60s';

const takeLock = prepared(
  'relay_lock',
  `SELECT set_config('idle_in_transaction_session_timeout', $2, true) IS NOT NULL AND pg_try_advisory_xact_lock($1::bigint) AS locked`,
);

/**
 * Takes a relay's advisory lock for this transaction (one relay at a time per database: the others find it taken
 * and wait for their next turn), and bounds the transaction's idle wait, in one round trip. False when taken.
 */
export async function relayLock(client: PoolClient, lock: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(takeLock([lock, RELAY_TRANSACTION_IDLE]));
  return rows[0]?.locked === true;
}
