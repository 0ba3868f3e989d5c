// An owner registers a forest right in the web app; after verification a bank it is offered to
// values it for lending and downloads the valuation report.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { logIn as logInAs, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;

beforeAll(() => {
  ({ t, browser } = started);
});

const logIn = (page: Page, username: string): Promise<void> => logInAs(page, t.baseUrl, username);

const forest: Record<string, string> = {
  'asset-field-certificateNumber': '新(2026)温宿县林权第0777号',
  'asset-field-location': '阿克苏地区温宿县',
  'asset-field-areaHa': '120',
  'asset-field-species': '新疆杨',
  'asset-field-standAgeYears': '26',
  'asset-field-rotationAgeYears': '25',
  'asset-field-stockVolumeM3': '9000',
  'asset-field-rightValidUntil': '2055-12-31',
};

describe('an owner registers a forest right and a bank opens its valuation report', () => {
  let assetId: string;

  test('the cooperative registers the forest right with its certificate and submits it', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await logIn(page, 'walnut.coop');
      await page.getByTestId('nav-assets').click();
      await page.getByTestId('asset-register').click();
      await page.getByTestId('asset-type').selectOption('forest_right');
      await page.getByTestId('asset-name').fill('温宿县新疆杨用材林');
      for (const [testId, value] of Object.entries(forest)) await page.getByTestId(testId).fill(value);
      await page.getByTestId('asset-field-origin').selectOption('planted');
      await page.getByTestId('asset-field-forestType').selectOption('timber');
      await page.getByTestId('asset-document').setInputFiles({ name: '林权证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 林权证 新(2026)温宿县林权第0777号') });
      await page.getByTestId('asset-save').click();
      await page.getByTestId('asset-title').waitFor();
      assetId = page.url().split('/assets/')[1]!;
      expect(await page.getByTestId('asset-state').getAttribute('data-state')).toBe('draft');
      await page.getByTestId('asset-submit').click();
      await page.locator('[data-testid="asset-state"][data-state="submitted"]').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the platform verifier confirms it in the verification queue', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await logIn(page, 'verifier');
      await page.getByTestId('nav-assetVerification').click();
      await page.locator(`[data-testid="asset-row"][data-asset-id="${assetId}"] [data-testid="asset-open"]`).click();
      await page.getByTestId('asset-verify').click();
      await page.locator('[data-testid="asset-state"][data-state="verified"]').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the bank the asset is offered to values it for lending and downloads the report PDF', async () => {
    const tarimBank = (await t.platform.repositories.institutions.findByCode('91652900MA7T00003B'))!.id;
    t.platform.services.bankRelationships.register({
      subjectAppliedTo: async () => false,
      assetOfferedTo: async (institutionId, id) => institutionId === tarimBank && id === assetId,
      assetsOfferedTo: async (institutionId) => (institutionId === tarimBank ? [assetId] : []),
    });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    try {
      await logIn(page, 'bank.officer');
      await page.goto(`${t.baseUrl}/assets/${assetId}`);
      await page.getByTestId('valuation-request-lending').click();
      await page.getByTestId('valuation-value').waitFor();
      // 9 000 m³ of 新疆杨 at the demo timber price, less costs and profit: a positive value and maximum loan.
      expect(await page.getByTestId('valuation-value').textContent()).toMatch(/^¥[1-9][\d,]*\.\d\d$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('valuation-report-download').click()]);
      expect(download.suggestedFilename()).toMatch(/^valuation-\d{4}-\d{2}-\d{2}-[0-9a-f]{24}\.pdf$/);
      const bytes = await readFile((await download.path())!);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await context.close();
    }
  });
});
