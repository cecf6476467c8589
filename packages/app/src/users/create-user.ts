import { DomainError, type Actor } from '@xxgk/core';
import { findAgency, findUserByUsername, insertUser } from '@xxgk/db';
import { z } from 'zod';
import { audit, authorize } from '../audit.ts';
import { iso, type AppContext, type RequestMeta } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { parseInput } from '../validation.ts';
import { assertPasswordAllowed, assertRolesGrantable, UserFields, Username } from './user-input.ts';
import { loadListing } from './update-user.ts';
import type { UserListing } from '@xxgk/db';

export const CreateUserInput = UserFields.extend({
  username: Username,
  password: z.string({ error: '请设置初始密码' }).max(256),
  /** Ask for a new password at first login (the default for accounts made by an administrator). */
  mustChangePassword: z.boolean().default(true),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export interface CreateUserOptions {
  readonly actor: Actor;
  readonly input: CreateUserInput;
  readonly meta: RequestMeta;
}

/** Creates an account in an agency the actor manages, with roles the actor may grant. */
export async function createUser(ctx: AppContext, { actor, input, meta }: CreateUserOptions): Promise<UserListing> {
  const fields = parseInput(CreateUserInput, input);
  const agency = await findAgency(ctx.db, fields.agencyId);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `单位（编号 ${fields.agencyId}）不存在`);
  }
  await authorize(ctx, actor, meta, 'user.manage', agency, {
    action: 'user.create',
    targetType: 'user',
    targetId: null,
  });
  assertRolesGrantable(actor, fields.roles);
  assertPasswordAllowed(ctx, fields.password, fields.username);
  if ((await findUserByUsername(ctx.db, fields.username)) !== undefined) {
    throw new DomainError('CONFLICT', `用户名 ${fields.username} 已被使用`, {
      issues: [{ path: 'username', message: '该用户名已被使用' }],
    });
  }
  const passwordHash = await hashPassword(fields.password);
  const now = iso(ctx.now());
  return ctx.db.transaction().execute(async (trx) => {
    const row = await insertUser(
      trx,
      {
        username: fields.username,
        display_name: fields.displayName,
        agency_id: agency.id,
        password_hash: passwordHash,
        phone: fields.phone,
        email: fields.email,
        status: 'active',
        must_change_password: fields.mustChangePassword ? 1 : 0,
        password_changed_at: now,
      },
      fields.roles,
      now,
    );
    const listing = await loadListing(trx, row.id);
    await audit(trx, ctx, actor, meta, {
      action: 'user.create',
      agencyId: agency.id,
      targetType: 'user',
      targetId: row.id,
      after: listing,
    });
    return listing;
  });
}
