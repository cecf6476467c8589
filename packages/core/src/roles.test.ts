import { describe, expect, it } from 'vitest';
import { can, grantableRoles, type Actor } from './roles.ts';

const city = { id: 1, path: '/1/' };
const bureau = { id: 4, path: '/1/4/' };
const town = { id: 9, path: '/1/9/' };
const other = { id: 20, path: '/20/' };

function actor(roles: Actor['roles'], agency = city): Actor {
  return { userId: 1, username: 'u', displayName: 'U', agency, roles };
}

describe('can', () => {
  it('gives an editor nothing over users', () => {
    expect(can(actor(['editor'], bureau), 'user.manage', bureau)).toBe(false);
    expect(can(actor(['editor'], bureau), 'agency.read', bureau)).toBe(true);
  });

  it('keeps an agency admin inside their own agency', () => {
    expect(can(actor(['agency_admin'], bureau), 'user.manage', bureau)).toBe(true);
    expect(can(actor(['agency_admin'], bureau), 'user.manage', town)).toBe(false);
    expect(can(actor(['agency_admin'], city), 'user.manage', bureau)).toBe(false);
  });

  it('lets a supervisor act on every agency below theirs, and not beside it', () => {
    const s = actor(['supervisor'], city);
    expect(can(s, 'user.manage', city)).toBe(true);
    expect(can(s, 'user.manage', bureau)).toBe(true);
    expect(can(s, 'audit.read', town)).toBe(true);
    expect(can(s, 'user.manage', other)).toBe(false);
  });

  it('takes the widest reach of several roles', () => {
    expect(can(actor(['agency_admin', 'supervisor'], city), 'user.manage', town)).toBe(true);
  });

  it('does not mistake a sibling with a longer id for a child', () => {
    const s = actor(['supervisor'], { id: 1, path: '/1/' });
    expect(can(s, 'agency.read', { id: 11, path: '/11/' })).toBe(false);
  });

  it('lets a system admin act anywhere', () => {
    expect(can(actor(['system_admin'], bureau), 'agency.create', other)).toBe(true);
  });
});

describe('grantableRoles', () => {
  it('never lets anyone hand out a role wider than their own', () => {
    expect(grantableRoles(actor(['agency_admin']))).not.toContain('supervisor');
    expect(grantableRoles(actor(['supervisor']))).not.toContain('system_admin');
    expect(grantableRoles(actor(['editor']))).toEqual([]);
    expect(grantableRoles(actor(['system_admin']))).toContain('system_admin');
  });
});
