import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEST_NOW } from '@xxgk/app/testing';
import { loadConfig, startServer, type Started } from '@xxgk/server';

/** Debian's Chromium; we never download a browser (STACK.md §6). */
export const CHROMIUM = process.env['XXGK_CHROMIUM'] ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 Chromium（${CHROMIUM}）：请先运行 apt-get install chromium fonts-noto-cjk，或运行 .ci/run`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The platform on a fresh SQLite data directory with the demo, on a free port, as `xxgk serve --demo` runs it. */
export async function startDemo(): Promise<Started> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xxgk-e2e-'));
  // The server's clock starts at TEST_NOW (XXGK_NOW), whatever day the machine thinks it is.
  const config = loadConfig({ XXGK_LOG_LEVEL: 'warn', XXGK_NOW: TEST_NOW }, { dataDir, port: 0, host: '127.0.0.1' });
  if (!existsSync(path.join(config.adminDist, 'index.html'))) {
    throw new Error('管理端尚未构建：请先运行 npm run build:admin（npm test 会先构建）');
  }
  return startServer(config, { demo: true, logger: false });
}

/** A staff member logged in to the admin in a context of their own (wide viewport, zh-CN). */
export async function logIn(browser: Browser, server: Started, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Shili@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}
