import { Client } from 'pg';
import { startPrivatePostgres, type PrivatePostgres } from '../src/database/private-postgres';
import { freePortBlock } from '../src/net/free-ports';

/** The private cluster the database-death tests use: it starts, dies on demand and comes back with its data. */
describe('startPrivatePostgres', () => {
  let pg: PrivatePostgres;

  beforeAll(async () => {
    pg = await startPrivatePostgres(await freePortBlock(1));
  }, 120_000);

  afterAll(() => pg?.destroy(), 60_000);

  const query = async (sql: string) => {
    const client = new Client({ connectionString: pg.url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };

  it('keeps its data through an immediate stop and a kill -9 of the postmaster', async () => {
    await query('CREATE TABLE t (n int); INSERT INTO t VALUES (1)');
    await pg.stop('immediate');
    await expect(query('SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await pg.start();
    await pg.kill9();
    await expect(query('SELECT 1')).rejects.toBeDefined();
    await pg.start();
    expect(await query('SELECT n FROM t')).toEqual([{ n: 1 }]);
  }, 120_000);
});
