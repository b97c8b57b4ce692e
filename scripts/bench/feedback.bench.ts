/**
 * Denial-pattern benchmark: N generated reports (default 1,000,000; 40% on 77003, the rest over
 * 60 other codes) are bulk-loaded with their counter rows, 1,000 more are submitted through the
 * running service's HTTP API (insert latency), the counters are checked against the reports, and
 * one publication of every code's lattice is timed, and then GET /v1/codes/{code}/denial-patterns
 * (a read of one published view) is timed for a mix of codes and filters.
 * Run: node scripts/bench/run-ts.mjs scripts/bench/feedback.bench.ts [reports] [queries per case] [--keep]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseDenialReport } from '@claimflow/domain';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { createTestDatabase, mintTestKey } from '@claimflow/testing';
import {
  FEEDBACK_SERVICE,
  FeedbackConfigSchema,
  PatternPublicationRepository,
  PatternPublisher,
  ReporterSecret,
} from '@claimflow/service-feedback';
import { databaseUrlOf } from '@claimflow/contracts';
import { load } from './feedback/bulk-load';
import { percentiles, timePatternQueries, timed } from './feedback/pattern-queries';
import { generate, HOT } from './feedback/report-generator';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const REPORTS = Number(args[0] ?? 1_000_000);
const QUERIES = Number(args[1] ?? 300);
const KEEP = process.argv.includes('--keep');
const SERVER = databaseUrlOf();

async function main(): Promise<void> {
  const sample = Array.from({ length: 1000 }, () => parseDenialReport(generate(HOT), new Date()));
  const invalid = sample.filter((r) => !r.ok);
  if (invalid.length) throw new Error(`generator made ${invalid.length} invalid reports: ${JSON.stringify(invalid[0])}`);

  const db = await createTestDatabase(SERVER, { prefix: 'feedback_bench' });
  console.error(`[bench] database ${db.name}: loading ${REPORTS.toLocaleString()} reports`);
  const loaded = await load(db.url, REPORTS);
  console.error(`[bench] loaded in ${(loaded.ms / 1000).toFixed(1)} s (${loaded.cells.toLocaleString()} counter rows)`);

  // A publication interval longer than the run: the benchmark times one publication itself; it measures the service,
  // not the edge's rate limits.
  const config = parseConfig(FeedbackConfigSchema, {
    DATABASE_URL: db.urls.feedback,
    PORT: '0',
    LOG_LEVEL: 'silent',
    FEEDBACK_PUBLISH_INTERVAL: '24h',
    FEEDBACK_REPORTS_PER_DAY: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_KEY: '1000000',
  });
  const reporters = await Promise.all(
    Array.from({ length: 20 }, (_, i) => mintTestKey(db.url, { owner: `bench-${i}`, scopes: ['reports:submit'] })),
  );
  const app = await startConfiguredService(FEEDBACK_SERVICE, config, { consume: false });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const results: Record<string, unknown> = { reports: REPORTS, counterRows: loaded.cells, loadSeconds: +(loaded.ms / 1000).toFixed(1) };
  try {
    const inserts: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const body = JSON.stringify(generate(HOT));
      inserts.push(
        await timed(async () => {
          const headers = { 'content-type': 'application/json', ...reporters[i % reporters.length].headers };
          const res = await fetch(`${url}/v1/denial-reports`, { method: 'POST', body, headers });
          if (res.status !== 201) throw new Error(`insert answered ${res.status}: ${await res.text()}`);
        }),
      );
    }
    results.insertViaHttpMs = percentiles(inserts);

    const check = new Client({ connectionString: db.url });
    await check.connect();
    const counted = (await check.query(`SELECT count(*)::int AS n FROM denial_report WHERE denied_code = $1`, [HOT])).rows[0].n;
    const counter = (
      await check.query(
        `SELECT sum(count)::int AS n FROM denial_pattern_cell WHERE denied_code = $1 AND scope = '*' AND month = 0 AND dimension = 'total'`,
        [HOT],
      )
    ).rows[0].n;
    const total = (await check.query(`SELECT count(*)::int AS n FROM denial_report`)).rows[0].n;
    await check.end();
    if (counted !== counter) throw new Error(`counters disagree with reports for ${HOT}: ${counter} vs ${counted}`);
    results.storedReports = total;
    // One full publication of every code (the service runs one per FEEDBACK_PUBLISH_INTERVAL).
    await app.get(PatternPublisher).onApplicationShutdown();
    const publisher = new PatternPublisher(app.get(PatternPublicationRepository), app.get(ReporterSecret), config);
    results.publishAllCodesMs = +(await timed(() => publisher.publishOnce())).toFixed(0);
    results.hotCodeReports = counted;

    const { byCase, all, inProcess } = await timePatternQueries(app, url, QUERIES);
    results.patternQueryMs = byCase;
    results.patternQueryHttpAllMs = percentiles(all);
    results.patternQueryHandlerAllMs = percentiles(inProcess);
  } finally {
    await app.close();
    if (!KEEP) await db.drop();
  }
  const out = join(__dirname, '../../bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'feedback.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
