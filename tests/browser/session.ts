// Platform and browser set-up and logging in through the web app, shared by every browser test.
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../../backend/test-support/test-platform.js';
import { launchChromium } from './chromium.js';

export const demoPassword = 'EcoDemo2026';

/** Fills and submits the login form; does not wait for the outcome (a test may expect a refusal). */
export async function submitLogin(page: Page, baseUrl: string, username: string, password = demoPassword): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Logs in and waits until the signed-in layout shows the user. */
export async function logIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await submitLogin(page, baseUrl, username);
  await page.getByTestId('current-user').waitFor();
}

/** Runs `run` in a fresh browser context (zh-CN, desktop size, downloads on) logged in as `username`. */
export async function asUser<T>(browser: Browser, baseUrl: string, username: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    await logIn(page, baseUrl, username);
    return await run(page);
  } finally {
    await context.close();
  }
}

/**
 * Starts the platform (demo data, web app served) and headless Chromium once for a test file, and
 * stops both after it. Call at the top level of the file; read `t` and `browser` inside tests or hooks.
 */
export function useBrowserPlatform(env: Record<string, string> = {}): { readonly t: TestPlatform; readonly browser: Browser } {
  const started = {} as { t: TestPlatform; browser: Browser };
  beforeAll(async () => {
    started.t = await startTestPlatform({ seedDemo: true, serveWebApp: true, env });
    started.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await started.browser?.close();
    await started.t?.close();
  });
  return started;
}
