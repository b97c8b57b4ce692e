import { DenialReportSchema, monthKey, reportCells, type DenialReportInput } from '@claimflow/domain';
import { waitFor, type KnownReport, type Observation, type ViewSpec } from '@claimflow/testing';
import { PatternPublisher } from '../../src/publish-patterns/pattern-publisher';
import { getJson, postJson } from './start-feedback';
import type { Harness } from './feedback-harness';

/** Submits a report with the named reporter's own key (one API key per reporter name). */
export async function submitAs(h: Harness, reporter: string, report: DenialReportInput) {
  const res = await postJson(`${h.svc.url}/v1/denial-reports`, report, (await h.reporterKey(reporter)).headers);
  if (res.status !== 201) throw new Error(`report refused with ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

/** What the attacker knows of one of its own reports. */
export function known(report: DenialReportInput): KnownReport {
  const parsed = DenialReportSchema.parse(report);
  return {
    payerType: parsed.payer.type,
    state: parsed.state,
    month: monthKey(parsed.denialMonth),
    measures: reportCells(parsed).map((c) => (c.dimension === 'total' ? 'total' : `${c.dimension}:${c.value}`)),
  };
}

/** The filters of a query string as the set of reports they select. */
export function viewOf(query: string): ViewSpec {
  const p = new URLSearchParams(query);
  const month = (m: string | null) => (m ? monthKey(m) : undefined);
  const year = p.get('year');
  return {
    ...(p.get('payerType') ? { payerType: p.get('payerType')! } : {}),
    ...(p.get('state') ? { state: p.get('state')! } : {}),
    ...(year ? { fromMonth: Number(year) * 100 + 1, toMonth: Number(year) * 100 + 12 } : {}),
    ...(p.get('from') ? { fromMonth: month(p.get('from')) } : {}),
    ...(p.get('to') ? { toMonth: month(p.get('to')) } : {}),
  };
}

type Item = { value: string; reports: number };
type Dim = { items: Item[] } | null | undefined;
type Answer = Record<string, unknown> & {
  status: string;
  reports?: number;
  threshold?: number;
  reportsNeeded?: number | null;
  rounding?: number;
  strategies?: string[];
};

/** Every equation an answer gives the attacker: the total, each count shown, and a count given away by "N more needed". */
export function observationsOf(query: string, answer: Answer): Observation[] {
  const view = viewOf(query);
  const rounding = answer.rounding ?? 1;
  if (answer.status === 'insufficient') {
    return typeof answer.reportsNeeded === 'number' && answer.threshold !== undefined
      ? [{ view, measure: 'total', value: answer.threshold - answer.reportsNeeded, rounding: 1 }]
      : [];
  }
  if (answer.status !== 'ok' || answer.reports === undefined) return [];
  const out: Observation[] = [{ view, measure: 'total', value: answer.reports, rounding }];
  const a = answer as unknown as {
    denialReasons: { carc: Dim; rarc: Dim };
    payerTypes: Dim;
    coBilledCodes: Dim;
    claimflowEdits: Dim;
    appeals: { filed: Item | null; notFiled: Item | null; outcomes: Dim };
  };
  const dims: [string, Dim][] = [
    ['carc', a.denialReasons?.carc],
    ['rarc', a.denialReasons?.rarc],
    ['payer', a.payerTypes],
    ['cobilled', a.coBilledCodes],
    ['edit', a.claimflowEdits],
    ['outcome', a.appeals?.outcomes],
    ['appeal', { items: [a.appeals?.filed, a.appeals?.notFiled].filter((i): i is Item => !!i) }],
  ];
  for (const [dimension, d] of dims)
    for (const item of d?.items ?? []) out.push({ view, measure: `${dimension}:${item.value}`, value: item.reports, rounding });
  return out;
}

/** Asks every query; keeps the answers (a refused query, 400, tells nothing). */
export async function ask(h: Harness, code: string, queries: readonly string[]): Promise<{ query: string; answer: Answer }[]> {
  const out: { query: string; answer: Answer }[] = [];
  for (const query of queries) {
    const res = await getJson<Answer>(`${h.svc.url}/v1/codes/${code}/denial-patterns${query}`);
    if (res.status === 400) continue;
    if (res.status !== 200) throw new Error(`query ${query} answered ${res.status}`);
    out.push({ query, answer: res.body });
  }
  return out;
}

/**
 * Runs the publisher once now, as its schedule would (the harness schedules it hourly, so that
 * everything a test sent lands in one snapshot), and waits until a publication that started after
 * `since` has completed. A service without a publication status publishes on every insert.
 */
export async function waitForPublication(h: Harness, since: Date): Promise<void> {
  await h.svc.app.get(PatternPublisher).publishOnce();
  await waitFor(
    async () => {
      const res = await getJson<{ publishedAsOf: string | null }>(`${h.svc.url}/v1/denial-patterns/publication`);
      if (res.status === 404) return true;
      return res.body.publishedAsOf !== null && new Date(res.body.publishedAsOf) >= since;
    },
    { description: 'a publication after the last report', timeoutMs: 30_000, intervalMs: 100 },
  );
}
