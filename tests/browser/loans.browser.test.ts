// The loan workflow in the web app: the enterprise applies with a verified water right, the bank
// officer reviews and recommends, the approver approves, the enterprise accepts the offer and the
// officer disburses — the asset is pledged and the repayment schedule appears.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { permissionsOf } from '../../backend/src/domain/identity/permissions.js';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { asUser, useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;
let assetId: string;
let tarimBank: string;
let loanId: string;

beforeAll(async () => {
  ({ t, browser } = started);
  tarimBank = (await t.platform.repositories.institutions.findByCode('91652900MA7T00003B'))!.id;
  // A verified water right of the enterprise, registered and verified through the asset services.
  const user = (await t.platform.repositories.users.findByUsername('enterprise'))!;
  const owner = { principal: { userId: user.id, username: user.username, roles: user.roles, permissions: new Set(permissionsOf(user.roles)), subjectId: user.subjectId }, requestId: 'browser-test' };
  const verifier = { principal: { userId: 'verifier', username: 'verifier', roles: ['verifier'], permissions: new Set(permissionsOf(['verifier'])) }, requestId: 'browser-test' };
  const document = await t.platform.services.documents.upload(owner, { bytes: Buffer.from('%PDF-1.4 取水许可证 B653200S2026-W001'), contentType: 'application/pdf', filename: '取水许可证.pdf' });
  const asset = await t.platform.services.assets.register(owner, {
    assetType: 'water_right', name: '和田玉枣塔里木河新增取水权', documentIds: [document.id],
    details: { permitNumber: 'B653200S2026-W001', basin: '塔里木河', waterSource: 'surface', useType: 'agricultural', permittedAnnualVolumeM3: 1_500_000, allocatedAnnualVolumeM3: 1_200_000, validFrom: '2024-07-01', validUntil: '2031-06-30' },
  });
  await t.platform.services.assets.submit(owner, asset.id);
  await t.platform.services.assets.verify(verifier, asset.id);
  assetId = asset.id;
});

const as = <T>(username: string, run: (page: Page) => Promise<T>): Promise<T> => asUser(browser, t.baseUrl, username, run);

const stateIs = (page: Page, state: string) => page.locator(`[data-testid="loan-state"][data-state="${state}"]`).waitFor();

describe('apply → officer recommends → approver approves → accept → disburse', () => {
  test('the enterprise applies to Tarim bank with its verified water right', async () => {
    loanId = await as('enterprise', async (page) => {
      await page.getByTestId('nav-loans').click();
      await page.getByTestId('loan-apply').click();
      await page.getByTestId('loan-amount').fill('150000');
      await page.getByTestId('loan-term').fill('12');
      await page.getByTestId('loan-purpose').fill('枣园水肥一体化改造');
      await page.getByTestId('loan-taxonomy').selectOption('1.4-water_saving_irrigation');
      await page.getByTestId(`loan-asset-${assetId}`).locator('input').check();
      await page.getByTestId(`loan-bank-${tarimBank}`).locator('input').check();
      await page.getByTestId('loan-submit').click();
      const offer = page.locator('[data-testid="application-card"]').filter({ hasText: '枣园水肥一体化改造' }).locator('[data-testid="loan-offer"]');
      await offer.waitFor();
      expect(await offer.getAttribute('data-state')).toBe('SUBMITTED');
      return (await offer.getAttribute('data-loan-id'))!;
    });
  });

  test('the officer reviews, confirms the green assessment and recommends', async () => {
    await as('bank.officer', async (page) => {
      await page.getByTestId('nav-loan-queue').click();
      await page.locator(`[data-testid="loan-row"][data-loan-id="${loanId}"] [data-testid="loan-open"]`).click();
      await stateIs(page, 'SUBMITTED');
      await page.getByTestId('loan-start-review').click();
      await stateIs(page, 'UNDER_REVIEW');
      await page.getByTestId('loan-assess').click();
      await stateIs(page, 'GREEN_ASSESSED');
      await page.getByTestId('loan-rec-amount').fill('150000');
      await page.getByTestId('loan-rec-rate').fill('3.95');
      await page.getByTestId('loan-rec-notes').fill('经营稳定，押品充足');
      await page.getByTestId('loan-recommend').click();
      await stateIs(page, 'PENDING_APPROVAL');
      expect(await page.getByTestId('loan-recommendation').textContent()).toContain('3.95%');
    });
  });

  test('the approver approves from the approvals queue', async () => {
    await as('bank.approver', async (page) => {
      await page.getByTestId('nav-loan-approvals').click();
      await page.locator(`[data-testid="loan-row"][data-loan-id="${loanId}"] [data-testid="loan-open"]`).click();
      await page.getByTestId('loan-decision-note').fill('同意');
      await page.getByTestId('loan-approve').click();
      await stateIs(page, 'APPROVED');
    });
  });

  test('the enterprise accepts the offer', async () => {
    await as('enterprise', async (page) => {
      await page.getByTestId('nav-loans').click();
      const offer = page.locator(`[data-testid="loan-offer"][data-loan-id="${loanId}"]`);
      await offer.locator('[data-testid="loan-accept"]').click();
      await page.locator(`[data-testid="loan-offer"][data-loan-id="${loanId}"][data-state="ACCEPTED"]`).waitFor();
    });
  });

  test('the officer disburses: the water right is pledged and the 12-month schedule is shown', async () => {
    await as('bank.officer', async (page) => {
      await page.goto(`${t.baseUrl}/loans/${loanId}`);
      await page.getByTestId('loan-disburse').click();
      await stateIs(page, 'ACTIVE');
      await page.getByTestId('loan-schedule').waitFor();
      expect(await page.getByTestId('instalment-row').count()).toBe(12);
    });
    expect((await t.platform.repositories.assets.findById(assetId))!.encumbrance).toMatchObject({ status: 'pledged', loanId, institutionId: tarimBank });
  });
});
