import { AGENCY_KINDS, checkIndexPattern, checkUscc, isPhoneNumber, isPostcode, normalizeUscc } from '@xxgk/core';
import type { AgencyRow } from '@xxgk/db';
import { z } from 'zod';
import { text } from '../validation.ts';

const optionalText = (label: string, max: number) => text(label, { max }).default('');

/** Fields of an agency as forms and the API give them. */
export const AgencyFields = z.object({
  parentId: z.number().int().positive().nullable(),
  name: text('机关全称', { min: 2, max: 100 }),
  shortName: text('简称', { min: 1, max: 50 }),
  uscc: z
    .string({ error: '请填写统一社会信用代码' })
    .transform(normalizeUscc)
    .superRefine((code, ctx) => {
      const result = checkUscc(code);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message ?? '统一社会信用代码无效' });
      }
    }),
  kind: z.enum(AGENCY_KINDS, { error: '机关类型应为人民政府、政府工作部门、乡镇（街道）或其他' }),
  address: optionalText('办公地址', 200),
  phone: optionalText('联系电话', 40).refine((v) => v === '' || isPhoneNumber(v), '联系电话格式不正确'),
  fax: optionalText('传真', 40).refine((v) => v === '' || isPhoneNumber(v), '传真号码格式不正确'),
  postcode: optionalText('邮政编码', 6).refine((v) => v === '' || isPostcode(v), '邮政编码应为6位数字'),
  email: optionalText('电子邮箱', 100).refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确'),
  officeHours: optionalText('办公时间', 200),
  /** 索引号 pattern; '' for the default (core/items/index-number.ts). */
  indexPattern: optionalText('索引号规则', 80).superRefine((v, ctx) => {
    for (const message of v === '' ? [] : checkIndexPattern(v)) {
      ctx.addIssue({ code: 'custom', message });
    }
  }),
  /** Paragraphs the agency adds to its generated 政府信息公开指南. */
  guideNotes: optionalText('指南补充说明', 5000),
  /** Named in reply letters' remedies (条例 第五十一条): where to seek 行政复议, which court hears 行政诉讼. */
  reconsiderationBody: optionalText('行政复议机关', 100),
  court: optionalText('人民法院', 100),
  /** Whether a 法制审核 opinion must approve each decision before it is recorded (the agency's own rule). */
  legalReviewRequired: z.boolean().default(false),
  /** Which scanner findings stop 送审 (issue 8): severe ones (default), every one, or none. */
  scanBlocking: z.enum(['severe', 'warning', 'none'], { error: '请选择送审前检查的拦截级别' }).default('severe'),
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export type AgencyFields = z.input<typeof AgencyFields>;

/** An agency as the API and screens see it. */
export interface Agency {
  readonly id: number;
  readonly parentId: number | null;
  readonly path: string;
  readonly name: string;
  readonly shortName: string;
  readonly uscc: string;
  readonly kind: AgencyRow['kind'];
  readonly address: string;
  readonly phone: string;
  readonly fax: string;
  readonly postcode: string;
  readonly email: string;
  readonly officeHours: string;
  readonly indexPattern: string;
  readonly guideNotes: string;
  readonly reconsiderationBody: string;
  readonly court: string;
  readonly legalReviewRequired: boolean;
  readonly scanBlocking: 'severe' | 'warning' | 'none';
  /** Whether a 依申请公开专用章 image has been uploaded. */
  readonly hasSeal: boolean;
  readonly sortOrder: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    path: row.path,
    name: row.name,
    shortName: row.short_name,
    uscc: row.uscc,
    kind: row.kind,
    address: row.address,
    phone: row.phone,
    fax: row.fax,
    postcode: row.postcode,
    email: row.email,
    officeHours: row.office_hours,
    indexPattern: row.index_pattern,
    guideNotes: row.guide_notes,
    reconsiderationBody: row.reconsideration_body,
    court: row.court,
    legalReviewRequired: row.legal_review_required === 1,
    scanBlocking: row.scan_blocking,
    hasSeal: row.seal_file_key !== '',
    sortOrder: row.sort_order,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRowFields(fields: z.output<typeof AgencyFields>) {
  return {
    parent_id: fields.parentId,
    name: fields.name,
    short_name: fields.shortName,
    uscc: fields.uscc,
    kind: fields.kind,
    address: fields.address,
    phone: fields.phone,
    fax: fields.fax,
    postcode: fields.postcode,
    email: fields.email,
    office_hours: fields.officeHours,
    index_pattern: fields.indexPattern,
    guide_notes: fields.guideNotes,
    reconsideration_body: fields.reconsiderationBody,
    court: fields.court,
    legal_review_required: fields.legalReviewRequired ? 1 : 0,
    scan_blocking: fields.scanBlocking,
    sort_order: fields.sortOrder,
  };
}
