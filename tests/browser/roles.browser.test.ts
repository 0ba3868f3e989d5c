// Logs in through the real web app as every demo role and checks that role's navigation.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { submitLogin, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform({ LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
let t: TestPlatform;
let browser: Browser;

beforeAll(() => {
  ({ t, browser } = started);
});

/** What each role's side navigation holds, from the permission table. */
const expectedNav: Record<string, string[]> = {
  admin: ['home', 'audit', 'institutions', 'approval-limits', 'users', 'jobs', 'prices', 'statistics', 'ruleSets', 'gepRuns', 'catalogue', 'compensation'],
  regulator: ['home', 'audit', 'statistics', 'gepRuns', 'catalogue', 'compensation'],
  'bank.officer': ['home', 'collateral', 'prices', 'loan-queue', 'guarantee-requests', 'bonds', 'securitisation', 'damage-cases'],
  verifier: ['home', 'assetVerification', 'prices', 'pointsReview'],
  'bank.approver': ['home', 'collateral', 'prices', 'loan-approvals', 'bond-allocations', 'trading-consents', 'securitisation', 'damage-cases'],
  'guarantee.officer': ['home', 'guarantee-queue', 'guarantee-claims', 'guarantee-portfolio'],
  'guarantee.approver': ['home', 'guarantee-committee'],
  reviewer: ['home', 'bond-reviews', 'securitisation-reviews'],
  issuer: ['home', 'bonds', 'bond-allocations'],
  // A responsible party reads its own damage cases; a bank those of its applicants (damage.read).
  enterprise: ['home', 'assets', 'prices', 'loans', 'points', 'traceability', 'trading', 'product-orders', 'damage-cases'],
  org: ['home', 'assets', 'prices', 'loans', 'points', 'product-orders', 'damage-cases'],
  citizen: ['home', 'assets', 'prices', 'loans', 'points', 'product-orders'],
  certifier: ['home', 'traceability'],
  coldchain: ['home', 'traceability'],
  trader: ['home', 'prices', 'trading'],
  'damage.officer': ['home', 'damage-cases'],
  'damage.reviewer': ['home', 'damage-cases'],
  // Ecology: a prefecture government runs GEP and basin compensation; the GEP preparer reads the catalogue; the monitoring station only the catalogue.
  'gov.aksu': ['home', 'gepRuns', 'catalogue', 'compensation'],
  'gep.preparer': ['home', 'gepRuns', 'catalogue'],
  monitor: ['home', 'catalogue'],
};

const logIn = (page: Page, username: string, password?: string): Promise<void> => submitLogin(page, t.baseUrl, username, password);

async function navKeys(page: Page): Promise<string[]> {
  await page.getByTestId('current-user').waitFor();
  await page.getByTestId('nav-home').waitFor();
  const ids = await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  return [...new Set(ids.map((id) => id.slice('nav-'.length)))];
}

describe('every demo role logs in and sees its own navigation', () => {
  test.each(Object.entries(expectedNav))('%s', async (username, nav) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await logIn(page, username);
      expect((await navKeys(page)).sort()).toEqual([...nav].sort());
      await page.getByTestId('current-user').click(); // logout sits in the user menu
      await page.getByTestId('logout').click();
      await page.getByTestId('login-username').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the login page', () => {
  test('a wrong password shows a readable error and stays on the login page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logIn(page, 'citizen', 'wrong-password-9');
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
      expect(page.url()).toContain('/login');
    } finally {
      await context.close();
    }
  });

  test('the language switches between Chinese and English at runtime', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logIn(page, 'admin');
      await page.getByTestId('current-user').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const chineseNav = await page.getByTestId('nav-institutions').textContent();
      await page.getByTestId('lang-switch').click();
      const english = page.locator('[data-testid="lang-option-en"]');
      if (await english.count()) await english.click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await page.getByTestId('nav-institutions').textContent()).not.toBe(chineseNav);
    } finally {
      await context.close();
    }
  });
});
