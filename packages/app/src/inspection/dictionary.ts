import { BUILT_IN_WORDING, compileWording, type WordingDictionary, type WordingRule } from '@xxgk/core';
import { listWordingRuleRows, type Executor, type WordingRuleRow } from '@xxgk/db';

export function toWordingRule(row: WordingRuleRow): WordingRule {
  return {
    kind: row.kind,
    text: row.text,
    replacement: row.replacement,
    category: row.category,
    severity: row.severity,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    ...(row.note === '' ? {} : { note: row.note }),
  };
}

/** The shipped dictionary and the city's own rules, compiled together. */
export async function cityWording(ex: Executor): Promise<WordingDictionary> {
  const rows = await listWordingRuleRows(ex);
  return compileWording([...BUILT_IN_WORDING, { name: '本市词库', rules: rows.map(toWordingRule) }]);
}
