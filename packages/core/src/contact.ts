/**
 * Contact details an agency publishes in its 政府信息公开指南 (条例 第二十二条 requires the 指南 to give the
 * 名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式 of the 政府信息公开工作机构).
 */

/** 邮政编码: six digits. */
export function isPostcode(value: string): boolean {
  return /^\d{6}$/.test(value);
}

/**
 * A telephone number as agencies print it: a mainland mobile (1xxxxxxxxxx), or a fixed line with an
 * area code (0xx-xxxxxxxx, optionally with an extension), or a service number such as 12345.
 */
export function isPhoneNumber(value: string): boolean {
  const v = value.replace(/[\s（）()]/g, '');
  return /^1[3-9]\d{9}$/.test(v) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v) || /^\d{5}$/.test(v);
}
