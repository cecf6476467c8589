import { APPEAL_RESULT_LABELS } from '@xxgk/core';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Json, RequestBody } from '../../api/types.ts';

type Appeal = Json<'/api/applications/{id}'>['appeals'][number];
/** The form's fields: a new appeal's, or an appeal's changes. */
type AppealForm = RequestBody<'/api/applications/{id}/appeals', 'post'> &
  RequestBody<'/api/applications/{id}/appeals/{appealId}', 'put'>;

const KIND = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;

/** 行政复议 and 行政诉讼 over this application: what the annual report's table 四 counts. */
export function AppealsCard({
  applicationId,
  appeals,
  canEdit,
  onSaved,
}: {
  applicationId: number;
  appeals: Appeal[];
  canEdit: boolean;
  onSaved: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<Appeal | 'new' | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (editing === 'new') {
      form.setFieldsValue({ kind: 'reconsideration', result: 'pending', afterReconsideration: false });
    } else if (editing !== undefined) {
      form.setFieldsValue({ ...editing, concludedOn: editing.concludedOn ?? '' });
    }
  }, [editing, form]);

  const save = async () => {
    const values: AppealForm = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') {
        await api.post('/api/applications/{id}/appeals', { path: { id: applicationId }, body: values });
      } else if (editing !== undefined) {
        await api.put('/api/applications/{id}/appeals/{appealId}', {
          path: { id: applicationId, appealId: editing.id },
          body: values,
        });
      }
      message.success('已保存');
      setEditing(undefined);
      form.resetFields();
      await onSaved();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title="行政复议和行政诉讼"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        canEdit && (
          <Button size="small" onClick={() => setEditing('new')}>
            登记复议或诉讼
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        locale={{ emptyText: '无' }}
        dataSource={appeals}
        columns={[
          {
            title: '类别',
            key: 'kind',
            render: (_: unknown, r: Appeal) =>
              r.kind === 'litigation' ? (r.afterReconsideration ? '行政诉讼（复议后起诉）' : '行政诉讼') : KIND[r.kind],
          },
          { title: '复议机关或法院', dataIndex: 'body' },
          { title: '受理日期', dataIndex: 'filedOn', width: 110 },
          { title: '阶段', dataIndex: 'stage' },
          {
            title: '结果',
            key: 'result',
            render: (_: unknown, r: Appeal) =>
              `${APPEAL_RESULT_LABELS[r.result]}${r.concludedOn ? `（${r.concludedOn}）` : ''}`,
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 70,
                  render: (_: unknown, r: Appeal) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== undefined}
        title={editing === 'new' ? '登记复议或诉讼' : '修改复议或诉讼'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        forceRender
      >
        <Form form={form} layout="vertical" aria-label="复议或诉讼">
          <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
            <Select aria-label="类别" options={Object.entries(KIND).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('kind') === 'litigation' && (
                <Form.Item name="afterReconsideration" valuePropName="checked">
                  <Checkbox>经行政复议后起诉</Checkbox>
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item label="复议机关或人民法院" name="body" rules={[{ required: true, message: '请填写' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="案号" name="caseNumber">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="受理日期" name="filedOn" rules={[{ required: true, message: '请填写受理日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="阶段" name="stage" extra="如：审理中、一审、二审">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="结果" name="result" rules={[{ required: true }]}>
            <Select
              aria-label="结果"
              options={Object.entries(APPEAL_RESULT_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label="审结日期" name="concludedOn">
            <Input type="date" />
          </Form.Item>
          <Form.Item label="说明" name="note">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
