import type { Role } from '@xxgk/core';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen, sessionOf } from '../test/render.tsx';
import { AppLayout } from './AppLayout.tsx';

/** The main menu's entries for a user holding `roles` (their permissions as core gives them). */
async function menuOf(roles: Role[]): Promise<string[]> {
  renderScreen(<AppLayout>工作区</AppLayout>, { me: sessionOf(roles) });
  const menu = await screen.findByRole('navigation', { name: '主菜单' });
  return within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
}

describe('the main menu follows the permissions', () => {
  it('shows an editor the publishing work, and neither users and roles nor the audit log nor holidays', async () => {
    const menu = await menuOf(['editor']);
    expect(menu).toEqual(expect.arrayContaining(['工作台', '信息公开目录', '信息发布']));
    expect(menu).not.toContain('用户与角色');
    expect(menu).not.toContain('审计日志');
    expect(menu).not.toContain('节假日设置');
  });

  it('shows a supervisor users and roles, the audit log and the inspection desk', async () => {
    const menu = await menuOf(['supervisor']);
    expect(menu).toEqual(expect.arrayContaining(['用户与角色', '审计日志', '监督检查', '机关管理']));
  });

  it('shows a system administrator the holiday settings', async () => {
    expect(await menuOf(['system_admin'])).toContain('节假日设置');
  });
});
