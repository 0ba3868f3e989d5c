// The public lookup of a certified product, as a shopper scanning the label's QR code would open it:
// no login, the demo walnut batch XJ-2026-AKSU01 shows its valid 新疆品质 certificate and a custody
// chain of five signed steps that verifies.
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { TestPlatform } from '../../backend/test-support/test-platform.js';
import { useBrowserPlatform } from './session.js';

const started = useBrowserPlatform();
let t: TestPlatform;
let browser: Browser;

beforeAll(() => {
  ({ t, browser } = started);
});

describe('the public product page', () => {
  test('the demo product’s page shows a verified chain and a valid certificate without logging in', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${t.baseUrl}/trace/XJ-2026-AKSU01`);
      const verdict = page.getByTestId('trace-verification');
      await verdict.waitFor();
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      expect((await verdict.textContent())?.trim()).toBe('流转记录完整可信：5 个环节的哈希链与机构签名均验证通过。');
      expect((await page.getByTestId('trace-certificate-validity').textContent())?.trim()).toBe('有效');
      expect(await page.getByTestId('trace-step').evaluateAll((steps) => steps.map((s) => [s.getAttribute('data-type'), s.getAttribute('data-valid')]))).toEqual([
        ['harvest', 'true'], ['processing', 'true'], ['inspection', 'true'], ['transport', 'true'], ['sale', 'true'],
      ]);
      expect((await page.getByTestId('trace-batch-code').textContent())?.trim()).toBe('XJ-2026-AKSU01');
      // The label's QR code is served as SVG for this page's origin.
      const qr = await page.getByTestId('trace-qr').getAttribute('src');
      const svg = await page.request.get(`${t.baseUrl}${qr}`);
      expect(svg.headers()['content-type']).toContain('image/svg+xml');
      expect(await page.getByTestId('current-user').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
