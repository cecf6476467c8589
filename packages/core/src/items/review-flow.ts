import type { Role } from '../roles.ts';

/**
 * 三审三校 (docs/rules.md#review): 初审 → 复审 → 终审, each by a person holding that role in the agency,
 * "分级审核、先审后发"; a 保密审查 opinion (条例 第十七条) must be on record for the version before
 * 终审 can pass. Any reviewer may send the item back to its author with comments.
 *
 * Who does each step varies by place (docs/rules.md#review); the roles here are the defaults.
 * Separation of duties: one person approves at most one of the three steps of a version
 * ("谁审核谁负责") — configurable per deployment with {@link ReviewPolicy.distinctReviewers}.
 */
/**
 * What the public sees of an item. Work on it is tracked beside this: the working version (a draft,
 * or a revision of a published item) and the 三审 stage it waits for, so a published item stays
 * visible, unchanged, while its revision is written and reviewed.
 */
export const ITEM_STATUSES = ['draft', 'scheduled', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  draft: '未发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤稿',
};

export const REVIEW_STAGES = ['first', 'second', 'final'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const REVIEW_STAGE_LABELS: Readonly<Record<ReviewStage, string>> = {
  first: '初审',
  second: '复审',
  final: '终审',
};

export const REVIEW_STAGE_ROLES: Readonly<Record<ReviewStage, Role>> = {
  first: 'reviewer_first',
  second: 'reviewer_second',
  final: 'reviewer_final',
};

/** Every kind of record on an item's review trail. */
export const REVIEW_STEPS = ['submit', 'first', 'second', 'secrecy', 'final', 'return', 'withdraw'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const REVIEW_STEP_LABELS: Readonly<Record<ReviewStep, string>> = {
  submit: '送审',
  first: '初审',
  second: '复审',
  secrecy: '保密审查',
  final: '终审',
  return: '退回修改',
  withdraw: '撤稿',
};

/** 保密审查 verdicts: either it may be published, or it may not (涉密信息不上网). */
export const SECRECY_VERDICTS = ['clear', 'not_clear'] as const;
export type SecrecyVerdict = (typeof SECRECY_VERDICTS)[number];
export const SECRECY_VERDICT_LABELS: Readonly<Record<SecrecyVerdict, string>> = {
  clear: '不涉密，可以公开',
  not_clear: '涉密或敏感，不得公开',
};

export interface ReviewPolicy {
  /** One person may approve only one of 初审/复审/终审 of the same version. */
  readonly distinctReviewers: boolean;
}

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { distinctReviewers: true };

export function nextStage(stage: ReviewStage): ReviewStage | 'done' {
  switch (stage) {
    case 'first':
      return 'second';
    case 'second':
      return 'final';
    case 'final':
      return 'done';
  }
}

/** An approval already on the trail of the version under review. */
export interface StageApproval {
  readonly stage: ReviewStage | 'secrecy';
  readonly userId: number;
}

/**
 * Why this person may not approve this stage now, in Chinese — or null when they may.
 * Role membership in the item's agency is checked by the caller; this decides the order rules.
 */
export function approvalProblem(
  stage: ReviewStage,
  userId: number,
  trail: readonly StageApproval[],
  secrecyCleared: boolean,
  policy: ReviewPolicy = DEFAULT_REVIEW_POLICY,
): string | null {
  if (stage === 'final' && !secrecyCleared) {
    return '终审前须有保密审查意见（“不涉密，可以公开”）';
  }
  if (policy.distinctReviewers) {
    for (const earlier of trail) {
      if (earlier.stage !== 'secrecy' && earlier.userId === userId) {
        return `同一人不能既${REVIEW_STAGE_LABELS[earlier.stage]}又${REVIEW_STAGE_LABELS[stage]}同一稿件`;
      }
    }
  }
  return null;
}
