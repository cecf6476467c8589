import { can, grantableRoles, sortRoles, type Actor, type AgencyPlace, type Role } from './roles.ts';

/** The account an administrator means to act on: where it sits in the agency tree and the roles it holds. */
export interface ManagedUser {
  readonly agency: AgencyPlace;
  readonly roles: readonly Role[];
}

/**
 * Whether an actor may act on another user's account, and if not, why:
 * - `out_of_reach`: the user's agency is outside the actor's `user.manage` reach (or the actor has none);
 * - `holds_ungrantable_role`: the user holds roles (listed, in canonical order) the actor could not grant.
 */
export type UserManagementVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'out_of_reach' }
  | { readonly allowed: false; readonly reason: 'holds_ungrantable_role'; readonly roles: readonly Role[] };

/**
 * The one rule for managing another person's account — resetting its password (which also unlocks it
 * and ends its sessions), enabling or disabling it, editing its details or agency, changing its roles:
 * **the actor may act on a user only if the user is within the actor's `user.manage` reach and every
 * role the user holds is one the actor could grant** ({@link grantableRoles}).
 *
 * Reach alone is not enough. A 政务公开办 supervisor reaches every account of their city, the system
 * administrator's included (issue 18); were reach the test, the supervisor could reset the system
 * administrator's password and log in as them, or disable them — gaining by the back door a role
 * `grantableRoles` refuses to give them by the front. Measuring the target's roles against what the
 * actor could grant closes that door for every pair of roles at once: an agency admin cannot touch a
 * supervisor's account, a supervisor cannot touch a system administrator's, and only a system
 * administrator manages system administrators.
 *
 * A user with no roles is manageable by anyone who reaches them. Whether actors may act on their own
 * account is decided by each action, not here (a user may edit their own details but neither disable
 * themselves nor reset their own password without the current one).
 */
export function userManagementVerdict(actor: Actor, target: ManagedUser): UserManagementVerdict {
  if (!can(actor, 'user.manage', target.agency)) {
    return { allowed: false, reason: 'out_of_reach' };
  }
  const grantable = grantableRoles(actor);
  const ungrantable = sortRoles(target.roles.filter((r) => !grantable.includes(r)));
  if (ungrantable.length > 0) {
    return { allowed: false, reason: 'holds_ungrantable_role', roles: ungrantable };
  }
  return { allowed: true };
}
