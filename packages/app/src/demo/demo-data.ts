import { usccCheckCharacter, type Role } from '@xxgk/core';

/**
 * 示例市: a fictional city with its government, departments and towns, and a user for every role.
 * Region code 369900 is not a real 行政区划代码. Later issues add their own demo data beside this.
 */
export const DEMO_PASSWORD = 'Shili@2026';

/** A valid 统一社会信用代码 for a fictional 机关 (登记管理部门 1, 机构类别 1) with the given serial. */
export function demoUscc(serial: number): string {
  const first17 = `11369900MB${String(serial).padStart(7, '0')}`;
  return first17 + (usccCheckCharacter(first17) ?? '0');
}

export interface DemoAgency {
  readonly key: string;
  readonly parent: string | null;
  readonly name: string;
  readonly shortName: string;
  readonly kind: 'government' | 'department' | 'town' | 'other';
  readonly address: string;
  readonly phone: string;
  readonly postcode: string;
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    key: 'city',
    parent: null,
    name: '示例市人民政府',
    shortName: '市政府',
    kind: 'government',
    address: '示例市人民大道1号',
    phone: '0799-12345678',
    postcode: '336000',
  },
  {
    key: 'office',
    parent: 'city',
    name: '示例市人民政府办公室',
    shortName: '市政府办',
    kind: 'department',
    address: '示例市人民大道1号',
    phone: '0799-12345601',
    postcode: '336000',
  },
  {
    key: 'fgw',
    parent: 'city',
    name: '示例市发展和改革委员会',
    shortName: '市发改委',
    kind: 'department',
    address: '示例市人民大道3号',
    phone: '0799-12345602',
    postcode: '336000',
  },
  {
    key: 'jyj',
    parent: 'city',
    name: '示例市教育局',
    shortName: '市教育局',
    kind: 'department',
    address: '示例市文昌路18号',
    phone: '0799-12345603',
    postcode: '336001',
  },
  {
    key: 'gaj',
    parent: 'city',
    name: '示例市公安局',
    shortName: '市公安局',
    kind: 'department',
    address: '示例市平安路6号',
    phone: '0799-12345604',
    postcode: '336001',
  },
  {
    key: 'czj',
    parent: 'city',
    name: '示例市财政局',
    shortName: '市财政局',
    kind: 'department',
    address: '示例市人民大道9号',
    phone: '0799-12345605',
    postcode: '336000',
  },
  {
    key: 'rsj',
    parent: 'city',
    name: '示例市人力资源和社会保障局',
    shortName: '市人社局',
    kind: 'department',
    address: '示例市民生路22号',
    phone: '0799-12345606',
    postcode: '336002',
  },
  {
    key: 'zrj',
    parent: 'city',
    name: '示例市自然资源和规划局',
    shortName: '市自然资源局',
    kind: 'department',
    address: '示例市建设路5号',
    phone: '0799-12345607',
    postcode: '336002',
  },
  {
    key: 'sthjj',
    parent: 'city',
    name: '示例市生态环境局',
    shortName: '市生态环境局',
    kind: 'department',
    address: '示例市青山路12号',
    phone: '0799-12345608',
    postcode: '336003',
  },
  {
    key: 'zjj',
    parent: 'city',
    name: '示例市住房和城乡建设局',
    shortName: '市住建局',
    kind: 'department',
    address: '示例市建设路7号',
    phone: '0799-12345609',
    postcode: '336002',
  },
  {
    key: 'jtj',
    parent: 'city',
    name: '示例市交通运输局',
    shortName: '市交通运输局',
    kind: 'department',
    address: '示例市通达路2号',
    phone: '0799-12345610',
    postcode: '336004',
  },
  {
    key: 'wjw',
    parent: 'city',
    name: '示例市卫生健康委员会',
    shortName: '市卫健委',
    kind: 'department',
    address: '示例市康宁路8号',
    phone: '0799-12345611',
    postcode: '336001',
  },
  {
    key: 'scjgj',
    parent: 'city',
    name: '示例市市场监督管理局',
    shortName: '市市场监管局',
    kind: 'department',
    address: '示例市商贸路15号',
    phone: '0799-12345612',
    postcode: '336003',
  },
  {
    key: 'dongcheng',
    parent: 'city',
    name: '示例市东城街道办事处',
    shortName: '东城街道',
    kind: 'town',
    address: '示例市东城大街100号',
    phone: '0799-12345620',
    postcode: '336005',
  },
  {
    key: 'chengnan',
    parent: 'city',
    name: '示例市城南镇人民政府',
    shortName: '城南镇',
    kind: 'town',
    address: '示例市城南镇府前路1号',
    phone: '0799-12345621',
    postcode: '336006',
  },
  {
    key: 'qingshan',
    parent: 'city',
    name: '示例市青山乡人民政府',
    shortName: '青山乡',
    kind: 'town',
    address: '示例市青山乡集镇路3号',
    phone: '0799-12345622',
    postcode: '336007',
  },
];

export interface DemoUser {
  readonly username: string;
  readonly displayName: string;
  readonly agency: string;
  readonly roles: readonly Role[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', agency: 'city', roles: ['system_admin'] },
  { username: 'supervisor', displayName: '王督查（市政务公开办）', agency: 'city', roles: ['supervisor'] },
  { username: 'agencyadmin', displayName: '李管理（市财政局）', agency: 'czj', roles: ['agency_admin'] },
  { username: 'editor', displayName: '张信息（市财政局信息员）', agency: 'czj', roles: ['editor'] },
  { username: 'reviewer1', displayName: '陈初审（市财政局）', agency: 'czj', roles: ['reviewer_first'] },
  { username: 'reviewer2', displayName: '刘复审（市财政局）', agency: 'czj', roles: ['reviewer_second'] },
  { username: 'reviewer3', displayName: '赵终审（市财政局分管领导）', agency: 'czj', roles: ['reviewer_final'] },
  { username: 'secrecy', displayName: '孙保密（市财政局）', agency: 'czj', roles: ['secrecy_reviewer'] },
  { username: 'handler', displayName: '周经办（市财政局依申请）', agency: 'czj', roles: ['application_handler'] },
  { username: 'legal', displayName: '吴法制（市财政局法规科）', agency: 'czj', roles: ['legal_reviewer'] },
  { username: 'jyj.editor', displayName: '郑信息（市教育局信息员）', agency: 'jyj', roles: ['editor'] },
  {
    username: 'jyj.admin',
    displayName: '冯管理（市教育局）',
    agency: 'jyj',
    roles: ['agency_admin', 'application_handler'],
  },
  { username: 'dongcheng.editor', displayName: '何信息（东城街道信息员）', agency: 'dongcheng', roles: ['editor'] },
  {
    username: 'rsj.admin',
    displayName: '钱管理（市人社局）',
    agency: 'rsj',
    roles: ['agency_admin', 'application_handler'],
  },
  {
    username: 'dongcheng.admin',
    displayName: '韩管理（东城街道）',
    agency: 'dongcheng',
    roles: ['agency_admin', 'application_handler'],
  },
];
