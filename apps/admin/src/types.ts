/**
 * The shapes the admin shares between screens, each named after the server's answer it comes from
 * (api/schema.ts, generated from the server's OpenAPI document by `npm run gen:api`).
 */
import type { Permission } from '@xxgk/core';
import type { Json } from './api/types.ts';

type ServerMe = Json<'/api/auth/me'>;

/** How far a permission reaches: the user's own agency, its subtree, or all agencies. */
export type Reach = ServerMe['user']['permissions'][string];

/**
 * The logged-in user, their permissions and the session's CSRF token. OpenAPI writes the permission map
 * as "any string key"; its keys are core's permission names, so a misspelt permission fails here.
 */
export type Me = Omit<ServerMe, 'user'> & {
  user: Omit<ServerMe['user'], 'permissions'> & { permissions: Partial<Record<Permission, Reach>> };
};

export type Agency = Json<'/api/agencies'>['agencies'][number];
export type AgencyKind = Agency['kind'];

export type User = Json<'/api/users'>['users'][number];

export type AuditEntry = Json<'/api/audit'>['entries'][number];
