import { App, Form, Input, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Json } from '../../api/types.ts';

type Draft = Json<'/api/applications/{id}/letters/{kind}'>;

/**
 * Issuing a letter: the fields the agency's template uses, filled from the record, for the handler to
 * check and complete. The server refuses while any is empty and says which.
 */
export function LetterDialog({
  applicationId,
  letter,
  onClose,
  onIssued,
}: {
  applicationId: number;
  letter: { kind: Draft['kind']; label: string };
  onClose: () => void;
  onIssued: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void api.get('/api/applications/{id}/letters/{kind}', { path: { id: applicationId, kind: letter.kind } }).then(
      (d) => setDraft(d),
      (e: unknown) => message.error(e instanceof ApiError ? e.message : '无法读取文书'),
    );
  }, [applicationId, letter.kind, message]);
  useEffect(() => {
    if (draft !== undefined) {
      form.setFieldsValue(Object.fromEntries(draft.fields.map((f) => [f.name, f.value])));
    }
  }, [draft, form]);

  const issue = async () => {
    const values = form.getFieldsValue() as Record<string, string | undefined>;
    setSaving(true);
    try {
      await api.post('/api/applications/{id}/letters/{kind}', {
        path: { id: applicationId, kind: letter.kind },
        body: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ''])) },
      });
      message.success(`已出具《${letter.label}》`);
      await onIssued();
    } catch (e) {
      // The server names empty fields as values.<字段>; show each beside its field.
      form.setFields(formErrors(e).map((f) => ({ ...f, name: f.name.map(String).filter((n) => n !== 'values') })));
      message.error(e instanceof ApiError ? e.message : '出具失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={`出具《${letter.label}》`}
      okText="出具（生成 Word 和 PDF）"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void issue()}
      onCancel={onClose}
    >
      {draft === undefined ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" aria-label="文书内容">
          {draft.fields.map((f) => (
            <Form.Item key={f.name} label={f.name} name={f.name} extra={f.hint}>
              {f.long === true ? <Input.TextArea aria-label={f.name} rows={3} /> : <Input aria-label={f.name} />}
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
