import type { DenialPatterns, DenialReportInput } from '@claimflow/domain';
import { parseConfig } from '@claimflow/runtime';
import { waitFor } from '@claimflow/testing';
import { aDenialReport } from '@claimflow/domain/testing';
import { FeedbackConfigSchema } from '../src/config/feedback.config';
import { getJson } from './support/start-feedback';
import { startHarness, type Harness } from './support/feedback-harness';
import { submitAs, waitForPublication } from './support/attacker';

const medicaid = { payer: { type: 'medicaid' as const } };
type Answer = DenialPatterns & { message?: string };

describe('GET /v1/codes/{code}/denial-patterns', () => {
  let h: Harness;
  let n = 0;
  /** `count` reports, each from a different biller. */
  const fromReporters = async (count: number, overrides: Partial<DenialReportInput> = {}) => {
    for (let i = 0; i < count; i++) await submitAs(h, `biller-${++n}`, aDenialReport(overrides));
  };
  const patterns = async (query = '') => {
    const res = await getJson<Answer>(`${h.svc.url}/v1/codes/77003/denial-patterns${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const published = async (query = '') => {
    await waitForPublication(h, new Date());
    return patterns(query);
  };

  afterEach(async () => {
    await h?.close();
  });

  describe('with the default threshold of five', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('publishes nothing for five reports from one reporter, and publishes five reporters', async () => {
      for (let i = 0; i < 5; i++) await submitAs(h, 'one-biller', aDenialReport());
      const one = await published();
      expect(one).toEqual({
        status: 'insufficient',
        code: '77003',
        threshold: 5,
        filters: {},
        guarantee: expect.stringMatching(/at least 5 different billers/),
        publishedAsOf: expect.any(String),
        message: 'not enough reports to show patterns yet',
      });
      await fromReporters(4);
      const five = await published();
      expect(five).toMatchObject({
        status: 'ok',
        rounding: 5,
        reports: expect.any(Number),
        denialReasons: { carc: { items: [{ value: 'CO-97', share: 1 }] } },
        payerTypes: { items: [{ value: 'medicare-part-b', share: 1 }] },
        appeals: { appealRate: 1, outcomes: { items: [{ value: 'overturned' }] } },
      });
      // Nine reports from five reporters: rounded to a multiple of five, never below five.
      expect([5, 10]).toContain(five.reports);
      const counts = (JSON.stringify(five).match(/"reports":\d+/g) ?? []).map((c) => Number(c.split(':')[1]));
      expect(counts.every((c) => c >= 5 && c % 5 === 0)).toBe(true);
      // Asking again gives the same figures: the rounding is fixed per cell.
      expect({ ...(await patterns()), publishedAsOf: five.publishedAsOf }).toEqual(five);
      expect((await getJson(`${h.svc.url}/v1/codes/62323/denial-patterns`)).body).toMatchObject({ status: 'insufficient' });
    });

    it('counts one reporter once toward k for a value, too', async () => {
      await fromReporters(6);
      for (let i = 0; i < 5; i++)
        await submitAs(h, 'loud-biller', aDenialReport({ denialReasons: { carc: ['CO-236', 'CO-97'], rarc: [] } }));
      const p = await published();
      expect(p.denialReasons.carc.items.map((i) => i.value)).toEqual(['CO-97']);
      expect(p.denialReasons.carc.suppressed).toBe(true);
    });

    it('withholds a view whose complement in its family has fewer than five reporters, and says only "not enough"', async () => {
      await fromReporters(7);
      await fromReporters(2, { state: 'OH' });
      await fromReporters(6, { ...medicaid, denialMonth: '2025-11' });
      expect(await published()).toMatchObject({ status: 'ok' });
      for (const q of ['?state=PA', '?state=OH'])
        expect(await patterns(q)).toMatchObject({ status: 'insufficient', message: 'not enough reports to show patterns yet' });
      expect(await patterns('?payerType=medicaid')).toMatchObject({ status: 'ok', filters: { payerType: 'medicaid' } });
      expect(await patterns('?year=2025')).toMatchObject({ status: 'ok', filters: { year: '2025' } });
      expect(JSON.stringify(await patterns('?state=OH'))).not.toMatch(/reportsNeeded|"reports"/);
    });

    it('shows free text only in views with five reporters, from that view only', async () => {
      await fromReporters(5, { whatWorked: 'Appealed with the op note.' });
      await fromReporters(5, { ...medicaid, state: 'OH', whatWorked: 'Removed the guidance line and resubmitted' });
      await fromReporters(1, { state: 'WY', whatWorked: 'Asked the contractor to reopen' });
      const all = await published();
      expect(all.strategies).toEqual([
        'Asked the contractor to reopen',
        'Removed the guidance line and resubmitted',
        'Appealed with the op note.',
      ]);
      expect((await patterns('?payerType=medicaid')).strategies).toEqual(['Removed the guidance line and resubmitted']);
      // WY's single reporter is no view, nor can it be the whole complement of one: OH is withheld with it, PA is shown.
      expect(await patterns('?state=WY')).toMatchObject({ status: 'insufficient' });
      expect(await patterns('?state=OH')).toMatchObject({ status: 'insufficient' });
      expect((await patterns('?state=PA')).strategies).toEqual(['Appealed with the op note.']);
    });

    it('publishes a new snapshot of a code only once five new reporters sent reports since the last', async () => {
      await fromReporters(5);
      const first = await published();
      expect(first).toMatchObject({ status: 'ok' });
      // Four new reporters: one reporter more or less between two reads could be read off, so nothing changes.
      await fromReporters(4, { denialReasons: { carc: ['CO-236'], rarc: [] } });
      expect({ ...(await published()), publishedAsOf: first.publishedAsOf }).toEqual(first);
      await fromReporters(1, { denialReasons: { carc: ['CO-236'], rarc: [] } });
      const second = await published();
      expect(second.denialReasons.carc.items.map((i) => i.value).sort()).toEqual(['CO-236', 'CO-97']);
    });

    it('refreshes on the schedule, not on each report', async () => {
      await h.close();
      h = await startHarness({ extra: { FEEDBACK_PUBLISH_INTERVAL: '1h' } });
      // The first publication runs as the service starts; the next one only in an hour.
      await waitFor(async () => (await patterns()).publishedAsOf !== null, { description: 'the first publication', timeoutMs: 10_000 });
      const first = await patterns();
      await fromReporters(5);
      expect(await patterns()).toEqual(first);
      expect((await getJson(`${h.svc.url}/v1/denial-patterns/publication`)).body).toEqual({
        publishedAsOf: first.publishedAsOf,
        intervalSeconds: 3600,
        threshold: 5,
        rounding: 5,
        guarantee: expect.stringMatching(/^Nothing is shown unless at least 5 different billers reported it/),
      });
    });

    it('refuses month ranges, combined filters and malformed values with 400 naming the field', async () => {
      const bad = async (query: string) => (await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns${query}`)).body;
      expect(await bad('?from=2026-01&to=2026-10')).toMatchObject({
        code: 'QUERY_INVALID',
        errors: [
          { path: 'from', message: 'month ranges are not published; use year=YYYY' },
          { path: 'to', message: 'month ranges are not published; use year=YYYY' },
        ],
      });
      expect(await bad('?state=PA&payerType=medicaid')).toMatchObject({
        errors: [{ path: 'filters', message: expect.stringMatching(/one filter/) }],
      });
      expect(await bad('?year=26')).toMatchObject({ errors: [{ path: 'year' }] });
      expect(await bad('?patient=x')).toMatchObject({ errors: [{ path: 'patient' }] });
      expect((await getJson(`${h.svc.url}/v1/codes/7700/denial-patterns`)).status).toBe(400);
      expect((await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns?state=ZZ`)).status).toBe(400);
    });
  });

  it('uses a configured threshold above five, and refuses one below', async () => {
    h = await startHarness({ extra: { FEEDBACK_MIN_CELL: '7' } });
    await fromReporters(6);
    expect(await published()).toMatchObject({ status: 'insufficient', threshold: 7 });
    await fromReporters(1);
    expect(await published()).toMatchObject({ status: 'ok', threshold: 7 });
    expect(() => parseConfig(FeedbackConfigSchema, { FEEDBACK_MIN_CELL: '4' })).toThrow(
      /FEEDBACK_MIN_CELL: the publication threshold cannot be below 5/,
    );
    expect(() => parseConfig(FeedbackConfigSchema, { NODE_ENV: 'production' })).toThrow(/FEEDBACK_REPORTER_SECRET: required in production/);
  });
});
