/** Labels the admin shows in more than one place, in one place for review. */
export { AGENCY_KIND_LABELS, ROLE_LABELS } from '@xxgk/core';

export const OUTCOME_LABELS = { ok: '成功', denied: '拒绝（无权限）', failed: '失败' } as const;

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账号锁定',
  'agency.create': '新建机关',
  'agency.update': '修改机关',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.list': '查看用户列表',
  'user.reset_password': '重置密码',
  'user.change_password': '修改本人密码',
  'audit.list': '查看审计日志',
  'calendar.set': '设置节假日',
  'calendar.clear': '取消节假日设置',
  'calendar.import': '导入节假日安排',
  'calendar.list': '查看节假日设置',
  'catalog.create': '按模板创建目录',
  'catalog.column.create': '新增栏目',
  'catalog.column.update': '修改栏目',
  'catalog.column.delete': '删除栏目',
  'report.check': '校验年报',
  'item.create': '新建信息',
  'item.update': '修改信息',
  'item.attach': '上传附件',
  'item.detach': '删除附件',
  'item.submit': '送审',
  'item.approve.first': '初审通过',
  'item.approve.second': '复审通过',
  'item.approve.final': '终审通过',
  'item.secrecy': '保密审查',
  'item.return': '退回修改',
  'item.withdraw': '撤稿',
  'item.revise': '开始修订',
  'item.link': '关联政策解读',
  'item.unlink': '取消关联政策解读',
  'item.publish.scheduled': '定时发布',
  'demo.items': '导入演示信息',
};

/** An ISO instant as 北京时间. */
export function beijing(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
