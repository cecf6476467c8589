import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api.ts';
import { followServerClock } from './clock.ts';
import type { Me } from './types.ts';

interface AuthState {
  /** undefined while the first /me is in flight; null when logged out. */
  me: Me | null | undefined;
  /** Why the last session ended, shown on the login page. */
  notice: string | undefined;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>();

  const accept = useCallback((value: Me | null) => {
    setCsrfToken(value?.csrfToken ?? '');
    if (value) {
      followServerClock(value.now);
    }
    setMe(value);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get('/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SESSION_EXPIRED') {
        setNotice(error.message);
      }
      accept(null);
    }
  }, [accept]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setNotice('登录已超时，请重新登录');
      accept(null);
    });
    void refresh();
  }, [accept, refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      notice,
      async login(username, password) {
        const result = await api.post('/api/auth/login', { body: { username, password } });
        setNotice(undefined);
        accept(result);
      },
      async logout() {
        try {
          await api.post('/api/auth/logout');
        } finally {
          accept(null);
        }
      },
      refresh,
    }),
    [me, notice, accept, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (value === undefined) {
    throw new Error('useAuth outside AuthProvider');
  }
  return value;
}

/** The logged-in user; only for screens inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) {
    throw new Error('useMe without a session');
  }
  return me;
}
