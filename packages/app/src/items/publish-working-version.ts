import { DEFAULT_INDEX_PATTERN, DomainError, formatIndexNumber, indexPeriod, shanghaiDate } from '@xxgk/core';
import {
  bumpPortalGeneration,
  findItemVersion,
  indexItemText,
  nextIndexSerial,
  removeItemText,
  updateItem,
  type AgencyRow,
  type Executor,
  type ItemRow,
} from '@xxgk/db';
import { iso, type AppContext } from '../context.ts';
import { segmentForIndex } from '../search/segment.ts';

/**
 * Makes the working version the public one. The first publication assigns the 索引号 and the
 * 发布日期; a revision keeps both and records when it was revised.
 */
export async function publishWorkingVersion(
  trx: Executor,
  ctx: AppContext,
  item: ItemRow,
  agency: AgencyRow,
  now: Date,
): Promise<ItemRow> {
  const version = item.working_version;
  const content = version === null ? undefined : await findItemVersion(trx, item.id, version);
  if (content === undefined) {
    throw new DomainError('INTERNAL', `信息 ${item.id} 没有可发布的稿件`);
  }
  let indexNo = item.index_no;
  if (indexNo === null) {
    const pattern = agency.index_pattern === '' ? DEFAULT_INDEX_PATTERN : agency.index_pattern;
    const period = indexPeriod(pattern, { uscc: agency.uscc, date: shanghaiDate(now) });
    indexNo = formatIndexNumber(period, await nextIndexSerial(trx, agency.id, period));
  }
  const first = item.published_at === null;
  const updated = await updateItem(trx, item.id, {
    status: 'published',
    review_stage: null,
    index_no: indexNo,
    published_at: item.published_at ?? iso(now),
    scheduled_for: null,
    revised_at: first ? null : iso(now),
    published_version: version,
    working_version: null,
    updated_at: iso(now),
  });
  if (content.disclosure === 'active') {
    await indexItemText(trx, ctx.dialect, item.id, {
      title: segmentForIndex(content.title),
      body: segmentForIndex(`${content.doc_no}\n${content.keywords}\n${content.summary}\n${content.body_text}`),
    });
  } else {
    await removeItemText(trx, ctx.dialect, item.id);
  }
  await bumpPortalGeneration(trx);
  return updated;
}
