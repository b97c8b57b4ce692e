import type { Page } from 'playwright-core';
import { waitFor } from '@claimflow/testing';
import { shot } from './support/browser';
import { overflowing } from './support/page-checks';
import type { WebStack } from './support/start-web-stack';
import { webSuite } from './support/web-suite';

// Browser globals the page.evaluate callbacks below touch (the root tsconfig has no DOM lib).
declare const localStorage: object;
declare const sessionStorage: { getItem(key: string): string | null };

describe('denial reports from the web front end in Debian Chromium: reporter sign-in, anonymity, patterns from five billers', () => {
  const suite = webSuite();
  let stack: WebStack;
  let page: Page;
  beforeAll(() => void (stack = suite.stack));
  beforeEach(() => void (page = suite.page));

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
});
