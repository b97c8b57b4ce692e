import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { ensureChromium, ensureClientBuilt, launchBrowser, shot } from './support/browser';
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

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterEach(async () => {
    await page?.close();
  });

  it('looks up 77003 by search and shows $99.63 for CY2025 national non-facility, beside 26 and TC', async () => {
    const expected = await nationalNonFacility('77003', '2025-07-01');
    expect(expected).toBe('$99.63');
    await page.goto(stack.webUrl);
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

    await expect(page.getByText('Yes (type 1)')).resolves.toBeDefined();
    expect(await page.locator('.facts').innerText()).toMatch(/ZZZ[\s\S]*PC\/TC indicator\s+1:[\s\S]*1 unit · MAI 3/);
    expect(await page.locator('.primaries').innerText()).toContain('62280');
    const bundledBy = page.locator('.ptp-block', { hasText: '77003 is column 2' });
    expect(await bundledBy.locator('tbody tr', { hasText: '62323' }).count()).toBe(1);
    expect(await page.locator('.guidance').innerText()).toMatch(/GUIDANCE_INCLUDED[\s\S]*PTP_BUNDLED/);
    expect(await page.getByTestId('denial-patterns').innerText()).toMatch(/5 more reports are needed/);
    await page.screenshot({ path: shot('02-code-77003-cy2025'), fullPage: true });

    await page.setViewportSize({ width: 375, height: 800 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
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
  });

  it('checks a pasted X12 837P through the same pipeline', async () => {
    const x12 = readFileSync(join(__dirname, '../../../domain/src/intake/__fixtures__/x12/single-claim.x12'), 'utf8');
    await page.goto(`${stack.webUrl}/check`);
    await page.getByLabel('Claim: canonical JSON, X12 837P or FHIR Claim').fill(x12);
    await page.getByRole('button', { name: 'Check claim' }).click();
    await page.locator('.line-card', { hasText: '77003' }).waitFor({ timeout: 60_000 });
    expect(await page.locator('.line-card', { hasText: '77003' }).innerText()).toMatch(/Line 2: 77003-26[\s\S]*Denied[\s\S]*GUIDANCE_INCLUDED/);
    await page.screenshot({ path: shot('05-check-x12'), fullPage: true });
  });
});
