import { DISCLOSURE_KINDS, GENRES, checkDocumentNumber, SUMMARY_MAX, TOPICS, VALIDITY_KINDS } from '@xxgk/core';
import { z } from 'zod';
import {
  builtOnce,
  EARLIEST_DOCUMENT_DATE,
  optionalLegalDate,
  plausibleDates,
  text,
  type DateRange,
} from '../validation.ts';

/**
 * What staff write about an item; the same for a new draft and for a revision. Given a range the
 * 成文日期 must lie in it (the use cases pass {@link itemDates}: an old 规章 may still be published);
 * without, only its form is checked (the route's schema).
 */
export const itemInput = builtOnce((range?: DateRange) => {
  return z
    .object({
      columnId: z.number({ error: '请选择栏目' }).int().positive(),
      title: text('标题', { min: 1, max: 200 }),
      docNo: text('发文字号', { max: 60 }).default(''),
      publisher: text('发布机构', { min: 1, max: 100 }),
      writtenOn: optionalLegalDate('成文日期', range),
      topic: z.enum(TOPICS, { error: '请选择主题分类' }),
      genre: z.enum(GENRES, { error: '请选择体裁分类' }),
      keywords: text('关键词', { max: 100 }).default(''),
      summary: text('内容概述', { max: SUMMARY_MAX }).default(''),
      disclosure: z.enum(DISCLOSURE_KINDS, { error: '请选择公开属性' }).default('active'),
      withheldReason: text('不予公开的理由', { max: 500 }).default(''),
      validity: z.enum(VALIDITY_KINDS, { error: '请选择有效性' }).default('none'),
      bodyHtml: z.string().max(2_000_000, '正文过长（超过 2 MB）').default(''),
      changeNote: text('修订说明', { max: 500 }).default(''),
    })
    .superRefine((v, issues) => {
      if (v.docNo !== '') {
        const parsed = checkDocumentNumber(v.docNo);
        if (!parsed.ok) {
          issues.addIssue({ code: 'custom', path: ['docNo'], message: parsed.message });
        }
      }
      if (v.disclosure === 'withheld' && v.withheldReason === '') {
        issues.addIssue({ code: 'custom', path: ['withheldReason'], message: '不予公开的，请写明理由和依据' });
      }
    });
});
export const ItemInput = itemInput();
export type ItemInput = z.input<typeof ItemInput>;
export type ItemFields = z.output<typeof ItemInput>;

/** The dates an item may carry, as of `today`. */
export function itemDates(today: string): DateRange {
  return plausibleDates(today, { min: EARLIEST_DOCUMENT_DATE });
}
