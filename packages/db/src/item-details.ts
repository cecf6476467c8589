/*
 * What an item's page and the item list show beside the item itself: the titles of linked items and
 * the findings recorded with each 送审. items.ts holds the item, its versions, reviews and
 * attachments; inspection.ts the open scan findings.
 */

import type { Executor } from './connection.ts';
import type { ItemReviewRow, ItemVersionRow } from './schema.ts';

/** Each item's current title (published version, else the working one); items without one are left out. */
export async function listItemTitles(
  ex: Executor,
  ids: readonly number[],
): Promise<{ id: number; title: ItemVersionRow['title'] }[]> {
  return ex
    .selectFrom('items as i')
    .innerJoin('item_versions as v', (join) =>
      join
        .onRef('v.item_id', '=', 'i.id')
        .on((eb) => eb('v.version', '=', eb.fn.coalesce('i.published_version', 'i.working_version'))),
    )
    .select(['i.id', 'v.title'])
    .where('i.id', 'in', [...ids])
    .execute();
}

/** The 送审 steps of these items, with the findings recorded then, in the order taken. */
export async function listSubmitReviews(
  ex: Executor,
  itemIds: readonly number[],
): Promise<Pick<ItemReviewRow, 'item_id' | 'version' | 'findings' | 'id'>[]> {
  return ex
    .selectFrom('item_reviews')
    .select(['item_id', 'version', 'findings', 'id'])
    .where('step', '=', 'submit')
    .where('item_id', 'in', [...itemIds])
    .orderBy('id')
    .execute();
}
