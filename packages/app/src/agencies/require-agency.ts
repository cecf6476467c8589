import { DomainError } from '@xxgk/core';
import { findAgency, type AgencyRow, type Executor } from '@xxgk/db';

/** The agency with this id, or NOT_FOUND in Chinese. */
export async function requireAgency(ex: Executor, agencyId: number): Promise<AgencyRow> {
  const agency = await findAgency(ex, agencyId);
  if (agency === undefined) {
    throw new DomainError('NOT_FOUND', `机关（编号 ${agencyId}）不存在`);
  }
  return agency;
}
