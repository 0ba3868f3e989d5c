// GEP in the web app: a preparer's run for Ili 2025 is reviewed and published by the reviewer on the
// GEP page; the public page, opened without logging in, then shows it with its total and PDF link.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { asUser, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;

beforeAll(() => {
  ({ t, browser } = started);
});

describe('a reviewer publishes a GEP run and the public page shows it', () => {
  test('draft → reviewed → published in the web app, then visible without login', async () => {
    const token = await t.api.login('gep.preparer');
    // 2 000 000 000 m³ × 706 fen + 5 000 000 visits × 45 000 fen = 1 412 000 000 000 + 225 000 000 000 fen
    const created = await t.api.post('/api/gep-runs', { region: '伊犁哈萨克自治州', year: 2025, population: 2_850_000, areaKm2: '56500', gdpFen: 300_000_000_000_00, quantities: { water_conservation: '2000000000', recreation: '5000000' } }, token);
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    await asUser(browser, t.baseUrl, 'gep.reviewer', async (page) => {
      await page.getByTestId('nav-gepRuns').click();
      const row = page.locator(`[data-testid="gep-run-row"][data-run-id="${id}"]`);
      await row.getByTestId('gep-review').click();
      await page.locator(`[data-testid="gep-run-row"][data-run-id="${id}"][data-state="REVIEWED"]`).waitFor();
      await row.getByTestId('gep-publish').click();
      await page.locator(`[data-testid="gep-run-row"][data-run-id="${id}"][data-state="PUBLISHED"]`).waitFor();
    });

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/public/gep`);
      const published = page.locator(`[data-testid="public-gep-run"][data-run-id="${id}"]`);
      await published.waitFor();
      expect((await published.getByTestId('public-gep-total').textContent())?.trim()).toBe('¥16,370,000,000.00');
      expect(await published.getByTestId('public-gep-pdf').getAttribute('href')).toBe(`/api/public/gep-runs/${id}/report.pdf`);
      expect(await page.getByTestId('current-user').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
