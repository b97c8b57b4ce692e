import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { ensureChromium, ensureClientBuilt, launchBrowser, shot } from './support/browser';
import { onOneLine, overflowing, type DomElement } from './support/page-checks';
import { startWebStack, type WebStack } from './support/start-web-stack';

const fixture = (path: string) => readFileSync(join(__dirname, '../../../domain/src/intake/__fixtures__', path), 'utf8');

/** What the validator's stateless check answers for this text, asked directly (the page must show all of it). */
async function checkAnswer(stack: WebStack, text: string, contentType: string) {
  const res = await fetch(`${stack.webUrl}/api/validator/v1/check`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': contentType },
  });
  return (await res.json()) as {
    claims: { submitterClaimId: string }[];
    rejected: { index: number; submitterClaimId?: string; errors: { path: string; code: string }[] }[];
  };
}

describe('what a biller sees: every claim of a batch, errors in words, a phone-sized code page (Debian Chromium)', () => {
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

  const paste = async (text: string) => {
    await page.goto(`${stack.webUrl}/check`);
    await page.locator('#claim-text').fill(text);
    await page.getByRole('button', { name: 'Check claim' }).click();
    await page.getByTestId('batch-overview').waitFor({ timeout: 60_000 });
  };

  it('shows every claim of a mixed 837P: GOOD-001 and GOOD-003 checked (77002 denied), BAD-002 with each of its 10 errors', async () => {
    const text = fixture('x12/mixed-claims.x12');
    const answer = await checkAnswer(stack, text, 'application/edi-x12');
    expect(answer.claims.map((c) => c.submitterClaimId)).toEqual(['GOOD-001', 'GOOD-003']);
    expect(answer.rejected.map((r) => [r.index, r.submitterClaimId, r.errors.length])).toEqual([[1, 'BAD-002', 10]]);
    await paste(text);

    const overview = page.getByTestId('batch-overview');
    expect(await overview.getByRole('heading').innerText()).toBe('3 claims in this X12 837P file');
    expect(await overview.locator('[role=status]').innerText()).toMatch(
      /^2 claims checked \(1 with denied lines, 1 not fully checked, 0 clean\), 1 could not be read\. Total allowed for the checked claims \$\d+\.\d\d/,
    );
    expect(await overview.locator('.batch-list li').allInnerTexts()).toEqual([
      expect.stringMatching(/^GOOD-001: not fully checked, no line denied, allowed \$\d+\.\d\d$/),
      'BAD-002: not checked, 10 errors',
      expect.stringMatching(/^GOOD-003: 1 of 1 line denied, allowed \$0\.00$/),
    ]);
    // Each claim in file order, under its own heading.
    expect(await page.locator('.result h2').allInnerTexts()).toEqual([
      'Claim 1 of 3: GOOD-001',
      'Claim 2 of 3: BAD-002',
      'Claim 3 of 3: GOOD-003',
    ]);
    // GOOD-001 (2025-03-05) has no NCCI release in force: incomplete, said first, with the families and the one command.
    const good = page.locator('.result', { hasText: 'GOOD-001' });
    const first = good.locator('h2 + *');
    expect(await first.getAttribute('data-testid')).toBe('not-checked');
    const notChecked = await first.innerText();
    expect(notChecked).toMatch(/^Not fully checked: no line is denied by the checks that were made/);
    expect(notChecked).toMatch(
      /Practitioner procedure-to-procedure \(bundling\) edits \(line 1\): checked against NCCI-2024Q3 instead of the release in force on 2025-03-05/,
    );
    expect(notChecked).toContain('claimflow refdata update --quarter 2025Q1');
    expect(await good.locator('[role=status]').last().innerText()).toMatch(/^Not fully checked\. The line passes the checks made\./);
    expect(await page.locator('.line-card', { hasText: 'Line 1: 76000' }).innerText()).toMatch(/Not fully checked\s+Allowed \$\d+\.\d\d/);
    // 77002 is an add-on billed without its primary: denied, and said so in its own claim.
    expect(await page.locator('.line-card', { hasText: 'Line 1: 77002-26' }).innerText()).toMatch(/Denied[\s\S]*ADDON_WITHOUT_PRIMARY/);

    const bad = page.locator('.result.rejected');
    expect(await bad.locator('[role=status]').innerText()).toBe(
      'Not checked: the claim could not be read. 10 errors to fix, then check it again.',
    );
    const problems = await bad.locator('.field-problems li').allInnerTexts();
    expect(problems).toHaveLength(10);
    // Every error the API gave, by its code, and named by a label rather than a path.
    for (const e of answer.rejected[0].errors) expect(problems.some((p) => p.includes(e.code))).toBe(true);
    expect(problems.join('\n')).not.toMatch(/lines\[\d\]|diagnoses\[\d\]|renderingProviderNpi/);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Line 1, units: units must be a positive whole number, got "0" · found at LX segment 30/),
        expect.stringMatching(/^Line 1, date of service: This is not a valid YYYY-MM-DD date/),
        expect.stringMatching(/^Line 2, diagnosis pointer 1: /),
        expect.stringMatching(/^Rendering provider NPI: the NPI fails the Luhn check digit/),
        expect.stringMatching(/^Claim: "XYZ" is not an 837P segment · found at segment 33/),
      ]),
    );
    await page.screenshot({ path: shot('20-check-batch-x12'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowing(page)).toEqual([]);
    await bad.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('20b-check-batch-x12-narrow'), fullPage: false });
  });

  it('shows both claims of a FHIR Bundle, the refused one with its errors', async () => {
    const text = fixture('fhir/claims.bundle.fhir.json');
    const answer = await checkAnswer(stack, text, 'application/fhir+json');
    await paste(text);
    expect(await page.getByTestId('batch-overview').getByRole('heading').innerText()).toBe('2 claims in this FHIR file');
    const headings = await page.locator('.result h2').allInnerTexts();
    expect(headings).toEqual(['Claim 1 of 2: NGT-2025-0402', 'Claim 2 of 2: BAD-2025-0402']);
    expect(answer.rejected[0].submitterClaimId).toBe('BAD-2025-0402');
    expect(await page.locator('.result.rejected .field-problems li').count()).toBe(answer.rejected[0].errors.length);
    expect(await page.locator('.result.rejected').innerText()).toContain(
      'Billing provider NPI: the NPI fails the Luhn check digit · found at Claim.provider.npi',
    );
    await page.screenshot({ path: shot('21-check-batch-fhir'), fullPage: true });
  });

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
    expect(await page.getByTestId('code-changes').innerText()).toMatch(/Physician Fee Schedule RVUs: [\w-]+ → [\w-]+\n[\s\S]*conversion factor/);
    expect(await mainText('/codes/0001U?year=2025', '[role=alert]')).not.toMatch(internal);
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
});
