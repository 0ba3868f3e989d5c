// The green-bond workflow in the web app: the issuer writes a framework (four components, a standard
// claimed, a wind project mapped to the green taxonomy) and submits it for external review; the
// reviewer gives a second-party opinion with the report document; the regulator opens the
// green-finance statistics dashboard and downloads the CSV.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { asUser, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;
let bondId: string;

beforeAll(() => {
  ({ t, browser } = started);
});

const as = <T>(username: string, run: (page: Page) => Promise<T>): Promise<T> => asUser(browser, t.baseUrl, username, run);

describe('issuer submits a framework → reviewer reviews → regulator reads the statistics', () => {
  test('the issuer writes a framework with a wind project (eligible) and submits it for external review', async () => {
    bondId = await as('issuer', async (page) => {
      await page.getByTestId('nav-bonds').click();
      await page.getByTestId('bond-new').click();
      await page.getByTestId('bond-name').fill('哈密风光新能源2027年度第一期绿色中期票据');
      await page.getByTestId('bond-useOfProceeds').fill('募集资金100%用于风电项目');
      await page.getByTestId('bond-projectEvaluation').fill('绿色金融委员会按目录遴选');
      await page.getByTestId('bond-managementOfProceeds').fill('专户管理，台账逐笔记录');
      await page.getByTestId('bond-reporting').fill('每年披露资金使用与环境效益');
      await page.getByTestId('bond-standard-china_gbp_2022').check();
      await page.getByTestId('project-name').fill('哈密十三间房100MW风电项目');
      await page.getByTestId('project-taxonomy').selectOption('3.2-wind_power');
      await expect(page.getByTestId('project-eligibility').getAttribute('data-eligible')).resolves.toBe('true');
      await page.getByTestId('project-prefecture').fill('哈密');
      await page.getByTestId('project-investment').fill('800000000');
      await page.getByTestId('project-benefit-co2e_reduced_t').fill('248000');
      await page.getByTestId('bond-save').click();
      await page.locator('[data-testid="bond-state"][data-state="DRAFT_FRAMEWORK"]').waitFor();
      const id = page.url().split('/').pop()!;
      await page.getByTestId('bond-submit').click();
      await page.locator('[data-testid="bond-state"][data-state="EXTERNAL_REVIEW_PENDING"]').waitFor();
      return id;
    });
    const bond = await t.platform.services.bonds.get({ userId: 'x', username: 'x', roles: ['regulator'], permissions: new Set(['tenants.all.read', 'statistics.read']) }, bondId);
    expect(bond).toMatchObject({ state: 'EXTERNAL_REVIEW_PENDING', framework: { standards: ['china_gbp_2022'] }, projects: [{ taxonomyCode: '3.2-wind_power', eligible: true, totalInvestmentFen: 80_000_000_000, expectedBenefits: { co2e_reduced_t: 248_000 } }] });
  });

  test('the reviewer gives a second-party opinion with the report document; its SHA-256 is recorded', async () => {
    await as('reviewer', async (page) => {
      await page.getByTestId('nav-bond-reviews').click();
      const item = page.locator(`[data-testid="review-item"][data-bond-id="${bondId}"]`);
      await item.getByTestId('review-type').selectOption('second_party_opinion');
      await item.getByTestId('review-opinion').fill('框架符合《中国绿色债券原则》四大核心要素');
      await item.getByTestId('review-document').setInputFiles({ name: '第二方意见.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 第二方意见 哈密十三间房风电') });
      await item.getByTestId('review-submit').click();
      await item.waitFor({ state: 'detached' });
      await page.goto(`${t.baseUrl}/bonds/${bondId}`);
      await page.locator('[data-testid="bond-state"][data-state="REVIEWED"]').waitFor();
      expect((await page.getByTestId('bond-review-hash').textContent())!.trim()).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  test('the regulator opens the statistics dashboard, switches to banks and downloads the CSV', async () => {
    const api = (await t.api.get('/api/statistics/green-finance', await t.api.login('regulator'))).body;
    await as('regulator', async (page) => {
      await page.getByTestId('nav-statistics').click();
      await page.getByTestId('statistics-chart').waitFor();
      expect((await page.getByTestId('stat-green-balance').textContent())!.trim()).toBe(`¥${(api.quarter.greenBalanceFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
      await page.getByTestId('statistics-dim-byBank').click();
      await expect(page.getByTestId('statistics-row').count()).resolves.toBe(api.byBank.length);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('statistics-export-csv').click()]);
      expect(download.suggestedFilename()).toBe(`green-finance-${api.quarter.quarter}.csv`);
      const rows = (await readFile((await download.path())!, 'utf8')).trim().split('\n').map((l) => l.split(','));
      expect(rows[0]).toEqual(['dimension', 'key', 'label', 'loans', 'balance_fen', 'new_loans_fen', 'weighted_rate_bp', 'overdue_ratio_bp', 'default_ratio_bp']);
      expect(rows[1]!.slice(0, 5)).toEqual(['total', 'all', '全部银行', String(api.totals.loans), String(api.totals.balanceFen)]);
    });
  });
});
