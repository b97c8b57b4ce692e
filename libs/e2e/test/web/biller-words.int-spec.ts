import type { Page } from 'playwright-core';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { fixture } from '../support/fixtures';
import { shot } from './support/browser';
import { onOneLine, overflowing, type DomElement } from './support/page-checks';
import type { WebStack } from './support/start-web-stack';
import { webSuite } from './support/web-suite';

describe('what a biller reads, in Debian Chromium: errors by label, a 390 px code page, no internal words', () => {
  const suite = webSuite();
  let stack: WebStack;
  let page: Page;
  beforeAll(() => void (stack = suite.stack));
  beforeEach(() => void (page = suite.page));

  it('says what to fix on the denial-report form by label, in sentences, with the choices in their lists, at 390 px', async () => {
    const { key } = await stack.reporterKey('biller-errors');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.webUrl}/report?code=77002`);
    await page.getByLabel('Reporter key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Sent as it opens: no MAC, no state, no reason code.
    await page.getByRole('button', { name: 'Send report' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'MAC jurisdiction: Choose the MAC jurisdiction that processed the claim.',
      'State: Choose the state the service was billed in.',
      'Reason codes (CARC): Enter at least one reason code, e.g. CO-97, and at most 10.',
    ]);
    expect(await page.locator('#state-errors').innerText()).toBe('Choose the state the service was billed in.');
    expect(await page.getByLabel('State').getAttribute('aria-invalid')).toBe('true');
    const form = await page.locator('main').innerText();
    expect(form).not.toMatch(/denialReasons|payer\.macJurisdiction|Invalid option|expected one of|"\|"|Too small|>=1 items/);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('22-report-errors-narrow'), fullPage: true });
    await page.getByLabel('MAC jurisdiction').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('22a-report-errors-at-fields-narrow'), fullPage: false });

    // Wrong values, each said in words under its label.
    await page.getByLabel('MAC jurisdiction').selectOption('JL');
    await page.getByLabel('State').selectOption('PA');
    await page.getByLabel('Reason codes (CARC)').fill('XX-1');
    await page.getByLabel('Units', { exact: true }).fill('0');
    await page.getByLabel('Denied code').fill('77003');
    await page.getByRole('button', { name: 'Send report' }).click();
    await summary.locator('li', { hasText: 'Units of billed code 1' }).waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'Units of billed code 1: Units must be a whole number from 1 to 999.',
      'Reason codes (CARC): Expected a group and reason code such as CO-97.',
    ]);
    await page.getByLabel('Units', { exact: true }).fill('1');
    await page.getByLabel('Reason codes (CARC)').fill('CO-97');
    await page.getByRole('button', { name: 'Send report' }).click();
    await summary.locator('li', { hasText: 'Denied code' }).waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual(['Denied code: The denied code must be one of the billed codes.']);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('22b-report-errors-consistency-narrow'), fullPage: false });
  });

  it('fits the code page on a 390 px phone: the fee table caption reads whole, nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.webUrl}/codes/77003?year=2025&pos=11`);
    const table = page.locator('table.fee-table');
    await table.waitFor();
    const caption = table.locator('caption');
    expect(await caption.innerText()).toBe('77003, CY2025, NATIONAL (GPCI 1.0), non-facility setting');
    await caption.screenshot({ path: shot('23-code-fee-caption-390') });
    await table.screenshot({ path: shot('23a-code-fee-table-390') });
    // The setting is one unbroken piece inside the screen, and the whole table fits: nothing to scroll to.
    const setting = caption.locator('.nowrap');
    expect(await setting.innerText()).toBe('non-facility setting');
    expect(await onOneLine(setting)).toBe(true);
    const box = await caption.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const wrap = page.locator('.table-wrap', { has: table });
    const widths = await wrap.evaluate((e) => [(e as unknown as DomElement).scrollWidth, (e as unknown as DomElement).clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    expect(await overflowing(page)).toEqual([]);
  });

  it('offers no "Try again" for a code no fee schedule holds (0001U): only a failing service is worth a retry', async () => {
    const catalog = await loadDefaultCatalog();
    const schedules = catalog.releases('mpfs-rvu').map((r) => catalog.resolve('mpfs-rvu', r.validFrom));
    expect(schedules.length).toBeGreaterThan(0);
    for (const s of schedules) expect(s.ok && s.value.get('0001U', '')).toBeFalsy();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.webUrl}/codes/0001U?year=2025`);
    const alert = page.locator('[role=alert]', { hasText: 'No price for 0001U in CY2025.' });
    await alert.waitFor();
    expect(await alert.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await overflowing(page)).toEqual([]);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('24-code-0001U-no-price-390'), fullPage: false });
  });

  it("keeps internal words off the billers' pages and links the glossary where a term is needed", async () => {
    // Our dataset ids are lower case (mpfs-locco); CMS release names (NCCI-2024Q3) are what billers see on CMS's files.
    const internal = /strict mode|latest fallback|\b(mpfs|ncci)-[a-z]|canonical JSON|\bconversionFactor\b/;
    const mainText = async (path: string, ready: string) => {
      await page.goto(`${stack.webUrl}${path}`);
      await page.locator(ready).first().waitFor({ timeout: 60_000 });
      return page.locator('main').innerText();
    };
    const home = await mainText('/', '[data-testid=coverage-line]');
    expect(await page.getByTestId('coverage-line').innerText()).toMatch(/dated today \(\d{4}-\d{2}-\d{2}\)[\s\S]*What is a release\?$/);
    expect(home).not.toMatch(internal);
    await page.getByTestId('coverage-line').screenshot({ path: shot('25a-home-coverage-line') });
    // Today's code page reads the partial CY2026 releases and stand-ins: their notes come in words.
    expect(await mainText('/codes/77003', '[data-testid=code-changes]')).not.toMatch(internal);
    await page.locator('table.fee-table').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(internal);
    await page
      .locator('.notes')
      .first()
      .screenshot({ path: shot('25b-code-77003-fee-notes') });
    expect(await page.getByTestId('code-changes').innerText()).toMatch(
      /Physician Fee Schedule RVUs: [\w-]+ → [\w-]+\n[\s\S]*conversion factor/,
    );
    expect(await mainText('/codes/0001U?year=2025', '[role=alert]')).not.toMatch(internal);
    expect(await mainText('/report?code=77003', '#reporterKey')).not.toMatch(internal);
    expect(await mainText('/edit-accuracy', '.state-empty, table')).not.toMatch(internal);
    await page.goto(`${stack.webUrl}/check`);
    await page.locator('#claim-text').fill(fixture('x12/mixed-claims.x12'));
    await page.getByRole('button', { name: 'Check claim' }).click();
    await page.getByTestId('batch-overview').waitFor({ timeout: 60_000 });
    expect(await page.locator('main').innerText()).not.toMatch(internal);
    // The incomplete outcome links its term; the glossary page explains it.
    await page.getByRole('link', { name: 'What does this mean?' }).first().click();
    await page.waitForURL(/\/glossary#not-fully-checked$/);
    const term = page.locator('#not-fully-checked');
    expect(await term.innerText()).toMatch(/^Not fully checked\s+Nothing was denied by the checks that could be made/);
    expect(await mainText('/glossary', '.glossary')).not.toMatch(internal);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: shot('25-glossary-390'), fullPage: false });
  });

  it('gives 99213 today its fee schedule facts from the nearest full year, and a way to that year instead of "Try again"', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${stack.webUrl}/codes/99213`);
    expect(await page.locator('.facts').innerText()).toMatch(/Payment status\s+A: active code[^\n]*\(MPFS-2025-OCT\)/);
    expect(await page.locator('.facts').innerText()).not.toContain('not in the fee schedule');
    const today = new Date().toISOString().slice(0, 10);
    const priced = await fetch(`${stack.webUrl}/api/pricing/v1/fee-schedule/99213?date=${today}&latest=true&pos=11`);
    // The CY2026 fee schedule shipped is an excerpt without 99213: the pricer refuses it (until it answers with the
    // nearest full year itself); the page then offers the other years, never a retry of the same question.
    if (priced.status === 404) {
      const alert = page.locator('[role=alert]', { hasText: 'No price for 99213' });
      await alert.waitFor();
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot('26-code-99213-other-years-390'), fullPage: false });
      await page.getByRole('button', { name: `See CY${Number(today.slice(0, 4)) - 1}` }).click();
    }
    await page.locator('table.fee-table caption', { hasText: /^99213, CY\d{4}, NATIONAL/ }).waitFor();
    expect(await overflowing(page)).toEqual([]);
    await page.locator('table.fee-table').screenshot({ path: shot('26b-code-99213-fee-table-390') });
  });
});
