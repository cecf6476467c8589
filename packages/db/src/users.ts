import { sortRoles, type Role } from '@xxgk/core';
import type { Executor } from './connection.ts';
import type { NewUserRow, UserRow, UserTable } from './schema.ts';
import type { Updateable } from 'kysely';

export type NewUser = Omit<NewUserRow, 'id' | 'created_at' | 'updated_at'>;
export type UserPatch = Omit<Updateable<UserTable>, 'id' | 'created_at' | 'username'>;

/** A user as lists show them: with their agency's name and their roles. */
export interface UserListing {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly agencyId: number;
  readonly agencyName: string;
  readonly phone: string;
  readonly email: string;
  readonly status: UserRow['status'];
  readonly lockedUntil: string | null;
  readonly lastLoginAt: string | null;
  readonly roles: Role[];
}

export async function insertUser(ex: Executor, user: NewUser, roles: readonly Role[], now: string): Promise<UserRow> {
  const row = await ex
    .insertInto('users')
    .values({ ...user, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await setUserRoles(ex, row.id, roles);
  return row;
}

export async function updateUser(ex: Executor, id: number, patch: UserPatch, now: string): Promise<UserRow> {
  return ex
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findUserById(ex: Executor, id: number): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(ex: Executor, username: string): Promise<UserRow | undefined> {
  return ex.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function rolesOf(ex: Executor, userId: number): Promise<Role[]> {
  const rows = await ex.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return sortRoles(rows.map((r) => r.role));
}

export async function setUserRoles(ex: Executor, userId: number, roles: readonly Role[]): Promise<void> {
  await ex.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roles)];
  if (unique.length > 0) {
    await ex
      .insertInto('user_roles')
      .values(unique.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

export interface ListUsersOptions {
  /** Only users of agencies at or below this path. */
  readonly underPath?: string;
  /** Only users of this agency. */
  readonly agencyId?: number;
  /** Matches username or display name. */
  readonly search?: string;
}

export async function listUsers(ex: Executor, options: ListUsersOptions = {}): Promise<UserListing[]> {
  let query = ex
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.agency_id',
      'agencies.name as agency_name',
      'users.phone',
      'users.email',
      'users.status',
      'users.locked_until',
      'users.last_login_at',
    ]);
  if (options.underPath !== undefined) {
    query = query.where('agencies.path', 'like', `${options.underPath}%`);
  }
  if (options.agencyId !== undefined) {
    query = query.where('users.agency_id', '=', options.agencyId);
  }
  if (options.search !== undefined && options.search.trim() !== '') {
    const pattern = `%${options.search.trim().toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.username']), 'like', pattern), eb('users.display_name', 'like', pattern)]),
    );
  }
  const rows = await query.orderBy('agencies.path').orderBy('users.username').execute();
  const roleRows =
    rows.length === 0
      ? []
      : await ex
          .selectFrom('user_roles')
          .select(['user_id', 'role'])
          .where(
            'user_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  const rolesByUser = new Map<number, Role[]>();
  for (const r of roleRows) {
    rolesByUser.set(r.user_id, [...(rolesByUser.get(r.user_id) ?? []), r.role]);
  }
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    phone: r.phone,
    email: r.email,
    status: r.status,
    lockedUntil: r.locked_until,
    lastLoginAt: r.last_login_at,
    roles: sortRoles(rolesByUser.get(r.id) ?? []),
  }));
}

export async function countUsers(ex: Executor): Promise<number> {
  const row = await ex
    .selectFrom('users')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
