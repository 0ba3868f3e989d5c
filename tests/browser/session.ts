// Logging in through the web app, shared by every browser test.
import type { Browser, Page } from 'playwright-core';

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
