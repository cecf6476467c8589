/**
 * Renders a screen as the admin shows it — Chinese Ant Design, the router, the session and the agency
 * scope — over a fake server, and makes the session of a user holding given roles.
 */
import { grantableRoles, permissionsOf, type Actor, type Role } from '@xxgk/core';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AgencyScopeProvider } from '../agency-scope.tsx';
import type { Json } from '../api/types.ts';
import { AuthProvider, useAuth } from '../auth.tsx';
import type { Agency, Me } from '../types.ts';
import { answer, fakeServer, refuse, type Call, type FakeRoute } from './fake-server.ts';

/** The instant the fake server's clock shows (the admin's "today" follows the server's). */
export const TEST_NOW = '2026-11-30T01:00:00.000Z';

const CITY = { id: 1, name: '示例市人民政府', path: '/1/' };

/** The session of a user at the city government holding `roles`, with the permissions core gives them. */
export function sessionOf(roles: readonly Role[], agency = CITY): Json<'/api/auth/me'> {
  const actor: Actor = { userId: 7, username: 'tester', displayName: '测试用户', agency, roles };
  const permissions: Me['user']['permissions'] = permissionsOf(actor);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      agency,
      roles: [...roles],
      permissions,
      grantableRoles: [...grantableRoles(actor)],
      mustChangePassword: false,
      passwordRule: '至少12位，含大写字母、小写字母、数字和符号中的三类',
    },
    csrfToken: 'csrf-token',
    expiresAt: '2026-11-30T09:00:00.000Z',
    now: TEST_NOW,
  };
}

export const CITY_AGENCY: Agency = {
  id: CITY.id,
  parentId: null,
  path: CITY.path,
  name: CITY.name,
  shortName: '市政府',
  uscc: '',
  kind: 'government',
  address: '',
  phone: '',
  fax: '',
  postcode: '',
  email: '',
  officeHours: '',
  indexPattern: '',
  guideNotes: '',
  reconsiderationBody: '',
  court: '',
  legalReviewRequired: false,
  scanBlocking: 'severe',
  hasSeal: false,
  sortOrder: 0,
  createdAt: TEST_NOW,
  updatedAt: TEST_NOW,
};

/** Shows its children once the session is known (as Root does). */
function SignedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return me ? <AgencyScopeProvider>{children}</AgencyScopeProvider> : null;
}

/**
 * Renders `ui` at `path` for the user whose session `me` is (null: logged out), over a fake server
 * answering `routes` besides the session, the agencies and the calendar banner.
 */
export function renderScreen(
  ui: ReactNode,
  { me, routes = [], path = '/' }: { me: Json<'/api/auth/me'> | null; routes?: readonly FakeRoute[]; path?: string },
): RenderResult & { calls: Call[] } {
  const server = fakeServer([
    ...routes,
    me === null
      ? refuse('GET', '/api/auth/me', 401, { code: 'UNAUTHENTICATED', message: '请先登录' })
      : answer.get('/api/auth/me', me),
    answer.get('/api/agencies', { agencies: [CITY_AGENCY] }),
    answer.get('/api/calendar/status', {
      today: TEST_NOW.slice(0, 10),
      currentYearKnown: true,
      nextYear: Number(TEST_NOW.slice(0, 4)) + 1,
      nextYearKnown: true,
      banner: null,
    }),
  ]);
  const result = render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <MemoryRouter initialEntries={[path]}>
          <AuthProvider>{me === null ? ui : <SignedIn>{ui}</SignedIn>}</AuthProvider>
        </MemoryRouter>
      </AntApp>
    </ConfigProvider>,
  );
  return { ...result, calls: server.calls };
}
