import type { Actor } from '@xxgk/core';
import { findAgency, rolesOf, type Executor, type UserRow } from '@xxgk/db';

/** Builds the acting person from their user row: their agency's place in the tree and their roles. */
export async function actorOf(ex: Executor, user: UserRow): Promise<Actor> {
  const agency = await findAgency(ex, user.agency_id);
  if (agency === undefined) {
    throw new Error(`user ${user.id} belongs to missing agency ${user.agency_id}`);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    agency: { id: agency.id, path: agency.path },
    roles: await rolesOf(ex, user.id),
  };
}
