import type { ApplicantCategory } from '../outcomes.ts';

/**
 * What an application for information says (条例 第二十九条): who applies, with identity proof and
 * contact; the information wanted (名称、文号或者便于查询的其他特征性描述); and the form and way of
 * obtaining it.
 */

/** 自然人, or one of the five kinds of 法人或其他组织 — exactly table 三's columns. */
export type ApplicantKind = ApplicantCategory;

export const PERSON_ID_TYPES = ['resident_id', 'hk_macao_permit', 'taiwan_permit', 'passport', 'other'] as const;
export type PersonIdType = (typeof PERSON_ID_TYPES)[number];
export const PERSON_ID_TYPE_LABELS: Readonly<Record<PersonIdType, string>> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
  other: '其他有效身份证件',
};

/** 获取信息的形式. */
export const INFORMATION_FORMS = ['paper', 'electronic'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];
export const INFORMATION_FORM_LABELS: Readonly<Record<InformationForm, string>> = {
  paper: '纸质',
  electronic: '电子文档',
};

/** 获取信息的方式. */
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
  online: '在线查看',
};

/**
 * A tracking code (查询码) for an application: `YYYYMMDD-` and eight characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so it can be read out over the phone.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE = /^\d{8}-[2-9A-HJKMNP-Z]{8}$/u;

export function formatTrackingCode(date: string, randomIndexes: readonly number[]): string {
  const tail = randomIndexes
    .slice(0, 8)
    .map((i) => TRACKING_ALPHABET[i % TRACKING_ALPHABET.length])
    .join('');
  return `${date.replaceAll('-', '')}-${tail}`;
}
