import { reachOf, type Actor } from '@xxgk/core';
import { listAgencies as listAgencyRows, type Executor } from '@xxgk/db';
import type { AppContext } from '../context.ts';
import { toAgency, type Agency } from './agency-input.ts';

/** The agencies the actor can see: all, their subtree, or their own, in tree order. */
export async function listAgencies(ctx: AppContext, { actor }: { actor: Actor }): Promise<Agency[]> {
  const reach = reachOf(actor, 'agency.read');
  switch (reach) {
    case undefined:
      return [];
    case 'all':
      return sortTree(await listAgencyRows(ctx.db)).map(toAgency);
    case 'subtree':
      return sortTree(await listAgencyRows(ctx.db, { underPath: actor.agency.path })).map(toAgency);
    case 'own':
      return (await listAgencyRows(ctx.db, { underPath: actor.agency.path }))
        .filter((a) => a.id === actor.agency.id)
        .map(toAgency);
  }
}

/** Every agency, for the public portal (the directory of agencies is public information). */
export async function listPublicAgencies(ex: Executor): Promise<Agency[]> {
  return sortTree(await listAgencyRows(ex)).map(toAgency);
}

const collator = new Intl.Collator('zh-CN');

/**
 * Depth-first tree order: parents before children, siblings by sort order then by pinyin
 * (sorted here because only PostgreSQL has a Chinese collation; STACK.md §3).
 */
export function sortTree<T extends { id: number; parent_id: number | null; sort_order: number; name: string }>(
  rows: T[],
): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const row of rows) {
    const key = row.parent_id !== null && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(key, [...(children.get(key) ?? []), row]);
  }
  const out: T[] = [];
  const visit = (parent: number | null): void => {
    const list = (children.get(parent) ?? []).sort(
      (a, b) => a.sort_order - b.sort_order || collator.compare(a.name, b.name),
    );
    for (const row of list) {
      out.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return out;
}
