import type { Page } from 'playwright-core';
import { fixture } from '../support/fixtures';
import { shot } from './support/browser';
import { overflowing } from './support/page-checks';
import type { WebStack } from './support/start-web-stack';
import { webSuite } from './support/web-suite';

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

describe('the web claim check shows every claim of a batch, in Debian Chromium', () => {
  const suite = webSuite();
  let stack: WebStack;
  let page: Page;
  beforeAll(() => void (stack = suite.stack));
  beforeEach(() => void (page = suite.page));

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

  it('says so when no claim in the file can be read, with each problem', async () => {
    await page.goto(`${stack.webUrl}/check`);
    await page.locator('#claim-text').fill('{ "submitterClaimId": "X-1", "lines": [] }');
    await page.getByRole('button', { name: 'Check claim' }).click();
    const refused = page.locator('.result.rejected');
    await refused.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('batch-overview').count()).toBe(0);
    expect(await refused.locator('h2').innerText()).toBe('Claim 1: X-1');
    const problems = await refused.locator('.field-problems li').allInnerTexts();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/^Service lines: /m);
    await refused.screenshot({ path: shot('21b-check-unreadable') });
  });
});
