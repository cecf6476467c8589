import { fieldLabel } from '@xxgk/core';
import { Alert, App, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Finding } from './types.ts';

/** The excerpt with the words found (between 【】) marked. */
function Excerpt({ text }: { text: string }) {
  const m = /^(.*?)【(.*)】(.*)$/su.exec(text);
  if (m === null) {
    return <Typography.Text type="secondary">{text}</Typography.Text>;
  }
  return (
    <Typography.Text type="secondary">
      {m[1]}
      <mark>{m[2]}</mark>
      {m[3]}
    </Typography.Text>
  );
}

/**
 * What the scanner found in an item: severity, where, the words in their context, what to write
 * instead; with 排除误报 for those who may dismiss a false positive (a reason is required and audited).
 */
export function FindingsPanel({
  title,
  findings,
  blocking,
  itemId,
  canDismiss,
  onDismissed,
}: {
  title: string;
  findings: readonly Finding[];
  /** Fingerprints of findings that stop 送审. */
  blocking?: ReadonlySet<string>;
  itemId: number;
  canDismiss: boolean;
  onDismissed: () => void;
}) {
  const { message } = App.useApp();
  const [dismissing, setDismissing] = useState<Finding>();
  const [form] = Form.useForm();
  const severe = findings.filter((f) => f.severity === 'severe').length;
  if (findings.length === 0) {
    return null;
  }
  const confirm = async () => {
    if (dismissing === undefined) {
      return;
    }
    const { reason }: { reason: string } = await form.validateFields();
    try {
      await api.post('/api/items/{id}/findings/dismiss', {
        path: { id: itemId },
        body: { fingerprint: dismissing.fingerprint, reason },
      });
      message.success('已排除，同一处文字不再提示');
      setDismissing(undefined);
      onDismissed();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };
  return (
    <>
      <Alert
        type={severe > 0 ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        message={`${title}：${findings.length} 个问题${severe > 0 ? `，其中严重 ${severe} 个` : ''}`}
        description={
          <List
            size="small"
            dataSource={[...findings]}
            renderItem={(f) => (
              <List.Item
                actions={
                  canDismiss
                    ? [
                        <Button
                          key="dismiss"
                          size="small"
                          type="link"
                          onClick={() => {
                            form.resetFields();
                            setDismissing(f);
                          }}
                        >
                          排除误报
                        </Button>,
                      ]
                    : []
                }
              >
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <Tag color={f.severity === 'severe' ? 'red' : 'orange'}>
                      {f.severity === 'severe' ? '严重' : '一般'}
                    </Tag>
                    {blocking?.has(f.fingerprint) && <Tag color="red">须改正后送审</Tag>}
                    <Typography.Text strong>
                      {fieldLabel(f.field)}
                      {f.line !== undefined && f.field.startsWith('attachment:') ? `第 ${f.line} 行` : ''}
                    </Typography.Text>
                  </Space>
                  <span>{f.message}</span>
                  {f.excerpt !== '' && <Excerpt text={f.excerpt} />}
                  {f.suggestion && <Typography.Text type="success">建议：{f.suggestion}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
        }
      />
      <Modal
        open={dismissing !== undefined}
        title="排除误报"
        okText="排除"
        cancelText="取消"
        onOk={() => void confirm()}
        onCancel={() => setDismissing(undefined)}
        destroyOnHidden
      >
        <p>{dismissing?.message}</p>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="理由"
            rules={[{ required: true, min: 2, message: '请写明为什么这不是问题' }]}
            extra="排除后，同一处文字在本单位不再提示；理由记入审计日志。"
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
