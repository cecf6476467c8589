import { reachOf, type Actor } from '@xxgk/core';
import { listUsers as listUserRows, type UserListing } from '@xxgk/db';
import { denied } from '../audit.ts';
import type { AppContext, RequestMeta } from '../context.ts';

export interface ListUsersOptions {
  readonly actor: Actor;
  readonly meta: RequestMeta;
  readonly agencyId?: number;
  readonly search?: string;
}

/** The users the actor may see: of their own agency, their subtree, or everyone. */
export async function listUsers(ctx: AppContext, options: ListUsersOptions): Promise<UserListing[]> {
  const { actor } = options;
  const reach = reachOf(actor, 'user.read');
  const filter = {
    ...(options.agencyId === undefined ? {} : { agencyId: options.agencyId }),
    ...(options.search === undefined ? {} : { search: options.search }),
  };
  switch (reach) {
    case undefined:
      return denied(ctx, actor, options.meta, {
        action: 'user.list',
        targetType: 'user',
        targetId: null,
        agencyId: actor.agency.id,
        permission: 'user.read',
      });
    case 'all':
      return listUserRows(ctx.db, filter);
    case 'subtree':
      return listUserRows(ctx.db, { ...filter, underPath: actor.agency.path });
    case 'own':
      return listUserRows(ctx.db, { ...filter, agencyId: actor.agency.id });
  }
}
