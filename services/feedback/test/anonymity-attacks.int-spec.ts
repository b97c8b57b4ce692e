import type { DenialReportInput } from '@claimflow/domain';
import { aDenialReport } from '@claimflow/domain/testing';
import { ask, known, observationsOf, submitAs, waitForPublication } from './support/attacker';
import { smallestDisclosure, type KnownReport, type Universe } from '@claimflow/testing';
import { startHarness, type Harness } from './support/feedback-harness';

/**
 * The three attacks of issue 14, run through the HTTP API as a new user would, each across the
 * period, payer type and state. The attacker asks a battery of queries (old-style month ranges,
 * whole years, one filter or two); every answer becomes equations, and the solver looks for the
 * smallest cell they pin into 1..k-1. Nothing below k may be learned.
 */
const K = 5;
const CODE = '77003';
const PAYERS = ['medicare-part-b', 'medicare-advantage', 'medicaid', 'commercial'];
const universe: Universe = {
  payerTypes: PAYERS,
  states: ['PA', 'OH', 'WY'],
  months: Array.from({ length: 12 }, (_, i) => 202601 + i),
};
const QUERIES = [
  '',
  '?year=2026',
  '?year=2025',
  '?from=2026-01',
  '?to=2026-10',
  '?from=2026-01&to=2026-10',
  '?from=2026-11',
  '?from=2026-11&to=2026-11',
  ...PAYERS.map((p) => `?payerType=${p}`),
  ...universe.states.map((s) => `?state=${s}`),
  '?state=PA&payerType=medicare-part-b',
  '?payerType=medicare-part-b&to=2026-10',
  '?state=PA&to=2026-10',
  '?state=WY&payerType=medicare-part-b',
];

const partB = { type: 'medicare-part-b' as const, macJurisdiction: 'JL' as const };
const advantage = { type: 'medicare-advantage' as const };
const medicaid = { type: 'medicaid' as const };

describe('anonymity of denial patterns against an attacker (issue 14)', () => {
  let h: Harness;
  let reporter = 0;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h?.close();
  });

  /** n reports, each from a different biller. */
  const others = async (n: number, overrides: Partial<DenialReportInput>) => {
    for (let i = 0; i < n; i++) await submitAs(h, `other-${++reporter}`, aDenialReport(overrides));
  };
  const attack = async (own: KnownReport[] = [], queries = QUERIES) => {
    await waitForPublication(h, new Date());
    const answers = await ask(h, CODE, queries);
    const observations = answers.flatMap((a) => observationsOf(a.query, a.answer));
    return { answers, disclosure: smallestDisclosure(observations, own, universe, K) };
  };

  it('1: the not-yet answer does not tell how many reports exist', async () => {
    await others(2, {});
    const { answers, disclosure } = await attack();
    expect(disclosure).toBeNull();
    expect(answers.map((a) => a.answer.status)).not.toContain('ok');
  });

  it.each([
    // [attacked dimension, the 5 reports, the 2 reports the attacker tries to isolate, 6 reports elsewhere]
    ['period', { state: 'PA', denialMonth: '2026-05', payer: partB }, { state: 'PA', denialMonth: '2026-11', payer: partB }],
    ['payer type', { state: 'PA', denialMonth: '2026-05', payer: partB }, { state: 'PA', denialMonth: '2026-05', payer: medicaid }],
    ['state', { state: 'PA', denialMonth: '2026-05', payer: partB }, { state: 'OH', denialMonth: '2026-05', payer: partB }],
  ] as const)('2: differencing two allowed answers does not isolate 2 reports (%s)', async (_dimension, five, two) => {
    await others(5, five);
    await others(2, { ...two, denialReasons: { carc: ['CO-236'], rarc: [] } });
    await others(6, { state: 'TX', denialMonth: '2026-03', payer: advantage });
    const { answers, disclosure } = await attack();
    expect(disclosure).toBeNull();
    // Not vacuous: the code and some of its views are published.
    expect(answers.filter((a) => a.answer.status === 'ok').length).toBeGreaterThan(1);
  });

  it.each([
    ['state', { state: 'WY' }],
    ['payer type', { payer: { type: 'commercial' as const } }],
    ['period', { denialMonth: '2026-11' }],
  ] as const)('3: self-submission then subtraction reveals nothing of 2 real reports (%s)', async (_dimension, slice) => {
    const secret = 'Called the contractor and got the edit reversed on reopening.';
    await others(10, { denialMonth: '2026-05' });
    await others(2, { ...slice, denialReasons: { carc: ['CO-236'], rarc: ['M80'] }, whatWorked: secret });
    const mine = Array.from({ length: 4 }, () => aDenialReport({ ...slice, whatWorked: undefined }));
    for (const r of mine) await submitAs(h, 'attacker', r);
    const { answers, disclosure } = await attack(mine.map(known));
    expect(disclosure).toBeNull();
    expect(answers.find((a) => a.query === '')?.answer.status).toBe('ok');
    // The two real reports' free text is never shown under a view that isolates them with the attacker's.
    const narrow = answers.filter((a) => Object.keys(slice).some((k) => a.query.includes(k === 'denialMonth' ? '2026-11' : k)));
    for (const a of narrow) expect(a.answer.strategies ?? []).not.toContain(secret);
  });
});
