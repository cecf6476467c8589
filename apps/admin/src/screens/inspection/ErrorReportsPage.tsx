import { App, Button, Card, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Json, RequestBody } from '../../api/types.ts';

type ErrorReport = Json<'/api/error-reports'>[number];

const KINDS: Record<string, string> = {
  wording: '错别字或表述错误',
  outdated: '内容过时或不准确',
  link: '链接或附件打不开',
  personal: '公开了个人信息',
  other: '其他问题',
};

/** 网民纠错 (我要纠错): the reports on the agency's pages, each answered within the set working days. */
export default function ErrorReportsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'replied' | 'all'>('open');
  const [rows, setRows] = useState<ErrorReport[]>([]);
  const [replying, setReplying] = useState<ErrorReport>();
  const [form] = Form.useForm();

  const load = useCallback(() => {
    void api
      .get('/api/error-reports', { query: { status: status === 'all' ? undefined : status } })
      .then(setRows, (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [status, message]);
  useEffect(load, [load]);

  const reply = async () => {
    if (replying === undefined) {
      return;
    }
    const v: RequestBody<'/api/error-reports/{id}/reply', 'post'> = await form.validateFields();
    try {
      await api.post('/api/error-reports/{id}/reply', { path: { id: replying.id }, body: v });
      message.success('已答复，网民可凭查询码查看');
      setReplying(undefined);
      load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '答复失败');
    }
  };

  return (
    <Card
      title="网民纠错"
      extra={
        <Radio.Group
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
          optionType="button"
          options={[
            { value: 'open', label: '待答复' },
            { value: 'replied', label: '已答复' },
            { value: 'all', label: '全部' },
          ]}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        expandable={{
          expandedRowRender: (r) =>
            r.reply ? (
              <Typography.Paragraph>
                答复（{r.repliedBy}）：{r.reply}
              </Typography.Paragraph>
            ) : null,
          rowExpandable: (r) => r.reply !== '',
        }}
        columns={[
          { title: '收到', dataIndex: 'receivedAt', width: 100, render: (v: string) => v.slice(0, 10) },
          { title: '单位', dataIndex: 'agencyName', width: 160 },
          {
            title: '页面',
            width: 200,
            render: (_, r) => (
              <a href={r.pageUrl} target="_blank" rel="noreferrer">
                {r.pageTitle || r.pageUrl}
              </a>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 130, render: (k: string) => KINDS[k] ?? k },
          { title: '反映的问题', dataIndex: 'description' },
          {
            title: '联系方式',
            width: 150,
            render: (_, r) => [r.contactName, r.contact].filter(Boolean).join(' ') || '—',
          },
          {
            title: '答复期限',
            dataIndex: 'dueOn',
            width: 130,
            render: (v: string, r) => (r.overdue ? <Tag color="red">{v} 已超期</Tag> : v),
          },
          {
            title: '',
            width: 80,
            render: (_, r) =>
              r.status === 'open' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    form.resetFields();
                    setReplying(r);
                  }}
                >
                  答复
                </Button>
              ) : (
                <Tag color="green">已答复</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={replying !== undefined}
        title="答复网民纠错"
        okText="答复"
        cancelText="取消"
        onOk={() => void reply()}
        onCancel={() => setReplying(undefined)}
        destroyOnHidden
      >
        <p>{replying?.description}</p>
        <Form form={form} layout="vertical">
          <Form.Item name="reply" label="答复" rules={[{ required: true, min: 2, message: '请填写答复' }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
