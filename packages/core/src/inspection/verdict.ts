/**
 * Whether an agency would fail an inspection today, and why — the 单项否决 items of 国办秘函〔2019〕19号
 * (docs/rules.md#inspection) the platform can see: stale or blank columns and a home page not updated
 * (freshness.ts), leaked personal data, and serious wording errors (严重表述错误) still open. One
 * reading for the dashboard and the monthly report alike.
 */
export interface Verdict {
  readonly fails: boolean;
  readonly reasons: readonly string[];
}

const SERIOUS_WORDING = new Set(['wording.political', 'wording.institution', 'wording.leader']);

export function inspectionVerdict(
  freshnessReasons: readonly string[],
  openFindings: readonly { readonly check: string; readonly severity: string }[],
): Verdict {
  const severe = openFindings.filter((f) => f.severity === 'severe');
  const reasons = [...freshnessReasons];
  if (severe.some((f) => f.check.startsWith('personal.'))) {
    reasons.push('公开了未去标识化的个人信息');
  }
  if (severe.some((f) => SERIOUS_WORDING.has(f.check))) {
    reasons.push('存在严重表述错误');
  }
  return { fails: reasons.length > 0, reasons };
}
