import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { docxToBlocks } from '@xxgk/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Started } from '@xxgk/server';
import { PLANTED } from '@xxgk/app';
import { testToday } from '@xxgk/app/testing';
import { ARTIFACTS, launchBrowser, logIn as logInAs, startDemo } from './browser.ts';

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

const logIn = (username: string): Promise<Page> => logInAs(browser, server, username);

/** The monthly report's title for the month the test's clock (TEST_NOW) is in. */
const MONTHLY_TITLE = `示例市政府信息公开检查情况通报（${Number(testToday().slice(0, 4))}年${Number(testToday().slice(5, 7))}月）`;

async function itemId(title: string): Promise<number> {
  const row = await server.ctx.db
    .selectFrom('item_versions')
    .select('item_id')
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.item_id;
}

describe('发布前检查与监督 in Chromium', () => {
  it('refuses to send a 名单 with identity numbers for review, showing each finding, where it is and what to write', async () => {
    const editor = await logIn('editor');
    // The 工作台 says where the agency stands: the published 名单 would fail an inspection today.
    const own = editor.locator('.ant-card').filter({ hasText: '本单位栏目与检查' });
    await own.getByText('今天检查将不合格').waitFor();
    expect(await own.getByText(PLANTED.idList).count()).toBeGreaterThan(0);
    const id = await itemId(PLANTED.draft);
    await editor.goto(`${server.url}/admin/items/${id}`);
    await editor.getByLabel('标题').waitFor();
    const refused = editor.waitForResponse((r) => r.url().endsWith(`/api/items/${id}/submit`));
    await editor.getByRole('button', { name: '保存并送审' }).click();
    expect((await refused).status()).toBe(400);
    const panel = editor.getByRole('alert').filter({ hasText: '送审前检查：须改正后才能送审' });
    await panel.waitFor();
    await expect.poll(() => panel.getByText('须改正后送审').count()).toBeGreaterThanOrEqual(3);
    expect(await panel.getByText('含居民身份证号码，公开前应隐去').count()).toBe(2);
    expect(await panel.getByText('名单中姓名与完整身份证号码并列（2 行）').isVisible()).toBe(true);
    // The word found is marked in its context, and the masked form is offered.
    expect(await panel.locator('mark').first().textContent()).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/u);
    expect(await panel.getByText(/^建议：\d{6}\*{8}\d{3}[\dX]$/u).count()).toBe(2);
    await editor.screenshot({ path: path.join(ARTIFACTS, 'item-blocked-by-scanner.png'), fullPage: true });
    // Nothing moved: the item is still a draft, not in review.
    const row = await server.ctx.db
      .selectFrom('items')
      .select(['review_stage'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.review_stage).toBeNull();
  });

  it('shows the supervisor the city: 青山乡 failing on stale and blank columns, the overdue application, each drilling down', async () => {
    const supervisor = await logIn('supervisor');
    await supervisor.getByRole('menuitem', { name: '监督检查' }).click();
    await supervisor.getByText('各单位排名').waitFor();
    await supervisor.getByText(/今天检查将不合格：.*示例市青山乡人民政府（\d+ 个栏目超期未更新/u).waitFor();
    // The charts are drawn (SVG), with what they show said in words.
    await expect
      .poll(() =>
        supervisor
          .locator('div[role=img]')
          .filter({ has: supervisor.locator('svg') })
          .count(),
      )
      .toBe(3);
    const table = supervisor.locator('.ant-table').filter({ hasText: '检查结论' });
    const qingshan = table.getByRole('row').filter({ hasText: '示例市青山乡人民政府' });
    expect(await qingshan.getByText('不合格').isVisible()).toBe(true);
    // Failing agencies rank below every passing one.
    expect(Number(await qingshan.locator('td').first().textContent())).toBeGreaterThan(12);
    await supervisor.screenshot({ path: path.join(ARTIFACTS, 'inspection-dashboard.png'), fullPage: true });

    await qingshan.getByRole('button', { name: '示例市青山乡人民政府：查看明细' }).first().click();
    const drawer = supervisor.getByRole('dialog').filter({ hasText: '栏目更新情况' });
    await drawer.getByText('工作动态').waitFor();
    const news = drawer.getByRole('row').filter({ hasText: '工作动态' });
    expect(await news.getByText('超期未更新').isVisible()).toBe(true);
    await supervisor.screenshot({ path: path.join(ARTIFACTS, 'inspection-drill-columns.png') });
    await supervisor.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    const czj = table.getByRole('row').filter({ hasText: '示例市财政局' });
    const overdueCell = czj.locator('td').nth(9);
    expect(await overdueCell.textContent()).toBe('1');
    await overdueCell.getByRole('button').click();
    const apps = supervisor.getByRole('dialog').filter({ hasText: '超期和逾期答复的申请' });
    await apps.getByText('超期未答复').waitFor();
  });

  it('produces the monthly report, previewed as it reads and downloaded as DOCX', async () => {
    const supervisor = await logIn('supervisor');
    await supervisor.goto(`${server.url}/admin/inspection/monthly`);
    await supervisor.getByRole('heading', { name: MONTHLY_TITLE }).waitFor();
    await supervisor.getByText(/^（[一二三四五六七八九十]+）示例市青山乡人民政府$/u).waitFor();
    await supervisor.screenshot({ path: path.join(ARTIFACTS, 'inspection-monthly.png'), fullPage: true });
    const href = await supervisor.getByRole('link', { name: '下载 DOCX' }).getAttribute('href');
    const response = await supervisor.request.get(`${server.url}${href ?? ''}`);
    expect(response.status()).toBe(200);
    const { blocks } = await docxToBlocks(await response.body());
    const text = blocks.map((b) => (b.kind === 'para' ? b.text : b.cells.join(' '))).join('\n');
    expect(text).toContain(MONTHLY_TITLE);
    expect(text).toContain('示例市青山乡人民政府');
    expect(text).toContain('不合格');
    expect(text).toContain('问题清单');
  });

  it('lets a reader report an error on a page without JavaScript; the agency sees it and answers; the reader reads the answer', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const reader = await context.newPage();
    const czj = await server.ctx.db
      .selectFrom('agencies')
      .select('id')
      .where('name', '=', '示例市财政局')
      .executeTakeFirstOrThrow();
    await reader.goto(`${server.url}/agencies/${czj.id}`);
    await reader.getByRole('link', { name: '我要纠错' }).click();
    await reader.getByRole('heading', { name: '我要纠错' }).waitFor();
    await reader.getByRole('radio', { name: '链接或附件打不开' }).check();
    await reader.getByRole('button', { name: '提交' }).click();
    await reader.getByText('问题描述至少5个字').first().waitFor();
    await reader.getByLabel(/问题描述/u).fill('财政预决算栏目里2024年部门决算的附件打不开。');
    await reader.getByRole('button', { name: '提交' }).click();
    await reader.getByRole('heading', { name: '已收到您的纠错' }).waitFor();
    const code = ((await reader.locator('.tracking-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^JC\d{8}-/u);
    expect(await reader.getByText('示例市财政局', { exact: true }).isVisible()).toBe(true);

    const editor = await logIn('editor');
    await editor.getByRole('menuitem', { name: '网民纠错' }).click();
    const row = editor.getByRole('row').filter({ hasText: '2024年部门决算的附件打不开' });
    await row.getByRole('button', { name: /答\s*复/u }).click();
    const dialog = editor.getByRole('dialog');
    await expect.poll(() => dialog.getAttribute('class')).not.toMatch(/ant-zoom/);
    await dialog.getByLabel('答复').fill('附件已重新上传，感谢您的指正。');
    const answered = editor.waitForResponse((r) => r.url().includes('/reply'));
    await dialog.getByRole('button', { name: /答\s*复/u }).click();
    expect((await answered).status()).toBe(200);

    await reader.goto(`${server.url}/feedback/status`);
    await reader.getByLabel('查询码').fill(code);
    await reader.getByRole('button', { name: '查询' }).click();
    await reader.getByText('附件已重新上传，感谢您的指正。').waitFor();
  });
});
