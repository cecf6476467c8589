import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answer, refuse, type FakeRoute } from '../../test/fake-server.ts';
import { renderScreen, sessionOf } from '../../test/render.tsx';
import UsersPage from './UsersPage.tsx';

/** The users screen of an agency's administrator, its new-user dialog open. */
async function openNewUser(routes: readonly FakeRoute[] = []) {
  const user = userEvent.setup();
  const rendered = renderScreen(<UsersPage />, {
    me: sessionOf(['agency_admin']),
    routes: [answer.get('/api/users', { users: [] }), ...routes],
  });
  await user.click(await screen.findByRole('button', { name: /新建用户/u }));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog, ...rendered };
}

describe('the new-user form', () => {
  it('names each missing field and sends nothing', async () => {
    const { user, dialog, calls } = await openNewUser();
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/u }));

    expect(await within(dialog).findByText('请填写用户名')).toBeTruthy();
    expect(within(dialog).getByText('请填写姓名')).toBeTruthy();
    expect(within(dialog).getByText('请设置初始密码')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it("sends the user with the agency and first-login rule preset, and shows the server's word beside the field", async () => {
    const { user, dialog, calls } = await openNewUser([
      refuse('POST', '/api/users', 400, {
        code: 'VALIDATION_FAILED',
        message: 'password：密码至少需要12位',
        issues: [{ path: 'password', message: '密码至少需要12位' }],
      }),
    ]);
    await user.type(within(dialog).getByLabelText('用户名'), 'wang.li');
    await user.type(within(dialog).getByLabelText('姓名'), '王丽');
    await user.type(within(dialog).getByLabelText('初始密码'), 'Short1!');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/u }));

    expect(await within(dialog).findByText('密码至少需要12位')).toBeTruthy();
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST')).toEqual([
        expect.objectContaining({
          method: 'POST',
          path: '/api/users',
          body: expect.objectContaining({
            username: 'wang.li',
            displayName: '王丽',
            password: 'Short1!',
            agencyId: 1,
            roles: [],
            mustChangePassword: true,
          }),
        }),
      ]),
    );
  });
});
