import { can, type Actor, type Permission } from '@xxgk/core';
import { listUsers, type AgencyRow, type Executor, type UserListing } from '@xxgk/db';

/**
 * The agency's own active users who hold `permission` over it (who may handle its applications,
 * write its report…): whom to offer for assignment and whom to notify.
 */
export async function usersWithPermission(
  ex: Executor,
  agency: AgencyRow,
  permission: Permission,
): Promise<UserListing[]> {
  const users = await listUsers(ex, { agencyId: agency.id });
  return users.filter((u) => {
    const actor: Actor = { userId: u.id, username: u.username, displayName: u.displayName, agency, roles: u.roles };
    return u.status === 'active' && can(actor, permission, agency);
  });
}
