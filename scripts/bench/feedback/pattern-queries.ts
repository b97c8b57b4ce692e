import type { INestApplication } from '@nestjs/common';
import { DenialPatternsHandler, PatternFiltersSchema } from '@claimflow/service-feedback';
import { HOT, OTHER_CODES } from './report-generator';

/** p50, p95, p99 and max of samples in ms. */
export function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: +at(50).toFixed(2), p95: +at(95).toFixed(2), p99: +at(99).toFixed(2), max: +s[s.length - 1].toFixed(2) };
}

/** How long fn took, in ms. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * GET /v1/codes/{code}/denial-patterns timed for a mix of codes and filters, `queries` times each after 10 warm-ups,
 * over HTTP and (the same read of one published view) through the handler in-process.
 */
export async function timePatternQueries(app: INestApplication, url: string, queries: number) {
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
    for (let i = 0; i < queries; i++) {
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
    for (let i = 0; i < queries; i++) direct.push(await timed(() => handler.get(code, filters)));
    inProcess.push(...direct);
    byCase[name] = { answer: status, http: percentiles(samples), handler: percentiles(direct) };
  }
  return { byCase, all, inProcess };
}
