import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type AgencyPlace, type Role } from './roles.ts';
import { userManagementVerdict } from './user-management.ts';

const city = { id: 1, path: '/1/' };
const bureau = { id: 4, path: '/1/4/' };
const town = { id: 9, path: '/1/9/' };
const other = { id: 20, path: '/20/' };

function actor(roles: readonly Role[], agency: AgencyPlace = city): Actor {
  return { userId: 1, username: 'u', displayName: 'U', agency, roles };
}

describe('userManagementVerdict', () => {
  it('keeps a supervisor off the system administrator’s account, though it is within reach (issue 18)', () => {
    const supervisor = actor(['supervisor']);
    expect(userManagementVerdict(supervisor, { agency: city, roles: ['system_admin'] })).toEqual({
      allowed: false,
      reason: 'holds_ungrantable_role',
      roles: ['system_admin'],
    });
    expect(userManagementVerdict(supervisor, { agency: bureau, roles: ['agency_admin', 'editor'] })).toEqual({
      allowed: true,
    });
  });

  it('keeps an agency admin off supervisors and system administrators of their own agency', () => {
    const admin = actor(['agency_admin'], bureau);
    expect(userManagementVerdict(admin, { agency: bureau, roles: ['editor', 'supervisor'] })).toEqual({
      allowed: false,
      reason: 'holds_ungrantable_role',
      roles: ['supervisor'],
    });
    expect(userManagementVerdict(admin, { agency: bureau, roles: ['agency_admin'] })).toEqual({ allowed: true });
  });

  it('names every ungrantable role, in canonical order', () => {
    const verdict = userManagementVerdict(actor(['agency_admin']), {
      agency: city,
      roles: ['system_admin', 'editor', 'supervisor'],
    });
    expect(verdict).toEqual({
      allowed: false,
      reason: 'holds_ungrantable_role',
      roles: ['supervisor', 'system_admin'],
    });
  });

  it('refuses whoever is out of reach before looking at roles', () => {
    expect(userManagementVerdict(actor(['agency_admin'], bureau), { agency: town, roles: [] })).toEqual({
      allowed: false,
      reason: 'out_of_reach',
    });
    expect(userManagementVerdict(actor(['supervisor'], bureau), { agency: city, roles: ['editor'] })).toEqual({
      allowed: false,
      reason: 'out_of_reach',
    });
    expect(userManagementVerdict(actor(['editor'], bureau), { agency: bureau, roles: [] })).toEqual({
      allowed: false,
      reason: 'out_of_reach',
    });
  });

  it('lets a system administrator manage anyone anywhere, other system administrators included', () => {
    expect(userManagementVerdict(actor(['system_admin'], bureau), { agency: other, roles: ROLES })).toEqual({
      allowed: true,
    });
  });

  it('lets anyone who reaches a user with no roles manage them', () => {
    expect(userManagementVerdict(actor(['agency_admin'], bureau), { agency: bureau, roles: [] })).toEqual({
      allowed: true,
    });
  });

  it('matches the table of who manages whom, for every pair of roles (each alone, in the actor’s own agency)', () => {
    const manages: Readonly<Record<Role, readonly Role[]>> = {
      editor: [],
      reviewer_first: [],
      reviewer_second: [],
      reviewer_final: [],
      secrecy_reviewer: [],
      application_handler: [],
      legal_reviewer: [],
      agency_admin: ROLES.filter((r) => r !== 'supervisor' && r !== 'system_admin'),
      supervisor: ROLES.filter((r) => r !== 'system_admin'),
      system_admin: ROLES,
    };
    for (const actorRole of ROLES) {
      for (const targetRole of ROLES) {
        const verdict = userManagementVerdict(actor([actorRole], bureau), { agency: bureau, roles: [targetRole] });
        expect(verdict.allowed, `${actorRole} → ${targetRole}`).toBe(manages[actorRole].includes(targetRole));
      }
    }
  });
});
