import { listPublishedReportListings, type Executor, type PublishedReportListing } from '@xxgk/db';

/** Every published report (latest versions), for /open/reports.json and the portal. */
export async function listPublishedReports(ex: Executor, agencyId?: number): Promise<PublishedReportListing[]> {
  return listPublishedReportListings(ex, agencyId);
}
