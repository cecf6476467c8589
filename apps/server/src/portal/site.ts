import { listPublicAgencies, type Agency } from '@xxgk/app';
import type { Executor } from '@xxgk/db';
import type { Site } from './items.ts';

/** The agencies on the portal and the site's name: the top-level government's, without 人民政府. */
export async function loadSite(ex: Executor): Promise<Site & { root: Agency | undefined }> {
  const agencies = await listPublicAgencies(ex);
  const root = agencies.find((a) => a.parentId === null);
  return { agencies, root, siteName: root?.name.replace(/人民政府$/u, '') ?? '' };
}
