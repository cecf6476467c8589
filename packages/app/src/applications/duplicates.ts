import {
  addDays,
  PROACTIVE_DISCLOSURE_SUGGESTION_APPLICANTS,
  requestSimilarity,
  SAME_REQUEST_SIMILARITY,
  type OutcomeCode,
} from '@xxgk/core';
import { listDuplicateCandidates, type ApplicationRow, type Executor } from '@xxgk/db';

export interface SimilarApplication {
  readonly id: number;
  readonly trackingCode: string;
  readonly infoTitle: string;
  readonly receivedOn: string | null;
  readonly outcomeCode: OutcomeCode | null;
  readonly similarity: number;
}

export interface DuplicateFindings {
  /** The same applicant asking this agency for the same information before: 重复申请 (第三十六条第六项)? */
  readonly sameApplicant: readonly SimilarApplication[];
  /** Different applicants asking for the same information in the last year. */
  readonly otherApplicants: number;
  /** Enough of them to suggest publishing it proactively (第四十四条). */
  readonly suggestProactive: boolean;
}

/**
 * Flags for the handler: earlier applications of the same applicant for similar information, and how
 * many others asked the agency for it within a year. Advice only: whether it is a 重复申请 is the
 * handler's decision.
 */
export async function findLikelyDuplicates(ex: Executor, application: ApplicationRow): Promise<DuplicateFindings> {
  const since = addDays(application.received_on ?? application.created_at.slice(0, 10), -366);
  const others = await listDuplicateCandidates(ex, application, since);
  const me = {
    title: application.info_title,
    docNo: application.info_doc_no,
    description: application.info_description,
  };
  const sameApplicant: SimilarApplication[] = [];
  const applicants = new Set<string>();
  for (const o of others) {
    const similarity = requestSimilarity(me, {
      title: o.info_title,
      docNo: o.info_doc_no,
      description: o.info_description,
    });
    if (similarity < SAME_REQUEST_SIMILARITY) {
      continue;
    }
    if (application.applicant_key !== '' && o.applicant_key === application.applicant_key) {
      sameApplicant.push({
        id: o.id,
        trackingCode: o.tracking_code,
        infoTitle: o.info_title,
        receivedOn: o.received_on,
        outcomeCode: o.outcome_code,
        similarity: Math.round(similarity * 100) / 100,
      });
    } else if (o.applicant_key !== '') {
      applicants.add(o.applicant_key);
    }
  }
  return {
    sameApplicant,
    otherApplicants: applicants.size,
    suggestProactive: applicants.size + 1 >= PROACTIVE_DISCLOSURE_SUGGESTION_APPLICANTS,
  };
}
