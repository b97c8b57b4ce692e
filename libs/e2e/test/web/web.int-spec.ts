import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { shot } from './support/browser';
import { overflowing, type DomElement } from './support/page-checks';
import type { WebStack } from './support/start-web-stack';
import { webSuite } from './support/web-suite';

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

describe('web front end in Debian Chromium against the running services', () => {
  const suite = webSuite();
  let stack: WebStack;
  let page: Page;
  beforeAll(() => void (stack = suite.stack));

  const toIngest: string[] = [];
  beforeEach(() => {
    page = suite.page;
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
