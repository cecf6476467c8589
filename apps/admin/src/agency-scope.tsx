import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import type { Agency } from './types.ts';

interface AgencyScope {
  /** Every agency the user can see, in tree order. */
  agencies: Agency[];
  /** The agency the supervisor has switched to; undefined means all they oversee. */
  current: number | undefined;
  setCurrent(id: number | undefined): void;
  reload(): Promise<void>;
}

const ScopeContext = createContext<AgencyScope | undefined>(undefined);

export function AgencyScopeProvider({ children }: { children: ReactNode }) {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [current, setCurrent] = useState<number | undefined>(() => {
    const saved = sessionStorage.getItem('xxgk.agency');
    return saved ? Number(saved) : undefined;
  });
  const reload = async () => {
    const result = await api.get('/api/agencies');
    setAgencies(result.agencies);
  };
  useEffect(() => {
    void reload();
  }, []);
  useEffect(() => {
    if (current === undefined) {
      sessionStorage.removeItem('xxgk.agency');
    } else {
      sessionStorage.setItem('xxgk.agency', String(current));
    }
  }, [current]);
  return <ScopeContext.Provider value={{ agencies, current, setCurrent, reload }}>{children}</ScopeContext.Provider>;
}

export function useAgencyScope(): AgencyScope {
  const value = useContext(ScopeContext);
  if (value === undefined) {
    throw new Error('useAgencyScope outside AgencyScopeProvider');
  }
  return value;
}

/** Indents an agency's name by its depth, for selects. */
export function indentedName(agency: Agency, all: Agency[]): string {
  const rootDepth = Math.min(...all.map((a) => a.path.split('/').length));
  const depth = agency.path.split('/').length - rootDepth;
  return `${'　'.repeat(Math.max(0, depth))}${agency.name}`;
}
