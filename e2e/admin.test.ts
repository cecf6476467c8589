import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testToday } from '@xxgk/app/testing';
import type { Started } from '@xxgk/server';
import { ARTIFACTS, launchBrowser, startDemo } from './browser.ts';

let server: Started;
let browser: Browser;

beforeAll(async () => {
  server = await startDemo();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, username: string, password = 'Shili@2026'): Promise<void> {
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

describe('admin journeys in Chromium', () => {
  it('an editor logs in, sees their workspace, and no user management', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await logIn(page, 'editor');
    await expect.poll(() => page.getByTestId('current-user').textContent()).toBe('张信息（市财政局信息员）');
    await expect
      .poll(() => page.getByRole('heading', { name: '欢迎，张信息（市财政局信息员）' }).isVisible())
      .toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-after-login.png'), fullPage: true });
    const menu = await page.getByRole('navigation', { name: '主菜单' }).textContent();
    expect(menu).toContain('工作台');
    expect(menu).not.toContain('用户与角色');
    await page.getByRole('menuitem', { name: '信息公开目录' }).click();
    await expect.poll(() => page.getByText('行政规范性文件', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '新增一级栏目' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await page.close();
  });

  it('a supervisor creates a user who then appears in the list', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'agencyadmin', exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('tjj.editor');
    await dialog.getByLabel('姓名').fill('钱信息（统计员）');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('信息员', { exact: true }).click();
    await dialog.getByLabel('初始密码').fill('Tongji#2026');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText('用户 tjj.editor 已创建').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: '钱信息（统计员）' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'supervisor-created-user.png') });
    await page.close();
  });

  it('refuses a wrong password with a Chinese message', async () => {
    const page = await browser.newPage();
    await logIn(page, 'editor', 'not-the-password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('用户名或密码错误');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await page.close();
  });

  it('a system admin is warned about next year’s missing holidays and sets a date by hand', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, 'admin');
    // chinese-days 1.5.7 (pinned) has no schedule after 2026, and the server's clock is at TEST_NOW (November
    // 2026), when next year's schedule is awaited, so the banner shows.
    await expect.poll(() => page.getByTestId('calendar-banner').textContent()).toMatch(/年的法定节假日安排尚未录入/);
    await page.getByRole('menuitem', { name: '节假日设置' }).click();
    await page.getByLabel('日期', { exact: true }).fill(`${testToday().slice(0, 4)}-12-31`);
    await page.keyboard.press('Enter');
    await page.getByLabel('类型').click();
    await page.getByTitle('休息日').click();
    await page.getByLabel('说明').fill('本市跨年安排');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('cell', { name: '本市跨年安排' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'calendar-settings.png') });
    await page.close();
  });

  it('a supervisor checks two years of a district’s published PDFs and sees the wrong cells', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await logIn(page, 'supervisor');
    await page.getByRole('menuitem', { name: '年报校验' }).click();
    const pdfs = new URL('../fixtures/reports/pdf/', import.meta.url);
    await page
      .locator('input[type=file]')
      .setInputFiles([new URL('hongzequ-2023.pdf', pdfs).pathname, new URL('hongzequ-2024.pdf', pdfs).pathname]);
    await expect.poll(() => page.getByText('已读取（PDF）').count(), { timeout: 20_000 }).toBe(2);
    const choose = async (select: string, file: string) => {
      // Type to filter and press Enter: steadier than clicking an option while the dropdown animates.
      const box = page.getByLabel(select);
      await box.fill(file);
      await page.locator(`.ant-select-item-option[title*="${file}"]`).filter({ visible: true }).waitFor();
      await box.press('Enter');
      // Two dropdowns may be closing at once: wait until none is left on screen.
      await expect.poll(() => page.locator('.ant-select-dropdown').filter({ visible: true }).count()).toBe(0);
    };
    await choose('报告一', 'hongzequ-2023.pdf');
    await choose('报告二', 'hongzequ-2024.pdf');
    await page.getByRole('button', { name: /对\s*比/ }).click();
    await expect.poll(() => page.getByText('2024年报告（以2023年为上年）的校验结果').isVisible()).toBe(true);
    const row2023 = page.getByRole('row', { name: /hongzequ-2023\.pdf/ });
    expect(await row2023.getByRole('cell').nth(3).textContent()).toBe('2');
    await row2023.getByRole('button', { name: '查看' }).click();
    await expect
      .poll(() => page.getByText('行政复议：结果维持＋结果纠正＋其他结果＋尚未审结（11）≠ 总计（0）').isVisible())
      .toBe(true);
    expect(await page.locator('.checked-tables .flagged').count()).toBeGreaterThanOrEqual(10);
    await page.waitForTimeout(500); // let the drawer finish sliding in before the picture
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-check.png') });
    await page.close();
  }, 60_000);

  it('shows the portal home page without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('政府信息公开');
    expect(await page.getByRole('heading', { name: '示例市财政局' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 3 }).count()).toBe(16);
    await page.screenshot({ path: path.join(ARTIFACTS, 'portal-home.png'), fullPage: true });
    await page.getByRole('link', { name: '示例市财政局', exact: true }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('示例市财政局');
    expect(await page.getByRole('heading', { name: '政府信息公开目录' }).isVisible()).toBe(true);
    expect(await page.getByText('行政规范性文件', { exact: true }).isVisible()).toBe(true);
    await context.close();
  });
});
