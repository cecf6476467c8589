import type { AnnualReport, Finding } from './model.ts';
import { r1 } from './rules/r1-received-equals-handled.ts';
import { r2 } from './rules/r2-columns-add-up.ts';
import { r3 } from './rules/r3-results-add-up.ts';
import { r4 } from './rules/r4-appeals-add-up.ts';
import { r5 } from './rules/r5-carried-over-matches-last-year.ts';
import { r6 } from './rules/r6-narrative-matches-tables.ts';
import { r7 } from './rules/r7-cells-are-counts.ts';
import { r8 } from './rules/r8-documents-in-force-roll-forward.ts';
import { r9 } from './rules/r9-fees-reported.ts';
import { r10 } from './rules/r10-pending-appeals.ts';
import { r11 } from './rules/r11-structure.ts';
import { r12 } from './rules/r12-published-on-time.ts';
import type { Rule, RuleContext } from './rules/rule.ts';

/** The cross-checks (勾稽关系) of docs/rules.md#cross-checks, in order. */
export const RULES: readonly { id: string; rule: Rule }[] = [
  { id: 'R1', rule: r1 },
  { id: 'R2', rule: r2 },
  { id: 'R3', rule: r3 },
  { id: 'R4', rule: r4 },
  { id: 'R5', rule: r5 },
  { id: 'R6', rule: r6 },
  { id: 'R7', rule: r7 },
  { id: 'R8', rule: r8 },
  { id: 'R9', rule: r9 },
  { id: 'R10', rule: r10 },
  { id: 'R11', rule: r11 },
  { id: 'R12', rule: r12 },
];

/** Runs every rule; the cross-year ones only when `previous` is given, R12 only with a publication date. */
export function checkReport(report: AnnualReport, context: RuleContext = {}): Finding[] {
  return RULES.flatMap(({ rule }) => rule(report, context));
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export type { RuleContext } from './rules/rule.ts';
