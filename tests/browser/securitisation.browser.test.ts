// Loan-pool securitisation in the web app (issue 14): the Tarim bank officer opens the demo's issued
// water-right pool, sees its tranche table, records last month's servicer report and downloads it
// as CSV; the file's totals and tranche rows are the API's report exactly.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { asUser, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;
const poolName = '塔里木绿色水权质押贷款资产支持证券 2026-1';

beforeAll(() => {
  ({ t, browser } = started);
});

const as = <T>(username: string, run: (page: Page) => Promise<T>): Promise<T> => asUser(browser, t.baseUrl, username, run);

/** Integer fen as the web app shows it: 123456789 → '¥1,234,567.89'. */
const yuan = (fen: number) => `¥${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** The month before the platform's today, YYYY-MM. */
function lastMonth(): string {
  const now = t.clock.now();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

describe('the bank officer services the demo’s issued pool', () => {
  test('opens the issued pool, sees the tranche table, records last month’s servicer report and downloads it as CSV', async () => {
    const token = await t.api.login('bank.officer');
    const pools = (await t.api.get('/api/securitisation-pools?limit=100', token)).body.items as { id: string; name: string }[];
    const poolId = pools.find((p) => p.name === poolName)!.id;
    const before = (await t.api.get(`/api/securitisation-pools/${poolId}`, token)).body;
    expect(before.state).toBe('ISSUED');
    const period = lastMonth();

    await as('bank.officer', async (page) => {
      await page.getByTestId('nav-securitisation').click();
      await page.locator('[data-testid="pool-row"]', { hasText: poolName }).getByTestId('pool-open').click();
      await page.locator('[data-testid="pool-state"][data-state="ISSUED"]').waitFor();
      expect((await page.getByTestId('pool-title').textContent())!.trim()).toBe(poolName);

      const rows = page.getByTestId('tranche-row');
      await expect(rows.count()).resolves.toBe(3);
      const tranches = before.structure.tranches as { name: string; sizeFen: number }[];
      expect(tranches.map((x) => x.name)).toEqual(['优先A', '中间B', '次级']);
      for (const [i, tranche] of tranches.entries()) {
        const text = (await rows.nth(i).textContent())!;
        expect([text.includes(tranche.name), text.includes(yuan(tranche.sizeFen))]).toEqual([true, true]);
      }

      await page.getByTestId('report-period').fill(period);
      await page.getByTestId('pool-report').click();
      const row = page.locator(`[data-testid="report-row"][data-period="${period}"]`);
      await row.waitFor();
      await page.locator('[data-testid="pool-state"][data-state="AMORTISING"]').waitFor();

      const report = ((await t.api.get(`/api/securitisation-pools/${poolId}`, token)).body.servicerReports as { period: string }[]).find((r) => r.period === period) as unknown as {
        collections: { principalFen: number; interestFen: number; penaltyFen: number; totalFen: number }; recoveriesFen: number; defaultsFen: number;
        tranches: { name: string; class: string; openingFen: number; interestFen: number; principalFen: number; closingFen: number }[]; loans: unknown[];
      };
      expect((await row.textContent())!).toContain(yuan(report.collections.totalFen));

      const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('report-csv').click()]);
      expect(download.suggestedFilename()).toBe(`servicer-report-${period}.csv`);
      const lines = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
      expect(lines[0]).toBe(`pool,${JSON.stringify(poolName)},period,${period}`);
      expect(lines[1]).toBe('loanId,principalFen,interestFen,penaltyFen,recoveriesFen,defaultedFen');
      expect(lines.filter((l) => /^[0-9a-f]{24},/.test(l))).toHaveLength(report.loans.length);
      const c = report.collections;
      expect(lines.find((l) => l.startsWith('TOTAL,'))).toBe(`TOTAL,${c.principalFen},${c.interestFen},${c.penaltyFen},${report.recoveriesFen},${report.defaultsFen}`);
      const trancheLines = lines.slice(lines.indexOf('tranche,class,openingFen,interestFen,principalFen,closingFen') + 1, lines.indexOf('tranche,class,openingFen,interestFen,principalFen,closingFen') + 4);
      expect(trancheLines).toEqual(report.tranches.map((x) => [x.name, x.class, x.openingFen, x.interestFen, x.principalFen, x.closingFen].join(',')));
      expect(report.tranches.map((x) => x.openingFen)).toEqual(tranches.map((x) => x.sizeFen));
    });
  });
});
