import {
  AlertOutlined,
  DashboardOutlined,
  MessageOutlined,
  BarChartOutlined,
  TableOutlined,
  FileDoneOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  DownOutlined,
  HomeOutlined,
  LogoutOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Button, Dropdown, Layout, Menu, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { indentedName, useAgencyScope } from '../agency-scope.tsx';
import { useAuth, useMe } from '../auth.tsx';
import { ROLE_LABELS } from '../texts.ts';

const { Header, Sider, Content } = Layout;

/** The frame every screen lives in: the menu the user's roles allow, the agency switcher, the account menu. */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useAuth();
  const { agencies, current, setCurrent } = useAgencyScope();
  const navigate = useNavigate();
  const location = useLocation();
  const p = me.user.permissions;
  const oversees = p['agency.read'] === 'subtree' || p['agency.read'] === 'all';

  const items = [
    { key: '/', icon: <HomeOutlined />, label: '工作台' },
    { key: '/catalog', icon: <FolderOpenOutlined />, label: '信息公开目录' },
    ...(p['item.read'] ? [{ key: '/items', icon: <FileTextOutlined />, label: '信息发布' }] : []),
    ...(p['item.review.first'] || p['item.review.second'] || p['item.review.final'] || p['item.secrecy']
      ? [{ key: '/reviews', icon: <CheckSquareOutlined />, label: '待我审核' }]
      : []),
    ...(p['item.read'] || p['normative.manage']
      ? [{ key: '/normative', icon: <BookOutlined />, label: '规范性文件' }]
      : []),
    ...(p['application.read'] ? [{ key: '/applications', icon: <InboxOutlined />, label: '依申请公开' }] : []),
    ...(p['application.read'] ? [{ key: '/letter-templates', icon: <FileDoneOutlined />, label: '文书模板' }] : []),
    ...(p['agency.read'] ? [{ key: '/annual-report', icon: <BarChartOutlined />, label: '年度报告' }] : []),
    ...(p['report.edit'] ? [{ key: '/decision-counts', icon: <TableOutlined />, label: '月度数据' }] : []),
    ...(p['inspection.read'] ? [{ key: '/inspection', icon: <DashboardOutlined />, label: '监督检查' }] : []),
    ...(p['wording.manage'] ? [{ key: '/wording-rules', icon: <AlertOutlined />, label: '错敏词库' }] : []),
    ...(p['feedback.handle'] || p['inspection.read']
      ? [{ key: '/error-reports', icon: <MessageOutlined />, label: '网民纠错' }]
      : []),
    ...(p['agency.read'] ? [{ key: '/agencies', icon: <ApartmentOutlined />, label: '机关管理' }] : []),
    ...(p['user.read'] ? [{ key: '/users', icon: <TeamOutlined />, label: '用户与角色' }] : []),
    ...(p['audit.read'] ? [{ key: '/audit', icon: <AuditOutlined />, label: '审计日志' }] : []),
    ...(p['report.check'] ? [{ key: '/report-check', icon: <FileSearchOutlined />, label: '年报校验' }] : []),
    ...(p['calendar.manage'] ? [{ key: '/calendar', icon: <CalendarOutlined />, label: '节假日设置' }] : []),
  ];
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    api.get('/api/calendar/status').then(
      (s) => setBanner(s.banner),
      () => setBanner(null),
    );
  }, []);
  const selected = items.map((i) => i.key).filter((k) => k !== '/' && location.pathname.startsWith(k));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ color: '#fff', padding: '18px 20px', fontSize: 16, fontWeight: 600, lineHeight: 1.4 }}>
          政府信息公开
          <br />
          <span style={{ fontWeight: 400, fontSize: 13, opacity: 0.75 }}>工作平台</span>
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected.length ? selected : ['/']}
            items={items}
            onClick={(e) => navigate(e.key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Space>
            {oversees ? (
              <Select
                aria-label="切换机关"
                style={{ minWidth: 280 }}
                value={current ?? 0}
                onChange={(v: number) => setCurrent(v === 0 ? undefined : v)}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: 0, label: p['agency.read'] === 'all' ? '全部机关' : `${me.user.agency.name}及下属机关` },
                  ...agencies.map((a) => ({ value: a.id, label: indentedName(a, agencies) })),
                ]}
              />
            ) : (
              <Typography.Text strong>{me.user.agency.name}</Typography.Text>
            )}
          </Space>
          <Dropdown
            menu={{
              items: [
                {
                  key: 'password',
                  icon: <KeyOutlined />,
                  label: '修改密码',
                  onClick: () => navigate('/account/password'),
                },
                { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
              ],
            }}
          >
            <Button type="text" aria-label="账号菜单">
              <Space>
                <span data-testid="current-user">{me.user.displayName}</span>
                {me.user.roles.map((r) => (
                  <Tag key={r} color="red" style={{ marginInlineEnd: 0 }}>
                    {ROLE_LABELS[r]}
                  </Tag>
                ))}
                <DownOutlined />
              </Space>
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ margin: 24 }}>
          {banner && (
            <Alert type="warning" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="calendar-banner" />
          )}
          <main>{children}</main>
        </Content>
      </Layout>
    </Layout>
  );
}
