import { randomBytes } from 'node:crypto';
import { DomainError, ROLES, userManagementVerdict, type Actor, type AgencyPlace, type Role } from '@xxgk/core';
import {
  findSession,
  findUserById,
  insertAgency,
  insertSession,
  insertUser,
  listAudit,
  rolesOf,
  verifyAuditChain,
  type AgencyRow,
  type Executor,
  type UserRow,
} from '@xxgk/db';
import { expect, it } from 'vitest';
import { actorOf } from '../auth/actor.ts';
import { iso, type AppContext } from '../context.ts';
import { demoUscc } from '../demo/demo-data.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { describeApp, TEST_META } from '../testing.ts';
import { resetPassword } from './reset-password.ts';
import { updateUser, type UpdateUserInput } from './update-user.ts';

/*
 * Issue 18: every way of acting on another user's account, for every actor role, against a target
 * holding every role, in and out of the actor's reach. A cell is expected to succeed exactly when
 * core's userManagementVerdict allows it; one that succeeds must have done its work, one that is
 * refused must have changed nothing (the account, its roles, its open session) and left a `denied`
 * line in the audit log.
 */

const PASSWORD = 'Matrix#Start2026';
const NEW_PASSWORD = 'Matrix#Reset2026';

/** A tiny city: a government with two departments. */
interface World {
  readonly city: AgencyRow;
  readonly finance: AgencyRow;
  readonly education: AgencyRow;
  readonly hash: string;
}

type Place = 'city' | 'finance' | 'education';
const PLACES: readonly Place[] = ['city', 'finance', 'education'];

/** Where each actor stands: every role alone in a department, and the two overseeing roles at the city too. */
const ACTORS: readonly { readonly role: Role; readonly place: Place }[] = [
  ...ROLES.map((role) => ({ role, place: 'finance' as const })),
  { role: 'agency_admin', place: 'city' },
  { role: 'supervisor', place: 'city' },
  { role: 'system_admin', place: 'city' },
];

/** Every single role, no role at all, and a mix whose one high role must decide. */
const TARGET_ROLES: readonly (readonly Role[])[] = [...ROLES.map((r) => [r]), [], ['editor', 'system_admin']];

const ACTIONS = ['reset-password', 'disable', 'enable', 'edit', 'change-roles'] as const;
type Action = (typeof ACTIONS)[number];

async function makeWorld(ctx: AppContext): Promise<World> {
  const now = iso(ctx.now());
  const agency = (parentId: number | null, serial: number, name: string, kind: AgencyRow['kind']) =>
    insertAgency(ctx.db, { parent_id: parentId, name, short_name: name, uscc: demoUscc(serial), kind }, now);
  const city = await agency(null, 901, '矩阵市人民政府', 'government');
  const finance = await agency(city.id, 902, '矩阵市财政局', 'department');
  const education = await agency(city.id, 903, '矩阵市教育局', 'department');
  return { city, finance, education, hash: await hashPassword(PASSWORD) };
}

let serial = 0;

/** A user holding `roles` in `agency`, with one open session; `status` as given. */
async function makeUser(
  ctx: AppContext,
  world: World,
  agency: AgencyRow,
  roles: readonly Role[],
  status: UserRow['status'] = 'active',
): Promise<{ row: UserRow; sessionId: string }> {
  serial += 1;
  const now = iso(ctx.now());
  const row = await insertUser(
    ctx.db,
    {
      username: `m${serial}`,
      display_name: `矩阵用户${serial}`,
      agency_id: agency.id,
      password_hash: world.hash,
      phone: '',
      email: '',
      status,
      password_changed_at: now,
    },
    roles,
    now,
  );
  const sessionId = randomBytes(16).toString('hex');
  await insertSession(ctx.db, {
    id: sessionId,
    user_id: row.id,
    csrf_token: 'x',
    created_at: now,
    last_seen_at: now,
    expires_at: '2099-01-01T00:00:00.000Z',
    ip: '',
    user_agent: '',
    ended_at: null,
  });
  return { row, sessionId };
}

interface Snapshot {
  readonly user: UserRow;
  readonly roles: Role[];
  readonly sessionEnded: boolean;
}

async function snapshot(ex: Executor, userId: number, sessionId: string): Promise<Snapshot> {
  const user = await findUserById(ex, userId);
  const session = await findSession(ex, sessionId);
  if (user === undefined || session === undefined) {
    throw new Error(`user ${userId} or their session vanished`);
  }
  return { user, roles: await rolesOf(ex, userId), sessionEnded: session.ended_at !== null };
}

/** The roles `change-roles` asks for: one more role every manager may grant. */
function withOneMore(roles: readonly Role[]): Role[] {
  return [...roles, roles.includes('editor') ? 'reviewer_first' : 'editor'];
}

async function perform(ctx: AppContext, actor: Actor, action: Action, target: UserRow): Promise<void> {
  const roles = await rolesOf(ctx.db, target.id);
  const input: UpdateUserInput = {
    displayName: target.display_name,
    agencyId: target.agency_id,
    roles,
    status: target.status,
  };
  switch (action) {
    case 'reset-password':
      return resetPassword(ctx, { actor, user: { id: target.id }, newPassword: NEW_PASSWORD, meta: TEST_META });
    case 'disable':
      await updateUser(ctx, { actor, userId: target.id, input: { ...input, status: 'disabled' }, meta: TEST_META });
      return;
    case 'enable':
      await updateUser(ctx, { actor, userId: target.id, input: { ...input, status: 'active' }, meta: TEST_META });
      return;
    case 'edit':
      await updateUser(ctx, {
        actor,
        userId: target.id,
        input: { ...input, displayName: `${target.display_name}（改）`, phone: '0799-7654321' },
        meta: TEST_META,
      });
      return;
    case 'change-roles':
      await updateUser(ctx, {
        actor,
        userId: target.id,
        input: { ...input, roles: withOneMore(roles) },
        meta: TEST_META,
      });
      return;
  }
}

/** What an allowed action must have done to the account. */
async function expectDone(action: Action, before: Snapshot, after: Snapshot, label: string): Promise<void> {
  switch (action) {
    case 'reset-password':
      expect(await verifyPassword(after.user.password_hash, NEW_PASSWORD), label).toBe(true);
      expect(after.user.must_change_password, label).toBe(1);
      expect(after.sessionEnded, label).toBe(true);
      return;
    case 'disable':
      expect(after.user.status, label).toBe('disabled');
      expect(after.sessionEnded, label).toBe(true);
      return;
    case 'enable':
      expect(after.user.status, label).toBe('active');
      return;
    case 'edit':
      expect(after.user.display_name, label).toBe(`${before.user.display_name}（改）`);
      expect(after.user.phone, label).toBe('0799-7654321');
      return;
    case 'change-roles':
      expect(after.roles, label).toEqual(expect.arrayContaining(withOneMore(before.roles)));
      expect(after.roles, label).toHaveLength(before.roles.length + 1);
      expect(after.sessionEnded, label).toBe(true);
      return;
  }
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) {
      return e.code;
    }
    throw e;
  }
  return 'ok';
}

async function auditCount(ex: Executor, outcome: 'ok' | 'denied'): Promise<number> {
  return (await listAudit(ex, { outcome, limit: 1, offset: 0 })).total;
}

describeApp('user management matrix (issue 18)', (t) => {
  for (const { role, place } of ACTORS) {
    it(`${role} at the ${place}: allowed on exactly the users it reaches and could grant every role of`, async () => {
      const { ctx } = t();
      const world = await makeWorld(ctx);
      const actor = await actorOf(ctx.db, (await makeUser(ctx, world, world[place], [role])).row);
      let allowed = 0;
      let refused = 0;
      for (const action of ACTIONS) {
        for (const targetPlace of PLACES) {
          for (const targetRoles of TARGET_ROLES) {
            const agency: AgencyPlace = world[targetPlace];
            const label = `${role}@${place} ${action} [${targetRoles.join('+')}]@${targetPlace}`;
            const status = action === 'enable' ? 'disabled' : 'active';
            const { row, sessionId } = await makeUser(ctx, world, world[targetPlace], targetRoles, status);
            const before = await snapshot(ctx.db, row.id, sessionId);
            const denials = await auditCount(ctx.db, 'denied');
            const successes = await auditCount(ctx.db, 'ok');
            const expected = userManagementVerdict(actor, { agency, roles: targetRoles }).allowed;

            const code = await codeOf(perform(ctx, actor, action, row));

            const after = await snapshot(ctx.db, row.id, sessionId);
            if (expected) {
              allowed += 1;
              expect(code, label).toBe('ok');
              await expectDone(action, before, after, label);
              expect(await auditCount(ctx.db, 'ok'), label).toBe(successes + 1);
            } else {
              refused += 1;
              expect(code, label).toBe('FORBIDDEN');
              expect(after, label).toEqual(before);
              expect(await auditCount(ctx.db, 'denied'), label).toBe(denials + 1);
              expect(await auditCount(ctx.db, 'ok'), label).toBe(successes);
            }
          }
        }
      }
      // The matrix means something for the overseeing roles: some cells on each side.
      if (role === 'agency_admin' || role === 'supervisor' || role === 'system_admin') {
        expect(allowed).toBeGreaterThan(0);
      }
      if (role !== 'system_admin') {
        expect(refused).toBeGreaterThan(0);
      }
      expect((await verifyAuditChain(ctx.db)).breaks).toEqual([]);
      // 180 cells, dozens of Argon2 hashes: generous on a busy machine.
    }, 120_000);
  }

  it('agrees with the report: a supervisor may not manage the system administrator of their own city', async () => {
    const { ctx } = t();
    const world = await makeWorld(ctx);
    const supervisor = await actorOf(ctx.db, (await makeUser(ctx, world, world.city, ['supervisor'])).row);
    const { row: admin, sessionId } = await makeUser(ctx, world, world.city, ['system_admin']);
    const before = await snapshot(ctx.db, admin.id, sessionId);
    for (const action of ACTIONS.filter((a) => a !== 'enable')) {
      await expect(perform(ctx, supervisor, action, admin)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: '无权管理持有系统管理员角色的用户',
      });
    }
    expect(await snapshot(ctx.db, admin.id, sessionId)).toEqual(before);
    const denied = await listAudit(ctx.db, { outcome: 'denied', limit: 10, offset: 0 });
    expect(denied.rows.map((r) => [r.action, r.target_id, r.note])).toEqual(
      Array.from({ length: 4 }, (_, i) => [
        i === 3 ? 'user.reset_password' : 'user.update',
        String(admin.id),
        '目标用户持有无权授予的角色：system_admin',
      ]),
    );
  });
});
