import { listPublishedVersionsOf, type Executor } from '@xxgk/db';

/** A report's published versions, newest first (the portal's 修订记录). */
export async function reportVersions(ex: Executor, agencyId: number, year: number) {
  const rows = await listPublishedVersionsOf(ex, agencyId, year);
  return rows.map((r) => ({ version: r.version, publishedOn: r.published_on, reason: r.reason, changes: r.changes }));
}
