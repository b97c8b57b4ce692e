/**
 * Denial-pattern benchmark: N generated reports (default 1,000,000; 40% on 77003, the rest over
 * 60 other codes) are bulk-loaded with their counter rows, 1,000 more are submitted through the
 * running service's HTTP API (insert latency), the counters are checked against the reports, and
 * one publication of every code's lattice is timed, and then GET /v1/codes/{code}/denial-patterns
 * (a read of one published view) is timed for a mix of codes and filters.
 * Run: node scripts/bench/run-ts.mjs scripts/bench/feedback.bench.ts [reports] [queries per case] [--keep]
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  DenialReportSchema,
  monthKey,
  parseDenialReport,
  reportCells,
  US_STATES,
  type DenialReport,
  type DenialReportInput,
} from '@claimflow/domain';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { createTestDatabase, mintTestKey } from '@claimflow/testing';
import {
  DenialPatternsHandler,
  FEEDBACK_SERVICE,
  FeedbackConfigSchema,
  PatternFiltersSchema,
  PatternPublicationRepository,
  PatternPublisher,
  ReporterSecret,
} from '@claimflow/service-feedback';
import { databaseUrlOf } from '@claimflow/contracts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const REPORTS = Number(args[0] ?? 1_000_000);
const QUERIES = Number(args[1] ?? 300);
const KEEP = process.argv.includes('--keep');
const SERVER = databaseUrlOf();

// Deterministic generator (mulberry32), so runs compare.
let seed = 20261124;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const skewed = <T>(xs: readonly T[]): T => xs[Math.floor(Math.pow(rand(), 2.2) * xs.length)];

const HOT = '77003';
const OTHER_CODES = Array.from({ length: 60 }, (_, i) => String(62320 + i * 7).padStart(5, '0')).concat([]);
const CARC = [
  'CO-97',
  'CO-236',
  'CO-151',
  'CO-50',
  'CO-16',
  'CO-4',
  'CO-11',
  'CO-197',
  'PR-204',
  'OA-18',
  'CO-B15',
  'CO-167',
  'PI-96',
  'CO-59',
];
const RARC = ['N130', 'M80', 'N657', 'MA130', 'N362', 'M51', 'N20', 'N115'];
const PAYERS = [
  { type: 'medicare-part-b', macJurisdiction: 'JL' },
  { type: 'medicare-advantage' },
  { type: 'medicaid' },
  { type: 'commercial' },
] as const;
const MACS = ['J5', 'J6', 'J8', 'J15', 'JE', 'JF', 'JH', 'JJ', 'JK', 'JL', 'JM', 'JN'] as const;
const EDITS = ['PTP_BUNDLED', 'MUE_EXCEEDED', 'GUIDANCE_INCLUDED', 'ADDON_WITHOUT_PRIMARY', 'PCTC_MODIFIER', 'DOCUMENTATION'] as const;
const COBILLED = ['62323', '62321', '64483', '64490', '20610', '76000', '77002', '99213', '27096', '64493', '20552', 'G0260'];
const MONTHS = Array.from({ length: 34 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const STRATEGIES = Array.from(
  { length: 60 },
  (_, i) => `Strategy ${i + 1}: resubmitted with the procedure note and modifier guidance from the NCCI manual`,
);

function generate(code: string): DenialReportInput {
  const payer = skewed(PAYERS);
  const others = Array.from({ length: Math.floor(rand() * 3) }, () => skewed(COBILLED)).filter((c) => c !== code);
  const filed = rand() < 0.42;
  return {
    billedCodes: [
      { code, modifiers: rand() < 0.3 ? ['26'] : [], units: 1 },
      ...[...new Set(others)].map((c) => ({ code: c, modifiers: [], units: 1 })),
    ],
    deniedCode: code,
    placeOfService: pick(['11', '22', '24', '19']),
    payer: payer.type === 'medicare-part-b' ? { type: payer.type, macJurisdiction: pick(MACS) } : payer,
    state: skewed(US_STATES),
    denialMonth: pick(MONTHS),
    denialReasons: {
      carc: [...new Set([skewed(CARC), ...(rand() < 0.3 ? [skewed(CARC)] : [])])],
      rarc: rand() < 0.6 ? [skewed(RARC)] : [],
    },
    whatHappened: rand() < 0.5 ? 'Denied as bundled with the primary procedure.' : undefined,
    appeal: filed
      ? { filed: true, level: 1 + Math.floor(rand() * 3), outcome: pick(['overturned', 'upheld', 'pending'] as const) }
      : { filed: false },
    whatWorked: rand() < 0.3 ? skewed(STRATEGIES) : undefined,
    claimflowEdits: rand() < 0.6 ? [...new Set([skewed(EDITS), ...(rand() < 0.2 ? [skewed(EDITS)] : [])])] : [],
  };
}

const arr = (xs: readonly string[]) => `{${xs.join(',')}}`;
const esc = (s: string | null | undefined) =>
  s === null || s === undefined || s === '' ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

function reportRow(r: DenialReport): string {
  const payer = r.payer;
  const appeal = r.appeal;
  return (
    [
      randomUUID(),
      '\\N',
      'bench',
      r.deniedCode,
      r.placeOfService,
      payer.type,
      payer.type === 'medicare-part-b' ? payer.macJurisdiction : '\\N',
      r.state,
      String(monthKey(r.denialMonth)),
      esc(JSON.stringify(r.billedCodes)),
      arr(r.denialReasons.carc),
      arr(r.denialReasons.rarc),
      esc(r.whatHappened),
      appeal.filed ? 't' : 'f',
      appeal.filed ? String(appeal.level) : '\\N',
      appeal.filed ? appeal.outcome : '\\N',
      esc(r.whatWorked),
      arr(r.claimflowEdits),
      // Bulk-loaded reports come from 5,000 reporters (stand-ins for the keyed hashes the service stores).
      `bench-reporter-${Math.floor(rand() * 5000)}`,
    ].join('\t') + '\n'
  );
}

async function load(url: string): Promise<{ ms: number; cells: number }> {
  const started = Date.now();
  const [reports, cells] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
  await Promise.all([reports.connect(), cells.connect()]);
  const hotShare = 0.4;
  const perCode = new Map<string, number>([[HOT, Math.round(REPORTS * hotShare)]]);
  OTHER_CODES.forEach((c, i) =>
    perCode.set(
      c,
      Math.round((REPORTS * (1 - hotShare) * (OTHER_CODES.length - i)) / ((OTHER_CODES.length * (OTHER_CODES.length + 1)) / 2)),
    ),
  );
  let cellRows = 0;
  // One code at a time, so only that code's counters are held in memory.
  const reportLines = async function* () {
    for (const [code, n] of perCode) {
      const counters = new Map<string, number>();
      let batch = '';
      for (let i = 0; i < n; i++) {
        const r = DenialReportSchema.parse(generate(code));
        batch += reportRow(r);
        const month = monthKey(r.denialMonth);
        // The same counter rows the service's insert writes: every state ("*") and the state, every month (0) and the month.
        for (const scope of ['*', r.state])
          for (const m of [0, month])
            for (const c of reportCells(r)) {
              const key = `${scope}\t${m}\t${r.payer.type}\t${c.dimension}\t${c.value}`;
              counters.set(key, (counters.get(key) ?? 0) + 1);
            }
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
      const lines = [...counters].map(([k, v]) => `${code}\t${k}\t${v}\n`);
      cellRows += lines.length;
      await pipeline(
        Readable.from([lines.join('')]),
        cells.query(copyFrom(`COPY denial_pattern_cell (denied_code, scope, month, payer_type, dimension, value, count) FROM STDIN`)),
      );
    }
  };
  const columns =
    'id, idempotency_key_hash, content_hash, denied_code, place_of_service, payer_type, mac_jurisdiction, state, denial_month, billed_codes, carc_codes, rarc_codes, what_happened, appeal_filed, appeal_level, appeal_outcome, what_worked, claimflow_edits, reporter_hash';
  await pipeline(Readable.from(reportLines()), reports.query(copyFrom(`COPY denial_report (${columns}) FROM STDIN`)));
  // Every loaded code waits for the first publication, as reports submitted through the service do.
  await reports.query(`INSERT INTO denial_pattern_dirty (denied_code, version) SELECT DISTINCT denied_code, 1 FROM denial_report`);
  await reports.query('ANALYZE denial_report; ANALYZE denial_pattern_cell');
  await Promise.all([reports.end(), cells.end()]);
  return { ms: Date.now() - started, cells: cellRows };
}

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: +at(50).toFixed(2), p95: +at(95).toFixed(2), p99: +at(99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const sample = Array.from({ length: 1000 }, () => parseDenialReport(generate(HOT), new Date()));
  const invalid = sample.filter((r) => !r.ok);
  if (invalid.length) throw new Error(`generator made ${invalid.length} invalid reports: ${JSON.stringify(invalid[0])}`);

  const db = await createTestDatabase(SERVER, { prefix: 'feedback_bench' });
  console.error(`[bench] database ${db.name}: loading ${REPORTS.toLocaleString()} reports`);
  const loaded = await load(db.url);
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

    const cases: Record<string, string> = {
      'hot code, no filter': `/v1/codes/${HOT}/denial-patterns`,
      'hot code, state': `/v1/codes/${HOT}/denial-patterns?state=CA`,
      'hot code, payer': `/v1/codes/${HOT}/denial-patterns?payerType=medicaid`,
      'hot code, year': `/v1/codes/${HOT}/denial-patterns?year=2025`,
      'hot code, rare state': `/v1/codes/${HOT}/denial-patterns?state=MP`,
      'mid code, no filter': `/v1/codes/${OTHER_CODES[10]}/denial-patterns`,
      'code with no reports': `/v1/codes/99499/denial-patterns`,
    };
    const all: number[] = [];
    const inProcess: number[] = [];
    const byCase: Record<string, unknown> = {};
    const handler = app.get(DenialPatternsHandler);
    for (const [name, path] of Object.entries(cases)) {
      let status = '';
      for (let i = 0; i < 10; i++) await fetch(url + path).then((r) => r.text());
      const samples: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        samples.push(
          await timed(async () => {
            const body = (await (await fetch(url + path)).json()) as { status: string; reports?: number };
            status = `${body.status}${body.reports ? ` (${body.reports} reports)` : ''}`;
          }),
        );
      }
      all.push(...samples);
      // The same query without HTTP: one published view read.
      const [code, query] = [path.split('/')[3], Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? ''))];
      const filters = PatternFiltersSchema.parse(query);
      const direct: number[] = [];
      for (let i = 0; i < QUERIES; i++) direct.push(await timed(() => handler.get(code, filters)));
      inProcess.push(...direct);
      byCase[name] = { answer: status, http: percentiles(samples), handler: percentiles(direct) };
    }
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
