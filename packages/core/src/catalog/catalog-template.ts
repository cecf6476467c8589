/**
 * 政府信息公开目录: the standard catalog every agency starts from (国办公开办函〔2019〕61号 platform
 * layout as summarised in docs/rules.md#platform; the 法定主动公开内容 sub-columns follow 条例 第二十条). An agency
 * edits its own copy as a tree afterwards.
 */

/**
 * How often a column must show new content, for the freshness checks of 国办秘函〔2019〕19号
 * (docs/rules.md#inspection): dynamic columns within 2 weeks, document columns within 6 months; static
 * columns hold reference content and are only checked for being blank.
 */
export const COLUMN_KINDS = ['dynamic', 'document', 'static'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const COLUMN_KIND_LABELS: Readonly<Record<ColumnKind, string>> = {
  dynamic: '动态类（2周内应有更新）',
  document: '文件类（6个月内应有更新）',
  static: '静态类',
};

export interface TemplateColumn {
  /** Stable key of the template column (kept when an agency renames it), e.g. `policy.normative`. */
  readonly code: string;
  readonly name: string;
  readonly kind: ColumnKind;
  /** The 条例 第二十条 item the column discloses, when it is one. */
  readonly article20?: number;
  readonly children?: readonly TemplateColumn[];
}

export const CATALOG_TEMPLATE: readonly TemplateColumn[] = [
  { code: 'guide', name: '政府信息公开指南', kind: 'static' },
  { code: 'rules', name: '政府信息公开制度', kind: 'static' },
  {
    code: 'statutory',
    name: '法定主动公开内容',
    kind: 'static',
    children: [
      { code: 'statutory.functions', name: '机构职能', kind: 'static', article20: 2 },
      {
        code: 'statutory.policy',
        name: '政策文件',
        kind: 'document',
        article20: 1,
        children: [
          { code: 'statutory.policy.regulations', name: '规章', kind: 'document', article20: 1 },
          { code: 'statutory.policy.normative', name: '行政规范性文件', kind: 'document', article20: 1 },
          { code: 'statutory.policy.other', name: '其他文件', kind: 'document', article20: 1 },
        ],
      },
      { code: 'statutory.interpretation', name: '政策解读', kind: 'document' },
      { code: 'statutory.plans', name: '规划计划', kind: 'document', article20: 3 },
      { code: 'statutory.statistics', name: '统计信息', kind: 'document', article20: 4 },
      { code: 'statutory.licensing', name: '行政许可', kind: 'dynamic', article20: 5 },
      { code: 'statutory.enforcement', name: '行政处罚和行政强制', kind: 'dynamic', article20: 6 },
      { code: 'statutory.budget', name: '财政预决算', kind: 'document', article20: 7 },
      { code: 'statutory.fees', name: '行政事业性收费', kind: 'document', article20: 8 },
      { code: 'statutory.procurement', name: '政府采购', kind: 'dynamic', article20: 9 },
      { code: 'statutory.projects', name: '重大建设项目', kind: 'document', article20: 10 },
      { code: 'statutory.livelihood', name: '扶贫、教育、医疗、社会保障、促进就业', kind: 'document', article20: 11 },
      { code: 'statutory.emergency', name: '应急管理', kind: 'document', article20: 12 },
      { code: 'statutory.inspection', name: '监督检查', kind: 'document', article20: 13 },
      { code: 'statutory.recruitment', name: '公务员招考', kind: 'document', article20: 14 },
    ],
  },
  { code: 'news', name: '工作动态', kind: 'dynamic' },
  { code: 'proposals', name: '建议提案办理', kind: 'document' },
  { code: 'key-areas', name: '重点领域信息', kind: 'document' },
  { code: 'annual-reports', name: '政府信息公开年报', kind: 'document' },
  { code: 'special', name: '专题专栏', kind: 'static' },
];

/** Every template column with its parent's code, depth first. */
export function flattenTemplate(
  columns: readonly TemplateColumn[] = CATALOG_TEMPLATE,
  parent: string | null = null,
): { column: TemplateColumn; parent: string | null }[] {
  return columns.flatMap((column) => [{ column, parent }, ...flattenTemplate(column.children ?? [], column.code)]);
}
