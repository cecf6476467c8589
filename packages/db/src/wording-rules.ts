import type { Insertable } from 'kysely';
import type { Executor } from './connection.ts';
import type { WordingRuleRow, WordingRuleTable } from './schema.ts';

/** The city's own 错敏 rules, oldest first (`asc`, the order they compile in) or newest first. */
export async function listWordingRuleRows(ex: Executor, order: 'asc' | 'desc' = 'asc'): Promise<WordingRuleRow[]> {
  return ex.selectFrom('wording_rules').selectAll().orderBy('id', order).execute();
}

export async function findWordingRule(ex: Executor, id: number): Promise<WordingRuleRow | undefined> {
  return ex.selectFrom('wording_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWordingRule(
  ex: Executor,
  row: Omit<Insertable<WordingRuleTable>, 'id'>,
): Promise<WordingRuleRow> {
  return ex.insertInto('wording_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteWordingRule(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('wording_rules').where('id', '=', id).execute();
}
