export const REPORT_STATUS_LABELS = {
  draft: '草稿',
  submitted: '已提交，待审核',
  returned: '已退回修改',
  published: '已发布',
} as const;
