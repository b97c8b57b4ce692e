import type { Pool, PoolClient } from 'pg';

/**
 * The ledger's one transaction helper: work on one pooled connection inside BEGIN … COMMIT, rolled back when it
 * throws. A checked-out pg client has no 'error' listener of the pool's, and an 'error' event without one ends the
 * process (seen: Postgres stopped under load): the connection's death is noted here, and the query in flight fails on
 * its own with the same error.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
