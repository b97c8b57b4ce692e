import type { Page } from 'playwright-core';
import type { ClaimListAnswer } from '@claimflow/contracts';
import { mintTestKey, waitFor, type TestApiKey } from '@claimflow/testing';
import { shot } from './support/browser';
import { overflowing } from './support/page-checks';
import type { WebStack } from './support/start-web-stack';
import { webSuite } from './support/web-suite';
import { CLAIMS_A, CLAIMS_B } from './support/worklist-claims';

// Browser globals the page.evaluate callbacks below touch (the root tsconfig has no DOM lib).
declare const localStorage: object;
declare const sessionStorage: object;

describe('My claims in Debian Chromium: one owner’s claims only, filtered, paged, rejections with their reasons', () => {
  const suite = webSuite();
  let stack: WebStack;
  let page: Page;
  let a: TestApiKey;
  let b: TestApiKey;
  beforeAll(() => void (stack = suite.stack));
  beforeEach(() => void (page = suite.page));

  /** Ingest's own answer for a query with that key: the numbers the page must show. */
  const listed = async (key: TestApiKey, query: string) => {
    const res = await fetch(`${stack.pipeline.ingestUrl}/v1/claims?limit=500&${query}`, { headers: key.headers });
    expect(res.status).toBe(200);
    return ((await res.json()) as ClaimListAnswer).claims.map((c) => c.submitterClaimId).sort();
  };

  beforeAll(async () => {
    [a, b] = await Promise.all(
      ['clinic-a', 'clinic-b'].map((owner) => mintTestKey(stack.databaseUrl, { owner, scopes: ['claims:submit', 'claims:read'] })),
    );
    for (const [key, claims] of [
      [a, CLAIMS_A],
      [b, CLAIMS_B],
    ] as const) {
      const res = await fetch(`${stack.pipeline.ingestUrl}/v1/claims`, {
        method: 'POST',
        headers: { ...key.headers, 'content-type': 'application/json' },
        body: JSON.stringify(claims),
      });
      expect(res.status).toBeLessThan(300);
      await waitFor(async () => (await listed(key, 'status=priced,rejected')).length === claims.length, {
        description: 'every claim priced or rejected',
        timeoutMs: 30_000,
        intervalMs: 250,
      });
    }
  });

  /** The claim numbers of the cards shown (under `within`), top to bottom. */
  const cards = async (within = page.locator('body')) =>
    Promise.all((await within.getByTestId('claim-card').all()).map(async (c) => String(await c.getAttribute('data-claim-number'))));
  const count = () => page.getByTestId('claims-count').innerText();
  const shown = (n: number, more = false) =>
    page
      .getByTestId('claims-count')
      .filter({ hasText: `${n === 1 ? 'One claim' : `${n} claims`} shown${more ? '; more match these filters' : ''}.` });
  /** Applies the form's filters and waits for the list they give (`n` claims shown). */
  const apply = async (n: number, more = false) => {
    await page.getByRole('button', { name: 'Show claims' }).click();
    await shown(n, more).waitFor();
  };
  const signIn = async (key: string) => {
    await page.getByLabel('API key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in with your API key for this browser session.').waitFor();
    await page.getByTestId('claims-count').waitFor();
  };

  it('lists only the signed-in owner’s claims, rejected and denied first, narrows them by filter and pages with the cursor', async () => {
    const requests: { url: string; authorization?: string }[] = [];
    page.on('request', (r) => requests.push({ url: r.url(), authorization: r.headers()['authorization'] }));

    await page.goto(`${stack.webUrl}/claims`);
    await page.getByRole('heading', { name: 'Sign in to see your claims' }).waitFor();
    await signIn(a.key);
    expect(await count()).toBe('12 claims shown.');
    const mine = (await cards()).sort();
    expect(mine).toEqual(CLAIMS_A.map((c) => c.submitterClaimId).sort());
    expect(mine.filter((n) => n.startsWith('B-'))).toEqual([]);

    // Needs attention first: the two rejections, then the claims with a line predicted denied; the rest after.
    const denied = await listed(a, 'denied=true');
    expect(denied.length).toBeGreaterThan(0);
    const attention = await cards(page.getByTestId('needs-attention'));
    expect(attention.slice(0, 2).sort()).toEqual(['A-BAD-NPI', 'A-NO-LINES']);
    expect(attention.slice(2).sort()).toEqual(denied);
    expect((await cards()).slice(0, attention.length)).toEqual(attention);

    // A rejected claim says why, in words, with its 277CA status; an accepted one says so.
    const badNpi = page.locator('[data-claim-number="A-BAD-NPI"]');
    await badNpi.getByTestId('rejection-reasons').waitFor();
    expect(await badNpi.getByTestId('rejection-reasons').innerText()).toMatch(
      /Rejected not accepted for processing \(277CA status A7:562:85\)[\s\S]*Billing provider NPI:/,
    );
    const noLines = page.locator('[data-claim-number="A-NO-LINES"]');
    expect(await noLines.getByTestId('rejection-reasons').innerText()).toMatch(/Service lines:/);
    expect(await page.locator('[data-claim-number="A-BIOPSY-1"]').innerText()).toMatch(/Accepted for processing \(277CA status A2:20\)/);
    await page.screenshot({ path: shot('20-my-claims'), fullPage: true });

    // Filters narrow the list to what ingest answers for the same query.
    await page.getByRole('checkbox', { name: 'Rejected' }).check();
    await apply(2);
    expect((await cards()).sort()).toEqual(['A-BAD-NPI', 'A-NO-LINES']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await shown(12).waitFor();
    await page.getByLabel('Prediction').selectOption('true');
    await apply(denied.length);
    expect((await cards()).sort()).toEqual(denied);
    await page.getByLabel('Prediction').selectOption('');
    await page.getByLabel('Service from').fill('2025-03-05');
    await page.getByLabel('Service to').fill('2025-03-05');
    await apply(2);
    expect((await cards()).sort()).toEqual(await listed(a, 'serviceFrom=2025-03-05&serviceTo=2025-03-05'));
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await shown(12).waitFor();
    await page.getByLabel('Claim number').fill('A-LESI-4');
    await apply(1);
    expect(await cards()).toEqual(['A-LESI-4']);
    // Another owner's claim number finds nothing.
    await page.getByLabel('Claim number').fill('B-LESI-1');
    await apply(0);

    // Received dates are the browser's own days: none before the day A's claims came, all 12 on that day.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await shown(12).waitFor();
    const res = await fetch(`${stack.pipeline.ingestUrl}/v1/claims?limit=1`, { headers: a.headers });
    const { receivedAt } = ((await res.json()) as ClaimListAnswer).claims[0];
    const [day, dayBefore] = await page.evaluate((iso) => {
      const d = new Date(iso);
      const before = new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1);
      return [d, before].map((x) => x.toLocaleDateString('en-CA'));
    }, receivedAt);
    await page.getByLabel('Received to').fill(dayBefore);
    await apply(0);
    await page.getByLabel('Received from').fill(day);
    await page.getByLabel('Received to').fill(day);
    await apply(12);

    // Paging: ten a page, then the next page with the cursor, nothing listed twice.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await shown(12).waitFor();
    await page.getByLabel('Claims per page').selectOption('10');
    await apply(10, true);
    await page.getByRole('button', { name: 'More claims' }).click();
    await shown(12).waitFor();
    expect((await cards()).sort()).toEqual(mine);
    expect(await page.getByRole('button', { name: 'More claims' }).count()).toBe(0);
    expect(requests.some((r) => r.url.includes('/api/ingest/v1/claims?') && r.url.includes('cursor='))).toBe(true);

    // On a phone-sized screen nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await overflowing(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The other owner, signed in on the same tab, sees only their own three.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(b.key);
    expect((await cards()).sort()).toEqual(['B-BIOPSY-1', 'B-LESI-1', 'B-NO-LINES']);

    // The key went as a Bearer header to web's proxy, never in a URL, and stays out of localStorage and cookies.
    const toIngest = requests.filter((r) => r.url.includes('/api/ingest/'));
    expect(toIngest.length).toBeGreaterThan(5);
    expect(toIngest.every((r) => r.authorization === `Bearer ${a.key}` || r.authorization === `Bearer ${b.key}`)).toBe(true);
    expect(requests.filter((r) => r.url.includes(a.key) || r.url.includes(b.key) || r.url.includes(encodeURIComponent(a.key)))).toEqual([]);
    expect(page.url()).toBe(`${stack.webUrl}/claims`);
    expect(await page.evaluate(() => JSON.stringify(Object.keys(localStorage)))).toBe('[]');
    expect(await page.context().cookies()).toEqual([]);
  });

  it('refuses a key that is not accepted and one that may not read claims, and forgets both', async () => {
    const reporter = await stack.reporterKey('clinic-a');
    await page.goto(`${stack.webUrl}/claims`);
    await page.getByLabel('API key').fill('cf_live_not-a-key-anyone-issued');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That API key was not accepted.').waitFor();
    await page.getByLabel('API key').fill(reporter.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That API key may not read claims').waitFor();
    expect(await page.getByTestId('claim-card').count()).toBe(0);
    expect(await page.evaluate(() => JSON.stringify(Object.keys(sessionStorage)))).toBe('[]');
  });
});
