import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { refuse } from '../../test/fake-server.ts';
import { renderScreen } from '../../test/render.tsx';
import { LoginPage } from './LoginPage.tsx';

describe('LoginPage', () => {
  it('asks for the user name and the password before it sends anything', async () => {
    const user = userEvent.setup();
    const { calls } = renderScreen(<LoginPage />, { me: null });
    await user.click(await screen.findByRole('button', { name: /登\s*录/u }));

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/auth/login')).toEqual([]);
  });

  it("sends what was typed and shows the server's refusal", async () => {
    const user = userEvent.setup();
    const { calls } = renderScreen(<LoginPage />, {
      me: null,
      routes: [refuse('POST', '/api/auth/login', 401, { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' })],
    });
    await user.type(await screen.findByLabelText('用户名'), 'editor');
    await user.type(screen.getByLabelText('密码'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: /登\s*录/u }));

    expect((await screen.findByRole('alert')).textContent).toContain('用户名或密码错误');
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST')).toEqual([
        expect.objectContaining({
          path: '/api/auth/login',
          body: { username: 'editor', password: 'not-the-password' },
        }),
      ]),
    );
    expect(screen.queryByText('请输入用户名')).toBeNull();
  });
});
