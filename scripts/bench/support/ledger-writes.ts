import { Client } from 'pg';

type TableCounts = Record<string, { ins: number; upd: number; hot: number; del: number }>;

/** Rows inserted, updated (HOT: no index touched), deleted per table of the ledger schema, as Postgres counts them. */
async function counts(client: Client): Promise<TableCounts> {
  const { rows } = await client.query<{ t: string; ins: string; upd: string; hot: string; del: string }>(
    `SELECT relname AS t, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_hot_upd AS hot, n_tup_del AS del
       FROM pg_stat_user_tables WHERE schemaname = 'ledger'`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, { ins: +r.ins, upd: +r.upd, hot: +r.hot, del: +r.del }]));
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
          const b = before[t] ?? { ins: 0, upd: 0, hot: 0, del: 0 };
          const per = (k: keyof typeof c) => +((c[k] - b[k]) / claims).toFixed(2);
          return [t, { ins: per('ins'), upd: per('upd'), hot: per('hot'), del: per('del') }] as const;
        });
        return Object.fromEntries(delta.filter(([, d]) => d.ins + d.upd + d.del > 0));
      } finally {
        await client.end();
      }
    },
  };
}
