import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import { now as serverNow } from '../../clock.ts';
import { indentedName, useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import { beijing, ROLE_LABELS } from '../../texts.ts';
import type { RequestBody } from '../../api/types.ts';
import type { User } from '../../types.ts';

type Editing = { kind: 'new' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User };

/** The one form's fields: a new user's, a user's changes, or a reset password, by what is being edited. */
type UserForm = RequestBody<'/api/users', 'post'> &
  RequestBody<'/api/users/{id}', 'put'> &
  RequestBody<'/api/users/{id}/reset-password', 'post'>;

export default function UsersPage() {
  const me = useMe();
  const { agencies, current } = useAgencyScope();
  const { message } = App.useApp();
  const [users, setUsers] = useState<User[]>([]);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing | undefined>();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [loadError, setLoadError] = useState<string | undefined>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const result = await api.get('/api/users', {
        query: { agencyId: current, search: search.trim() === '' ? undefined : search.trim() },
      });
      setUsers(result.users);
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e instanceof ApiError ? e.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [current, search]);

  useEffect(() => {
    void load();
  }, [load]);

  const manageable = agencies.filter(
    (a) =>
      me.user.permissions['user.manage'] !== undefined &&
      (me.user.permissions['user.manage'] !== 'own' || a.id === me.user.agency.id),
  );
  const roleOptions = me.user.grantableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  const open = (next: Editing) => {
    setEditing(next);
    form.resetFields();
    if (next.kind === 'new') {
      form.setFieldsValue({ agencyId: current ?? me.user.agency.id, roles: [], mustChangePassword: true });
    } else if (next.kind === 'edit') {
      form.setFieldsValue(next.user);
    }
  };

  const save = async () => {
    let values: UserForm;
    try {
      values = await form.validateFields();
    } catch {
      return; // The form names each field still to fill in.
    }
    setSaving(true);
    try {
      if (editing?.kind === 'new') {
        await api.post('/api/users', { body: values });
        message.success(`用户 ${values.username} 已创建`);
      } else if (editing?.kind === 'edit') {
        await api.put('/api/users/{id}', { path: { id: editing.user.id }, body: values });
        message.success('用户信息已保存');
      } else if (editing?.kind === 'reset') {
        await api.post('/api/users/{id}/reset-password', {
          path: { id: editing.user.id },
          body: { newPassword: values.newPassword },
        });
        message.success('密码已重置，用户下次登录须修改密码');
      }
      setEditing(undefined);
      await load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  const title =
    editing?.kind === 'new'
      ? '新建用户'
      : editing?.kind === 'edit'
        ? `编辑用户 ${editing.user.username}`
        : editing
          ? `重置 ${editing.user.username} 的密码`
          : '';

  return (
    <Card
      title="用户与角色"
      extra={
        <Space>
          <Input.Search
            placeholder="用户名或姓名"
            allowClear
            onSearch={setSearch}
            style={{ width: 220 }}
            aria-label="搜索用户"
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ kind: 'new' })}>
            新建用户
          </Button>
        </Space>
      }
    >
      {loadError && <p role="alert">{loadError}</p>}
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={users}
        size="middle"
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 人` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 150 },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '所属单位', dataIndex: 'agencyName' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (roles: User['roles']) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
          },
          {
            title: '状态',
            width: 110,
            render: (_: unknown, u: User) =>
              u.status === 'disabled' ? (
                <Tag color="default">已停用</Tag>
              ) : u.lockedUntil && u.lockedUntil > serverNow().toISOString() ? (
                <Tag color="orange">已锁定</Tag>
              ) : (
                <Tag color="green">正常</Tag>
              ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => beijing(v) },
          {
            title: '操作',
            width: 160,
            render: (_: unknown, u: User) => (
              <Space size={0}>
                <Button type="link" onClick={() => open({ kind: 'edit', user: u })}>
                  编辑
                </Button>
                <Button type="link" onClick={() => open({ kind: 'reset', user: u })}>
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={title}
        onCancel={() => setEditing(undefined)}
        onOk={() => void save()}
        okText="保存"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {editing?.kind === 'reset' ? (
            <Form.Item
              label="新密码（临时）"
              name="newPassword"
              rules={[{ required: true, message: '请输入新密码' }]}
              extra="重置后账号解除锁定，用户的登录会话全部结束，下次登录须修改密码"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : (
            <>
              {editing?.kind === 'new' && (
                <Form.Item
                  label="用户名"
                  name="username"
                  rules={[{ required: true, message: '请填写用户名' }]}
                  extra="字母开头，3至32位字母、数字、下划线、点或连字符"
                >
                  <Input autoComplete="off" />
                </Form.Item>
              )}
              <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item label="所属单位" name="agencyId" rules={[{ required: true, message: '请选择所属单位' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={manageable.map((a) => ({ value: a.id, label: indentedName(a, agencies) }))}
                />
              </Form.Item>
              <Form.Item label="角色" name="roles">
                <Select mode="multiple" options={roleOptions} placeholder="选择角色" />
              </Form.Item>
              <div style={{ display: 'flex', gap: 12 }}>
                <Form.Item label="手机号码" name="phone" style={{ flex: 1 }}>
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item label="电子邮箱" name="email" style={{ flex: 1 }}>
                  <Input maxLength={100} />
                </Form.Item>
              </div>
              {editing?.kind === 'new' && (
                <>
                  <Form.Item
                    label="初始密码"
                    name="password"
                    rules={[{ required: true, message: '请设置初始密码' }]}
                    extra={me.user.passwordRule}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                  <Form.Item name="mustChangePassword" valuePropName="checked">
                    <Checkbox>首次登录须修改密码</Checkbox>
                  </Form.Item>
                </>
              )}
              {editing?.kind === 'edit' && (
                <Form.Item label="状态" name="status">
                  <Select
                    options={[
                      { value: 'active', label: '启用' },
                      { value: 'disabled', label: '停用' },
                    ]}
                  />
                </Form.Item>
              )}
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
