import { Client } from 'pg';

/** Postgres backends serving the database at `url`, asked through `databaseUrl` (their CPU is the database's share of the work). */
export async function backendPids(databaseUrl: string, url: string): Promise<number[]> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}
