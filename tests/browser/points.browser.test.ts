// Ecological points in the real web app: a citizen sees points, chart and explanation; an admin
// uploads a rule-set version, simulates it on the population and schedules it.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { logIn as logInAs, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform({ LOGIN_ATTEMPTS_PER_MINUTE: '1000', POINTS_DEMO: 'accounts' });
let t: TestPlatform;
let browser: Browser;

beforeAll(() => {
  ({ t, browser } = started);
});

const logIn = (page: Page, username: string): Promise<void> => logInAs(page, t.baseUrl, username);

describe('a citizen sees their points', () => {
  test('points, grade, the 12-month chart and an explanation for every line', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, 'citizen');
      await page.getByTestId('nav-points').click();
      await page.getByTestId('points-total').waitFor();
      const summary = (await t.api.get(`/api/points/subjects/${(await t.api.get('/api/me', await t.api.login('citizen'))).body.subject.id}`, await t.api.login('citizen'))).body;
      expect(await page.getByTestId('points-total').textContent()).toBe((summary.totalCentipoints / 100).toFixed(2));
      expect(await page.getByTestId('points-grade').getAttribute('data-grade')).toBe('light_green');
      await page.locator('[data-testid="points-chart"] canvas').first().waitFor();
      expect(await page.getByTestId('points-line').count()).toBeGreaterThan(50);
      expect(await page.locator('[data-testid="points-line"][data-reason="duplicate"]').count()).toBe(1);
      expect(await page.getByTestId('what-if-action').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('ledger-entry').count()).toBe(20);
    } finally {
      await context.close();
    }
  });
});

describe('an admin manages a rule-set version', () => {
  test('upload a new version, simulate it on the population, schedule it for a future date', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const activateOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    try {
      await logIn(page, 'admin');
      await page.getByTestId('nav-ruleSets').click();
      await page.locator('[data-testid="rule-set-row"][data-version="individual-default@1.0.0"]').click();
      await page.getByTestId('rule-set-detail').waitFor();
      await page.getByTestId('rule-set-template').click();
      // The template fills the editor asynchronously: wait for it before reading.
      await page.waitForFunction(() => ((document.querySelector('[data-testid="rule-set-json"]') as HTMLTextAreaElement | null)?.value.trim().length ?? 0) > 0);
      const template = JSON.parse(await page.getByTestId('rule-set-json').inputValue()) as { version: string; rules: { id: string; centipointsPerUnit: number }[] };
      template.version = '1.1.0';
      template.rules.find((r) => r.id === 'bus_ride')!.centipointsPerUnit = 300;
      await page.getByTestId('rule-set-json').fill(JSON.stringify(template, null, 2));
      await page.getByTestId('rule-set-upload').click();
      await page.locator('[data-testid="rule-set-detail"][data-state="validated"]').waitFor();
      await page.getByTestId('rule-set-simulate').click();
      await page.getByTestId('migration-table').waitFor();
      expect((await page.getByTestId('simulation-summary').textContent())!.trim()).toBe('共 3 个主体：2 个等级变化（升 2，降 0），对比版本 1.0.0');
      await page.locator('[data-testid="migration-chart"] canvas').first().waitFor();
      await page.getByTestId('rule-set-activate-on').fill(activateOn);
      await page.getByTestId('rule-set-schedule').click();
      await page.locator('[data-testid="rule-set-detail"][data-state="scheduled"]').waitFor();
      await page.locator('[data-testid="rule-set-row"][data-version="individual-default@1.1.0"][data-state="scheduled"]').waitFor();
      // The four shipped 1.0.0 defaults, the shipped enterprise 1.1.0 (certified production, from 2027) and this upload.
      expect(await page.locator('[data-testid="rule-set-row"][data-state="scheduled"]').count()).toBe(6);
    } finally {
      await context.close();
    }
  });
});
