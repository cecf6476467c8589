import { APPLICATION_COLUMNS } from '../../outcomes.ts';
import type { AnnualReport, Finding, ReportLevel } from '../model.ts';

/** What a check may know besides the report itself. */
export interface RuleContext {
  /** Last year's report, for the cross-year rules R5, R8 and R10. */
  readonly previous?: AnnualReport | undefined;
  /** The day the report was published, for R12. */
  readonly publishedOn?: string | undefined;
  /**
   * Whose report it is, for R12: a government department's (due 31 January) or a people's
   * government's own (due 31 March) — 条例 第四十九条.
   */
  readonly level?: ReportLevel | undefined;
}

/** One cross-check (勾稽关系) of docs/rules.md#cross-checks: pure, returns findings (empty when it holds). */
export type Rule = (report: AnnualReport, context: RuleContext) => Finding[];

/** The columns of table 三 as messages name them. */
export const COLUMN_NAMES = APPLICATION_COLUMNS;
