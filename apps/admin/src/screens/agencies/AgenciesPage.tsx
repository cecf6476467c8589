import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import { indentedName, useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import { AGENCY_KIND_LABELS } from '../../texts.ts';
import type { RequestBody } from '../../api/types.ts';
import type { Agency } from '../../types.ts';

type AgencyTreeRow = Agency & { children?: AgencyTreeRow[] };

/** The form's fields: a new agency's, or an agency's changes. */
type AgencyForm = RequestBody<'/api/agencies', 'post'> & RequestBody<'/api/agencies/{id}', 'put'>;

function toTree(agencies: Agency[]): AgencyTreeRow[] {
  const byId = new Map<number, AgencyTreeRow>(agencies.map((a) => [a.id, { ...a }]));
  const roots: AgencyTreeRow[] = [];
  for (const a of agencies) {
    const row = byId.get(a.id)!;
    const parent = a.parentId === null ? undefined : byId.get(a.parentId);
    if (parent) {
      (parent.children ??= []).push(row);
    } else {
      roots.push(row);
    }
  }
  return roots;
}

export default function AgenciesPage() {
  const me = useMe();
  const { agencies, reload } = useAgencyScope();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Agency | 'new' | undefined>();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const tree = useMemo(() => toTree(agencies), [agencies]);
  const canCreate = me.user.permissions['agency.create'] !== undefined;
  const canUpdate = me.user.permissions['agency.update'] !== undefined;

  const open = (agency: Agency | 'new') => {
    setEditing(agency);
    form.resetFields();
    form.setFieldsValue(agency === 'new' ? { parentId: me.user.agency.id, kind: 'department', sortOrder: 0 } : agency);
  };

  const save = async () => {
    const values: AgencyForm = await form.validateFields();
    setSaving(true);
    try {
      const body = { ...values, parentId: values.parentId ?? null };
      if (editing === 'new') {
        await api.post('/api/agencies', { body });
        message.success('机关已新建');
      } else if (editing) {
        await api.put('/api/agencies/{id}', { path: { id: editing.id }, body });
        message.success('机关信息已保存');
      }
      setEditing(undefined);
      await reload();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title="机关管理"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
            新建机关
          </Button>
        )
      }
    >
      <Table<AgencyTreeRow>
        rowKey="id"
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        size="middle"
        columns={[
          { title: '机关全称', dataIndex: 'name' },
          { title: '简称', dataIndex: 'shortName', width: 140 },
          {
            title: '类型',
            dataIndex: 'kind',
            width: 130,
            render: (k: Agency['kind']) => <Tag>{AGENCY_KIND_LABELS[k]}</Tag>,
          },
          { title: '统一社会信用代码', dataIndex: 'uscc', width: 200, render: (v: string) => <code>{v}</code> },
          { title: '联系电话', dataIndex: 'phone', width: 140 },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, a: Agency) =>
              canUpdate && (
                <Button type="link" onClick={() => open(a)} aria-label={`编辑 ${a.name}`}>
                  编辑
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing === 'new' ? '新建机关' : '编辑机关'}
        onCancel={() => setEditing(undefined)}
        onOk={() => void save()}
        okText="保存"
        confirmLoading={saving}
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item label="上级机关" name="parentId">
            <Select
              allowClear
              placeholder="（无上级，即顶级机关）"
              options={agencies
                .filter((a) => editing === 'new' || editing === undefined || !a.path.startsWith(editing.path))
                .map((a) => ({ value: a.id, label: indentedName(a, agencies) }))}
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item
              label="机关全称"
              name="name"
              rules={[{ required: true, message: '请填写机关全称' }]}
              style={{ flex: 2 }}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              label="简称"
              name="shortName"
              rules={[{ required: true, message: '请填写简称' }]}
              style={{ flex: 1 }}
            >
              <Input maxLength={50} />
            </Form.Item>
          </div>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item
              label="统一社会信用代码"
              name="uscc"
              rules={[{ required: true, message: '请填写统一社会信用代码' }]}
              style={{ flex: 2 }}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
            <Form.Item
              label="类型"
              name="kind"
              style={{ flex: 1 }}
              // The kind decides the annual report's deadline: it is changed from above, not by the agency itself.
              {...(editing !== 'new' && !canCreate ? { extra: '机关类型由上级机关修改' } : {})}
            >
              <Select
                disabled={editing !== 'new' && !canCreate}
                options={Object.entries(AGENCY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </div>
          <Form.Item label="办公地址" name="address">
            <Input maxLength={200} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12 }}>
            <Form.Item label="联系电话" name="phone" style={{ flex: 1 }}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label="传真" name="fax" style={{ flex: 1 }}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item label="邮政编码" name="postcode" style={{ flex: 1 }}>
              <Input maxLength={6} />
            </Form.Item>
          </div>
          <Form.Item label="电子邮箱" name="email">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="办公时间" name="officeHours">
            <Input maxLength={200} placeholder="如：工作日 上午8:30—12:00，下午14:30—17:30" />
          </Form.Item>
          <Form.Item
            label="索引号规则"
            name="indexPattern"
            extra="留空使用默认规则 {统一社会信用代码}/{YYYY}-{NNNNN}；可用 {统一社会信用代码}、{YYYY}、{MM}、{DD} 和顺序号 {NNNNN}"
          >
            <Input maxLength={80} placeholder="{统一社会信用代码}/{YYYY}-{NNNNN}" />
          </Form.Item>
          <Form.Item label="政府信息公开指南补充说明" name="guideNotes" extra="附在自动生成的指南之后，每段一行">
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item
            label="行政复议机关"
            name="reconsiderationBody"
            extra="答复告知书告知救济途径时写明，如：示例市人民政府"
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="人民法院" name="court" extra="有管辖权的人民法院，如：示例市东城区人民法院">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            label="答复前须经法制审核"
            name="legalReviewRequired"
            valuePropName="checked"
            extra="勾选后，办理结果须经法制审核员同意方可登记"
          >
            <Checkbox />
          </Form.Item>
          <Form.Item
            label="送审前检查拦截"
            name="scanBlocking"
            extra="错敏词、个人信息、发文字号等检查发现问题时，哪些问题不改正就不能送审"
          >
            <Select
              options={[
                { value: 'severe', label: '严重问题必须改正（推荐）' },
                { value: 'warning', label: '所有问题都必须改正' },
                { value: 'none', label: '只提示，不拦截' },
              ]}
            />
          </Form.Item>
          <Form.Item label="排序" name="sortOrder">
            <InputNumber min={0} max={100000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
