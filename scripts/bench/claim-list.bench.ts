/**
 * Claim-list benchmark: N claims (default 1,000,000) of 100 owners are generated in the ledger by Postgres
 * (scripts/bench/support/claim-list-data.ts), then GET /v1/claims is timed through ingest's real HTTP endpoint
 * (in-process, on the real broker and its own database) for each filter, first pages and pages reached by the
 * cursor, owners taken in turn; and each filter's statement is shown with EXPLAIN (ANALYZE): its plan's node
 * types, refused if any is a sequential scan of a ledger table. Target: p95 < 20 ms for a filtered page.
 * Run: npm run bench claim-list [-- --claims=N --queries=Q --keep]   (--keep leaves the database; --database=NAME times a
 * database an earlier --keep run left, without loading it again)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { createTestDatabase, mintTestKey, uniqueSuffix, type TestApiKey, type TestDatabase } from '@claimflow/testing';
import { INGEST_SERVICE, IngestConfigSchema, listClaimsStatement, parseClaimListQuery } from '@claimflow/service-ingest';
import { EDIT_MIX, loadClaims, planNodes } from './support/claim-list-data';
import { databaseUrlOf } from '@claimflow/contracts';

const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CLAIMS = flag('claims', 1_000_000);
const QUERIES = flag('queries', 200);
const OWNERS = 100;
const KEYS = 10;
const KEEP = process.argv.includes('--keep');
const REUSE = process.argv.find((a) => a.startsWith('--database='))?.split('=')[1];
const SERVER = databaseUrlOf();
const TARGET_P95_MS = 20;

const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);

/** Each case is a query string; `pages` > 1 follows links.next that many times (cursor pages). */
const CASES: Record<string, { query: string; pages?: number }> = {
  'no filter': { query: '' },
  'no filter, pages 2-5 by cursor': { query: '', pages: 5 },
  'limit=500': { query: 'limit=500' },
  'status=rejected': { query: 'status=rejected' },
  'status=rejected,validated,received': { query: 'status=rejected,validated,received' },
  'status=priced, pages by cursor': { query: 'status=priced', pages: 3 },
  'received one day': { query: `receivedSince=${day(10)}&receivedUntil=${day(9)}` },
  'date of service one week': { query: `serviceFrom=${day(20)}&serviceTo=${day(13)}` },
  submitterClaimId: { query: 'submitterClaimId=PCN{n}' },
  'editCode common (30%)': { query: `editCode=${EDIT_MIX.common}` },
  'editCode uncommon (4%)': { query: `editCode=${EDIT_MIX.uncommon}` },
  'editCode rare (0.1%)': { query: `editCode=${EDIT_MIX.rare}` },
  'denied=true': { query: 'denied=true' },
  'denied=false': { query: 'denied=false' },
  'payerOutcome=true': { query: 'payerOutcome=true' },
  'payerOutcome=false': { query: 'payerOutcome=false' },
  'status=priced&denied=true&receivedSince': { query: `status=priced&denied=true&receivedSince=${day(15)}` },
};

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: +at(50).toFixed(2), p95: +at(95).toFixed(2), p99: +at(99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

async function timedGet(url: string, key: TestApiKey): Promise<{ ms: number; body: { claims: unknown[]; links: { next?: string } } }> {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: key.headers });
  const body = (await res.json()) as { claims: unknown[]; links: { next?: string } };
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`);
  return { ms, body };
}

/** The statement the endpoint runs for this query, under EXPLAIN (ANALYZE): node types, and any sequential scan of the ledger. */
async function explain(sql: Client, owner: string, query: string) {
  const filter = parseClaimListQuery(Object.fromEntries(new URLSearchParams(query)));
  if (!filter.ok) throw new Error(`bad bench query ${query}: ${JSON.stringify(filter.error)}`);
  const { text, values } = listClaimsStatement(owner, filter.value);
  const { rows } = await sql.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown>; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
    values,
  );
  const [{ Plan, 'Execution Time': executionMs }] = rows[0]['QUERY PLAN'];
  const nodes = planNodes(Plan);
  const seqScans = nodes.filter((n) => /^Seq Scan on (claim_ledger|remit_line_outcome|claim_outbox|claim_inbox)/.test(n));
  return { executionMs, nodes, seqScans };
}

/** A database an earlier `--keep` run left (its roles were granted then). */
function reuseDatabase(name: string): TestDatabase {
  const at = (role?: string) => {
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    if (role) url.username = role;
    return url.toString();
  };
  return {
    name,
    url: at(),
    urls: {
      ingest: at('claimflow_ingest'),
      feedback: at('claimflow_feedback'),
      refdata: at('claimflow_refdata'),
      admin: at('claimflow_admin'),
    },
    drop: async () => undefined,
  };
}

async function main(): Promise<void> {
  const db = REUSE ? reuseDatabase(REUSE) : await createTestDatabase(SERVER, { prefix: 'claim_list_bench' });
  console.error(`[bench] database ${db.name}: ${REUSE ? 'kept from an earlier run' : `generating ${CLAIMS.toLocaleString()} claims`}`);
  const loaded = REUSE ? { ms: 0, outcomes: 0 } : await loadClaims(db.url, CLAIMS, OWNERS);
  console.error(`[bench] loaded in ${(loaded.ms / 1000).toFixed(1)} s (${loaded.outcomes.toLocaleString()} payer answers)`);
  const config = parseConfig(IngestConfigSchema, {
    DATABASE_URL: db.urls.ingest,
    TOPIC_SUFFIX: `.claim-list-bench-${uniqueSuffix()}`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_KEY: '1000000',
  });
  const keys = await Promise.all(
    Array.from({ length: KEYS }, (_, i) => mintTestKey(db.url, { owner: `bench-owner-${i * 7}`, scopes: ['claims:read'] })),
  );
  const app = await startConfiguredService(INGEST_SERVICE, config);
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const results: Record<string, unknown> = { claims: CLAIMS, owners: OWNERS, loadSeconds: +(loaded.ms / 1000).toFixed(1) };
  const byCase: Record<string, unknown> = {};
  const all: number[] = [];
  const offenders: string[] = [];
  try {
    for (const [name, { query, pages = 1 }] of Object.entries(CASES)) {
      const samples: number[] = [];
      let returned = 0;
      let explained = { owner: keys[0].owner, query };
      for (let i = 0; i < QUERIES + 10; i++) {
        const key = keys[i % keys.length];
        // submitterClaimId: a claim number of this key's owner (owner k holds the batches g / 20 = k mod 100).
        const n = ((i * 37) % Math.floor(CLAIMS / 20 / OWNERS)) * 20 * OWNERS + Number(key.owner.split('-')[2]) * 20 + 1;
        let path: string | undefined = `/v1/claims${query ? `?${query.replace('{n}', String(n))}` : ''}`;
        for (let page = 0; page < pages && path; page++) {
          explained = { owner: key.owner, query: path.split('?')[1] ?? '' };
          const { ms, body } = await timedGet(base + path, key);
          // The first 10 rounds warm up; with pages, only the cursor pages (after the first) are counted.
          if (i >= 10 && (pages === 1 || page > 0)) samples.push(ms);
          returned += body.claims.length;
          path = body.links.next;
        }
      }
      // The plan of the last page asked for (a cursor page where the case follows links).
      const plan = await explain(sql, explained.owner, explained.query);
      if (plan.seqScans.length) offenders.push(`${name}: ${plan.seqScans.join(', ')}`);
      all.push(...samples);
      byCase[name] = { http: percentiles(samples), claimsPerRound: +(returned / (QUERIES + 10)).toFixed(1), plan };
      const p = byCase[name] as { http: { p50: number; p95: number } };
      console.error(`[bench] ${name.padEnd(42)} p50 ${p.http.p50} ms  p95 ${p.http.p95} ms  plan: ${plan.nodes.join(' > ')}`);
    }
  } finally {
    await sql.end();
    await app.close();
    if (!KEEP && !REUSE) await db.drop();
  }
  results.listMs = byCase;
  results.allFilteredPagesMs = percentiles(all);
  results.targetP95Ms = TARGET_P95_MS;
  const out = join(__dirname, '../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'claim-list.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
  if (offenders.length) throw new Error(`sequential scans of the ledger: ${offenders.join('; ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
