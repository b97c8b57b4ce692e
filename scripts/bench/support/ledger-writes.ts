import { Client } from 'pg';

const COUNTS = ['ins', 'upd', 'hot', 'del', 'seq', 'seqRows', 'idx'] as const;
type TableCounts = Record<string, Record<(typeof COUNTS)[number], number>>;

/**
 * Rows inserted, updated (HOT: no index touched), deleted, and scans (sequential, the rows they read, index) per table
 * of the ledger schema, as Postgres counts them.
 */
async function counts(client: Client): Promise<TableCounts> {
  const { rows } = await client.query<{ t: string } & Record<(typeof COUNTS)[number], string>>(
    `SELECT relname AS t, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del, seq_scan AS seq,
            seq_tup_read AS "seqRows", coalesce(idx_scan, 0) AS idx
       FROM pg_stat_user_tables WHERE schemaname = 'ledger'`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, Object.fromEntries(COUNTS.map((k) => [k, +r[k]])) as TableCounts[string]]));
}

/**
 * What the claim path writes in the ledger per claim (Postgres's own table counters, read on the bench's database):
 * snapshot before a phase, then `perClaim` after it. The counters reach the shared statistics within a second of
 * each backend's transactions (PGSTAT_MIN_INTERVAL), so the second read waits until two reads 1.1 s apart agree.
 */
export async function ledgerWrites(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  const before = await counts(client);
  return {
    async perClaim(claims: number): Promise<Record<string, Record<string, number>>> {
      try {
        let after = await counts(client);
        for (let tries = 0; tries < 10; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 1100));
          const again = await counts(client);
          if (JSON.stringify(again) === JSON.stringify(after)) break;
          after = again;
        }
        const delta = Object.entries(after).map(([t, c]) => {
          const per = (k: (typeof COUNTS)[number]) => +((c[k] - (before[t]?.[k] ?? 0)) / claims).toFixed(2);
          return [t, Object.fromEntries(COUNTS.map((k) => [k, per(k)])) as TableCounts[string]] as const;
        });
        return Object.fromEntries(delta.filter(([, d]) => d.ins + d.upd + d.del + d.seq + d.idx > 0));
      } finally {
        await client.end();
      }
    },
  };
}
