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
  'application.create': '受理申请',
  'application.scan': '上传申请扫描件',
  'application.receipt_confirmed': '确认收到申请',
  'application.correction_requested': '告知补正',
  'application.correction_received': '收到补正',
  'application.correction_expired': '补正逾期',
  'application.extension_approved': '批准延期',
  'application.consultation_started': '开始征求意见',
  'application.consultation_ended': '征求意见结束',
  'application.fee_notice_sent': '发出收费通知',
  'application.fee_paid': '已缴费',
  'application.fee_expired': '逾期未缴费',
  'application.deadline_deferred': '确定延后期限',
  'application.decided': '作出答复',
  'normative.create': '登记规范性文件',
  'normative.revised': '登记修订',
  'normative.abolished': '登记废止',
  'normative.expired': '登记失效',
};

/** An ISO instant as 北京时间. */
export function beijing(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}
