/** Kinds of 行政机关 an agency can be; the portal groups agencies by them. */
export const AGENCY_KINDS = ['government', 'department', 'town', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府',
  department: '政府工作部门',
  town: '乡镇（街道）',
  other: '其他机关单位',
};
