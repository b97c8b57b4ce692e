import type { DenialPatterns, DenialReportInput } from '@claimflow/domain';
import { parseConfig } from '@claimflow/platform';
import { aDenialReport } from '@claimflow/domain/testing';
import { FeedbackConfigSchema } from '../src/config/feedback.config';
import { getJson, postJson } from './support/start-feedback';
import { startHarness, type Harness } from './support/feedback-harness';

const medicaid = { payer: { type: 'medicaid' as const } };
const advantage = { payer: { type: 'medicare-advantage' as const } };
const commercial = { payer: { type: 'commercial' as const } };
const notAppealed = { appeal: { filed: false as const } };

describe('GET /v1/codes/{code}/denial-patterns', () => {
  let h: Harness;
  const submitMany = async (n: number, overrides: Partial<DenialReportInput> = {}) => {
    for (let i = 0; i < n; i++)
      expect((await postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport(overrides), h.reporter)).status).toBe(201);
  };
  const patterns = async (query = '') => {
    const res = await getJson<DenialPatterns & { reportsNeeded?: number | null }>(`${h.svc.url}/v1/codes/77003/denial-patterns${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  afterEach(async () => {
    await h?.close();
  });

  describe('with the default threshold of five', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('tells only how many more reports are needed at 4, and shows patterns from the 5th on', async () => {
      expect(await patterns()).toMatchObject({ status: 'insufficient', reportsNeeded: 5 });
      await submitMany(4);
      const four = await patterns();
      expect(four).toEqual({
        status: 'insufficient',
        code: '77003',
        threshold: 5,
        filters: {},
        reportsNeeded: 1,
        message: expect.any(String),
      });
      await submitMany(1);
      const five = await patterns();
      expect(five).toMatchObject({
        status: 'ok',
        reports: 5,
        denialReasons: {
          carc: { items: [{ value: 'CO-97', reports: 5, share: 1 }] },
          rarc: { items: [{ value: 'N130', reports: 5, share: 1 }] },
        },
        payerTypes: { items: [{ value: 'medicare-part-b', reports: 5, share: 1 }], other: null },
        appeals: { filed: { reports: 5 }, appealRate: 1, outcomes: { items: [{ value: 'overturned', reports: 5, share: 1 }] } },
        coBilledCodes: { items: [{ value: '62323', reports: 5, share: 1 }] },
        claimflowEdits: { items: [{ value: 'GUIDANCE_INCLUDED', reports: 5, share: 1 }] },
      });
      // Nothing below five anywhere in the answer.
      const counts = JSON.stringify(five).match(/"(reports|mentions)":\d+/g) ?? [];
      expect(counts.map((c) => Number(c.split(':')[1])).every((n) => n >= 5)).toBe(true);
      // Other codes are untouched.
      expect((await getJson(`${h.svc.url}/v1/codes/62323/denial-patterns`)).body).toMatchObject({
        status: 'insufficient',
        reportsNeeded: 5,
      });
    });

    it('folds small cells into other', async () => {
      await submitMany(6);
      await submitMany(5, advantage);
      await submitMany(3, medicaid);
      await submitMany(2, commercial);
      const p = await patterns();
      expect(p.payerTypes).toEqual({
        items: [
          { value: 'medicare-part-b', reports: 6, share: 0.375 },
          { value: 'medicare-advantage', reports: 5, share: 0.313 },
        ],
        other: { reports: 5, share: 0.313 },
        suppressed: false,
      });
    });

    it('suppresses cells that could be worked out by subtracting shown figures from the total', async () => {
      await submitMany(7);
      await submitMany(3, { ...medicaid, appeal: { filed: true, level: 1, outcome: 'upheld' } });
      await submitMany(2, { ...medicaid, ...notAppealed, denialReasons: { carc: ['CO-236'], rarc: [] } });
      const p = await patterns();
      expect(p.reports).toBe(12);
      // Payer types partition cleanly into 7 and 5: both publishable.
      expect(p.payerTypes.items.map((i) => `${i.value}=${i.reports}`)).toEqual(['medicare-part-b=7', 'medicaid=5']);
      // Filed 10 of 12 would reveal the 2 not filed, so appeal figures are withheld altogether.
      expect(p.appeals).toEqual({ filed: null, notFiled: null, appealRate: null, outcomes: null, overturnRate: null });
      // CO-97 on 10 of 12 single-reason reports would reveal the 2 CO-236 reports.
      expect(p.denialReasons.carc).toEqual({ items: [], other: { mentions: 12 }, suppressed: false });
    });

    it('gives the threshold answer for filters that isolate, or leave out, fewer than five reports', async () => {
      await submitMany(8);
      await submitMany(3, { ...medicaid, state: 'OH', denialMonth: '2026-06' });
      await submitMany(6, { ...advantage, state: 'OH', denialMonth: '2026-07' });
      expect(await patterns('?state=OH')).toMatchObject({ status: 'ok', reports: 9 });
      expect(await patterns('?payerType=medicare-part-b')).toMatchObject({ status: 'ok', reports: 8 });
      expect(await patterns('?to=2026-07')).toMatchObject({ status: 'ok', reports: 9 });
      // Three Medicaid reports: isolated by payer, by state and payer, or by period.
      for (const narrow of ['?payerType=medicaid', '?state=OH&payerType=medicaid', '?to=2026-06']) {
        expect(await patterns(narrow)).toEqual({
          status: 'insufficient',
          code: '77003',
          threshold: 5,
          filters: expect.any(Object),
          reportsNeeded: null,
          message: expect.any(String),
        });
      }
      // From July on holds 14 of 17: the 3 left out would follow by subtraction.
      expect(await patterns('?from=2026-07')).toMatchObject({ status: 'insufficient', reportsNeeded: null });
      const pa = await patterns('?state=PA');
      expect(pa).toMatchObject({ status: 'ok', reports: 8, filters: { state: 'PA' } });
      expect(pa.denialReasons.carc.items).toEqual([{ value: 'CO-97', reports: 8, share: 1 }]);
    });

    it('suppresses a filtered cell that differs from the unfiltered one by fewer than five', async () => {
      await submitMany(6);
      await submitMany(6, { denialReasons: { carc: ['CO-236'], rarc: [] } });
      await submitMany(2, { ...medicaid });
      await submitMany(5, { ...medicaid, denialReasons: { carc: ['CO-236'], rarc: [] } });
      const medicare = await patterns('?payerType=medicare-part-b');
      expect(medicare.reports).toBe(12);
      // CO-97: 8 overall, 6 for Medicare: the 2 Medicaid CO-97 reports would follow by subtraction.
      expect(medicare.denialReasons.carc.items.map((i) => i.value)).toEqual(['CO-236']);
    });

    it('rejects a malformed code or filter with 400', async () => {
      expect((await getJson(`${h.svc.url}/v1/codes/7700/denial-patterns`)).status).toBe(400);
      expect((await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns?state=ZZ`)).status).toBe(400);
      expect((await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns?from=2026-09-01`)).status).toBe(400);
      expect(await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns?patient=x`)).toMatchObject({
        status: 400,
        body: { code: 'QUERY_INVALID', errors: [{ path: 'patient' }] },
      });
      expect((await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns?from=2026-09&to=2026-01`)).body).toMatchObject({
        errors: [{ path: 'from', message: 'from must not be after to' }],
      });
    });

    it('lists de-duplicated strategies, only from reports that passed the checks', async () => {
      await submitMany(3, { whatWorked: 'Appealed with the op note.' });
      await submitMany(1, { whatWorked: 'appealed  with the OP note' });
      await submitMany(1, { whatWorked: 'Removed the guidance line and resubmitted' });
      const refused = await postJson(
        `${h.svc.url}/v1/denial-reports`,
        aDenialReport({ whatWorked: 'Dr. Okafor wrote a letter' }),
        h.reporter,
      );
      expect(refused.status).toBe(422);
      const p = await patterns();
      expect(p.reports).toBe(5);
      expect(p.strategies).toEqual(['Removed the guidance line and resubmitted', 'appealed  with the OP note']);
    });
  });

  it('uses a configured threshold above five, and refuses one below', async () => {
    h = await startHarness({ extra: { FEEDBACK_MIN_CELL: '7' } });
    await submitMany(6);
    expect(await patterns()).toMatchObject({ status: 'insufficient', threshold: 7, reportsNeeded: 1 });
    await submitMany(1);
    expect(await patterns()).toMatchObject({ status: 'ok', reports: 7 });
    expect(() => parseConfig(FeedbackConfigSchema, { FEEDBACK_MIN_CELL: '4' })).toThrow(
      /FEEDBACK_MIN_CELL: the publication threshold cannot be below 5/,
    );
  });
});
