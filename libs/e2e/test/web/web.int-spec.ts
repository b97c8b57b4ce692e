import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { waitFor } from '@claimflow/testing';
import { ensureChromium, ensureClientBuilt, launchBrowser, shot } from './support/browser';
import { overflowing, type DomElement } from './support/page-checks';
import { startWebStack, type WebStack } from './support/start-web-stack';

/** National non-facility amount from the shipped CY2025 RVUs (GPCI 1.0), worked out here rather than by the pricer. */
async function nationalNonFacility(code: string, date: string): Promise<string> {
  const rvu = (await loadDefaultCatalog()).resolve('mpfs-rvu', date);
  if (!rvu.ok) throw new Error('no CY2025 fee schedule shipped');
  const row = rvu.value.get(code, '')!;
  return `$${(Math.round(row.nonFacilityTotal * rvu.value.conversionFactor * 100) / 100).toFixed(2)}`;
}

/** The LESI claim's epidural in Manhattan (ZIP 10016, carrier 13202 locality 01), from RVU and GPCI rows. */
async function manhattanAllowed(code: string, date: string): Promise<string> {
  const catalog = await loadDefaultCatalog();
  const rvu = catalog.resolve('mpfs-rvu', date);
  const gpci = catalog.resolve('mpfs-gpci', date);
  if (!rvu.ok || !gpci.ok) throw new Error('no CY2025 fee schedule shipped');
  const r = rvu.value.get(code, '')!;
  const g = gpci.value.get('13202', '01')!;
  const cents = Math.round((r.workRvu * g.work + r.nonFacilityPeRvu * g.pe + r.mpRvu * g.mp) * rvu.value.conversionFactor * 100);
  return `$${(cents / 100).toFixed(2)}`;
}

// Browser globals the page.evaluate callbacks below touch (the root tsconfig has no DOM lib).
declare const document: {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  readonly activeElement: DomElement | null;
};
declare const localStorage: object;
declare const sessionStorage: { getItem(key: string): string | null };

describe('web front end in Debian Chromium against the running services', () => {
  let stack: WebStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureChromium();
    ensureClientBuilt();
    [stack, browser] = await Promise.all([startWebStack(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const toIngest: string[] = [];
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => r.url().includes('/api/ingest/') && toIngest.push(r.url()));
  });

  /** Claims the ledger holds: the check page must never store a visitor's claim. */
  const ledgerCount = async () => {
    const client = new Client({ connectionString: stack.databaseUrl });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM claim_ledger')).rows[0].n);
    } finally {
      await client.end();
    }
  };

  afterEach(async () => {
    await page?.close();
  });

  it('looks up 77003 by search and shows $99.63 for CY2025 national non-facility, beside 26 and TC', async () => {
    const expected = await nationalNonFacility('77003', '2025-07-01');
    expect(expected).toBe('$99.63');
    await page.goto(stack.webUrl);
    // the coverage line of `refdata status`
    expect(await page.getByTestId('coverage-line').innerText()).toMatch(/dated today \(\d{4}-\d{2}-\d{2}\)/);
    await page.screenshot({ path: shot('01-home'), fullPage: true });
    await page.getByLabel('Search by code').first().fill('77003');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/codes\/77003/);
    await page.getByLabel('Year').selectOption('2025');
    const table = page.locator('table.fee-table');
    await table.getByText('CY2025, NATIONAL').waitFor();
    const allowed = table.locator('tr', { hasText: 'Medicare allowed (non-facility)' });
    expect(await allowed.locator('td').allTextContents()).toEqual([expected, '$27.17', '$72.46']);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Amount', 'global', 'professional (26)', 'technical (TC)']);

    const facts = await page.locator('.facts').innerText();
    expect(facts).toMatch(/Add-on code\s+Yes \(type 1\)/);
    expect(facts).toMatch(/Global period\s+ZZZ/);
    expect(facts).toMatch(/PC\/TC indicator\s+1:/);
    expect(facts).toMatch(/1 unit · MAI 3/);
    expect(await page.locator('.primaries').innerText()).toContain('62280');
    const bundledBy = page.locator('.ptp-block', { hasText: '77003 is column 2' });
    await page.screenshot({ path: shot('02-code-77003-cy2025'), fullPage: true });
    await bundledBy.getByRole('button', { name: /Show all \d+/ }).click();
    const pair = await bundledBy.locator('tbody tr', { hasText: '62323 / 77003' }).innerText();
    expect(pair).toMatch(/62323\s+62323 \/ 77003\s+[01]\s+(Yes|No)/);
    expect(await page.locator('.guidance').innerText()).toMatch(/GUIDANCE_INCLUDED[\s\S]*PTP_BUNDLED/);
    const patternsPanel = await page.getByTestId('denial-patterns').innerText();
    expect(patternsPanel).toMatch(/not enough reports to show patterns yet/);
    expect(patternsPanel).toMatch(/Nothing is shown unless at least 5 different billers reported it/);
    expect(patternsPanel).not.toMatch(/more reports? (is|are) needed/);
    // what changed this quarter: the NCCI release in use against the one before it
    expect(await page.getByTestId('code-changes').innerText()).toMatch(
      /What changed this quarter[\s\S]*NCCI unit limits \(MUE\), practitioner: \S+ → \S+/,
    );

    await page.setViewportSize({ width: 375, height: 800 });
    await page.reload();
    await page.locator('table.fee-table').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('03-code-77003-narrow'), fullPage: false });
  });

  it('checks a 62323 + 77003 claim filled in as lines: 77003 denied with its fix, the epidural paid', async () => {
    await page.goto(`${stack.webUrl}/check`);
    await page.getByLabel('Fill in lines').check();
    await page.getByLabel('Date of service').fill('2025-03-10');
    await page.getByLabel('Practice ZIP (optional)').fill('10016');
    await page.getByLabel('Line 1 code').fill('62323');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Line 2 code').fill('77003');
    await page.getByRole('button', { name: 'Check claim' }).click();

    const fluoro = page.locator('.line-card', { hasText: 'Line 2: 77003' });
    await fluoro.waitFor({ timeout: 60_000 });
    const text = await fluoro.innerText();
    expect(text).toMatch(/Denied/);
    expect(text).toMatch(/GUIDANCE_INCLUDED/);
    expect(text).toMatch(/Fix: .*77003/);
    expect(text).toContain('Allowed $0.00');
    const epidural = await manhattanAllowed('62323', '2025-03-10');
    expect(await page.locator('.line-card', { hasText: 'Line 1: 62323' }).innerText()).toContain(`Allowed ${epidural}`);
    expect(await page.locator('.result [role=status]').innerText()).toContain(`Total allowed ${epidural}`);
    expect(await page.locator('.changes').innerText()).toContain('Line 2 (77003) removed.');
    await page.screenshot({ path: shot('04-check-62323-77003'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await overflowing(page)).toEqual([]);
    await fluoro.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('04b-check-narrow'), fullPage: false });
  });

  it.each([
    ['X12 837P', 'x12/single-claim.x12', '05-check-x12'],
    ['FHIR Claim', 'fhir/lesi-pos22.claim.fhir.json', '05b-check-fhir'],
  ])('checks a pasted %s with the same stateless check', async (_format, fixture, name) => {
    const text = readFileSync(join(__dirname, '../../../domain/src/intake/__fixtures__', fixture), 'utf8');
    await page.goto(`${stack.webUrl}/check`);
    await page.getByLabel('Claims: X12 837P, FHIR Claim or Bundle, or JSON').fill(text);
    await page.getByRole('button', { name: 'Check claim' }).click();
    const fluoro = page.locator('.line-card', { hasText: ': 77003' });
    await fluoro.waitFor({ timeout: 60_000 });
    expect(await fluoro.innerText()).toMatch(/Line 2: 77003-26[\s\S]*Denied[\s\S]*GUIDANCE_INCLUDED/);
    expect(await page.locator('.line-card', { hasText: ': 62323' }).innerText()).toMatch(/Allowed \$\d+\.\d\d/);
    await page.screenshot({ path: shot(name), fullPage: true });
    expect(toIngest).toEqual([]);
    expect(await ledgerCount()).toBe(0);
  });

  it('signs a biller in for the session, refuses personal data, and shows the pattern only once five billers reported', async () => {
    const code = '77002';
    // Five billers, each with a reporter key of their own (scope reports:submit), as the operator issues them.
    const keys = await Promise.all([1, 2, 3, 4, 5].map((n) => stack.reporterKey(`biller-${n}`)));
    const keyOf = (n: number) => keys[n - 1].key;
    const sent: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/feedback/v1/denial-reports'))
        sent.push({ url: r.url(), authorization: r.headers()['authorization'] });
    });
    const signIn = async (n: number) => {
      await page.getByLabel('Reporter key').fill(keyOf(n));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Signed in as a reporter for this browser session.').waitFor();
    };
    const fill = async () => {
      await page.getByLabel('MAC jurisdiction').selectOption('JL');
      await page.getByLabel('State').selectOption('PA');
      await page.getByLabel('Reason codes (CARC)').fill('CO-97');
      await page.getByLabel('Remark codes (RARC, optional)').fill('N130');
      await page.getByLabel('What worked (optional)').fill('Removed the guidance line and resubmitted with the procedure code alone.');
    };
    const patternsText = async () => {
      await page.goto(`${stack.webUrl}/codes/${code}`);
      const panel = page.getByTestId('denial-patterns');
      await panel.locator('.state-empty, .patterns').first().waitFor();
      return panel.innerText();
    };

    // No form before signing in; the page states the guarantee.
    await page.goto(`${stack.webUrl}/report?code=${code}`);
    await page.getByRole('heading', { name: 'Sign in to report' }).waitFor();
    expect(await page.getByRole('button', { name: 'Send report' }).count()).toBe(0);
    expect(await page.getByTestId('guarantee').innerText()).toMatch(/^Nothing is shown unless at least 5 different billers reported it/);
    await page.screenshot({ path: shot('06-report-sign-in'), fullPage: true });
    await signIn(1);
    // The key lives in this session's storage only: not in the URL, localStorage or a cookie.
    expect(page.url()).not.toContain(keyOf(1));
    expect(await page.evaluate(() => JSON.stringify(Object.keys(localStorage)))).toBe('[]');
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('claimflow.reporterKey'))).toBe(keyOf(1));

    await fill();
    await page.getByLabel('What happened (optional)').fill('Patient Jane Doe, DOB 01/02/1950, was denied for the guidance.');
    await page.getByRole('button', { name: 'Send report' }).click();
    const summary = page.locator('[role=alert]', { hasText: 'before sending' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/What happened: Looks like a date of birth/);
    expect(await page.getByLabel('What happened (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    await page.screenshot({ path: shot('06-report-refused-personal-data'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('06b-report-narrow'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('What happened (optional)').fill('Fluoroscopic guidance billed with the injection was denied as included.');

    for (let n = 1; n <= 5; n++) {
      if (n > 1) {
        await page.goto(`${stack.webUrl}/report?code=${code}`);
        // Each report from a different biller: sign out, sign in with the next key.
        await page.getByRole('button', { name: 'Sign out' }).click();
        await signIn(n);
        await fill();
      }
      await page.getByRole('button', { name: 'Send report' }).click();
      await page.getByRole('heading', { name: 'Thank you: your report is stored' }).waitFor();
      expect(sent).toHaveLength(n);
      expect(sent[n - 1].authorization).toBe(`Bearer ${keyOf(n)}`);
      expect(sent[n - 1].url).not.toContain(keyOf(n));
      if (n === 1) await page.screenshot({ path: shot('07-report-confirmation'), fullPage: true });
      if (n < 5) {
        const text = await patternsText();
        expect(text).toContain('not enough reports to show patterns yet');
        expect(await page.locator('.patterns').count()).toBe(0);
      }
      if (n === 4) await page.getByTestId('denial-patterns').screenshot({ path: shot('08-patterns-after-four') });
    }
    // Counts refresh on the publication schedule (short in tests), not on each report.
    let text = '';
    await waitFor(async () => /5 reports of denials for 77002/.test((text = await patternsText())), {
      description: 'the published pattern after the fifth biller',
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    expect(text).toMatch(/CO-97: 5 reports \(100%\)/);
    expect(text).toContain('Removed the guidance line and resubmitted with the procedure code alone.');
    await page.getByTestId('denial-patterns').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('09-code-77002-patterns'), fullPage: true });

    // A filter that matches too few billers gets the "not enough" answer, never a small count.
    const patterns = page.getByTestId('denial-patterns');
    await page.getByTestId('filter-state').selectOption('TX');
    await patterns.getByText('not enough reports to show patterns yet').waitFor();
    expect(await patterns.locator('.patterns').count()).toBe(0);
    await page.getByTestId('filter-state').selectOption('');
    await patterns.locator('.pattern-total', { hasText: '5 reports' }).waitFor();
  });

  it('is usable from the keyboard and says so when a code is unknown', async () => {
    await page.goto(`${stack.webUrl}/codes/99999`);
    await page.locator('[role=alert]', { hasText: 'We have no data on 99999' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.getByLabel('Search by code').first().focus();
    await page.keyboard.type('7700');
    await page.keyboard.press('Enter');
    await page.getByText('Enter a 5-character CPT or HCPCS code').waitFor();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/codes\/77001/);
    await page.locator('.summary', { hasText: 'central venous access' }).waitFor();
    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, textarea'))
        .filter((e) => !e.labels?.length && !e.getAttribute('aria-label'))
        .map((e) => e.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.screenshot({ path: shot('10-code-unknown-then-77001'), fullPage: false });
  });

  it('shows the public edit accuracy, and no figures while fewer than five submitters stand behind them', async () => {
    await page.goto(stack.webUrl);
    await page.getByRole('link', { name: 'Edit accuracy' }).click();
    await page.waitForURL(/\/edit-accuracy$/);
    await page.getByRole('heading', { name: 'How good are the edits?' }).waitFor();
    await page.locator('.state-empty', { hasText: 'No figures yet: each needs remittances from at least 5 submitters' }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await overflowing(page)).toEqual([]);
  });
});
