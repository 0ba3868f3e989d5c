// The guarantee workflow in the web app: the Tarim bank officer requests a guarantee for the demo
// loan waiting in GREEN_ASSESSED, the guarantor's officer runs due diligence and recommends, the
// committee approver approves, the officer records the counter-guarantee, issues the letter and
// downloads it; the loan's guarantee is then confirmed.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { asUser, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;
let guaranteeId: string;
let loanId: string;

beforeAll(async () => {
  ({ t, browser } = started);
  const loans = await t.platform.services.loanRepositories.loans.listInStates(['GREEN_ASSESSED']);
  loanId = loans.find((l) => l.purpose === '核桃林下种植中药材')!.id;
}, 180_000);

const as = <T>(username: string, run: (page: Page) => Promise<T>): Promise<T> => asUser(browser, t.baseUrl, username, run);

const stateIs = (page: Page, state: string) => page.locator(`[data-testid="guarantee-state"][data-state="${state}"]`).waitFor();

describe('bank requests → officer recommends → approver approves → letter issued', () => {
  test('the bank officer requests a guarantee for its green-assessed loan', async () => {
    guaranteeId = await as('bank.officer', async (page) => {
      await page.getByTestId('nav-guarantee-requests').click();
      await page.getByTestId('guarantee-new-request').click();
      const select = page.getByTestId('guarantee-request-loan');
      await select.locator('option', { hasText: '核桃林下种植中药材' }).waitFor({ state: 'attached' });
      const value = await select.locator('option', { hasText: '核桃林下种植中药材' }).getAttribute('value');
      await select.selectOption(value!);
      expect(await page.getByTestId('guarantee-request-amount').inputValue()).toBe('100000.00');
      await expect(page.getByTestId('guarantee-request-guarantor').locator('option').allTextContents()).resolves.toEqual(['新疆绿色融资担保有限公司']);
      await page.getByTestId('guarantee-request-note').fill('首贷客户，申请政府性融资担保');
      await page.getByTestId('guarantee-request-submit').click();
      await stateIs(page, 'APPLIED');
      return page.url().split('/').pop()!;
    });
    expect((await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId))!.state).toBe('GUARANTEE_PENDING');
  });

  test('the guarantor’s officer runs due diligence and recommends a fee within the cap', async () => {
    await as('guarantee.officer', async (page) => {
      await page.getByTestId('nav-guarantee-queue').click();
      await page.locator(`[data-testid="guarantee-row"][data-guarantee-id="${guaranteeId}"] [data-testid="guarantee-open"]`).click();
      await page.getByTestId('guarantee-startDueDiligence').click();
      await stateIs(page, 'DUE_DILIGENCE');
      await page.getByTestId('guarantee-fee-input').fill('0.9');
      await page.getByTestId('guarantee-findings').fill('合作社经营稳定，林下中药材项目符合绿色目录');
      await page.getByTestId('guarantee-recommend').click();
      await stateIs(page, 'COMMITTEE_REVIEW');
      await expect(page.getByTestId('guarantee-recommendation').textContent()).resolves.toContain('40/30/20/10');
    });
  });

  test('the committee approver approves from the committee view', async () => {
    await as('guarantee.approver', async (page) => {
      await page.getByTestId('nav-guarantee-committee').click();
      await page.locator(`[data-testid="guarantee-row"][data-guarantee-id="${guaranteeId}"] [data-testid="guarantee-open"]`).click();
      await page.getByTestId('guarantee-note').fill('同意担保');
      await page.getByTestId('guarantee-approve').click();
      await stateIs(page, 'APPROVED');
    });
  });

  test('the officer records the counter-guarantee, issues the letter and downloads it', async () => {
    await as('guarantee.officer', async (page) => {
      await page.goto(`${t.baseUrl}/guarantees/${guaranteeId}`);
      await page.getByTestId('guarantee-note').fill('请提供反担保');
      await page.getByTestId('guarantee-requestCounterGuarantee').click();
      await stateIs(page, 'COUNTER_GUARANTEE_PENDING');
      await page.getByTestId('guarantee-counter-description').fill('理事长个人连带责任反担保');
      await page.getByTestId('guarantee-counter-value').fill('50000');
      await page.getByTestId('guarantee-issueLetter').click();
      await stateIs(page, 'LETTER_ISSUED');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('guarantee-letter-pdf').click()]);
      expect(download.suggestedFilename()).toBe(`guarantee-letter-${guaranteeId}.pdf`);
    });
    expect((await t.platform.services.loanRepositories.loans.find({ kind: 'all' }, loanId))).toMatchObject({ state: 'GUARANTEE_CONFIRMED', guaranteeId });
  });
});
