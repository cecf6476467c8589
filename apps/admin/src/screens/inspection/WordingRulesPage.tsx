import { WORDING_CATEGORY_LABELS, WORDING_RULE_KIND_LABELS } from '@xxgk/core';
import { App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Json, RequestBody } from '../../api/types.ts';

type Rule = Json<'/api/wording-rules'>[number];
type NewRule = RequestBody<'/api/wording-rules', 'post'>;
/** The form's fields: a rule as the server takes it, with its dates as picked. */
type RuleForm = Omit<NewRule, 'startsOn' | 'endsOn'> & { startsOn?: Dayjs | null; endsOn?: Dayjs | null };

const KIND = WORDING_RULE_KIND_LABELS;
const CATEGORY: Record<string, string> = WORDING_CATEGORY_LABELS;

/**
 * 错敏词库 (issue 8 §1): the shipped dictionary, read-only, and the city's own rules — its leaders
 * with their terms of office, renamed bodies and places, local wrong forms — which the 政务公开办
 * adds and removes here (audited).
 */
export default function WordingRulesPage() {
  const { message } = App.useApp();
  const [rules, setRules] = useState<Rule[]>([]);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as Rule['kind'] | undefined;

  const load = useCallback(() => {
    void api
      .get('/api/wording-rules')
      .then(setRules, (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [message]);
  useEffect(load, [load]);

  const add = async () => {
    const v: RuleForm = await form.validateFields();
    const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
    try {
      await api.post('/api/wording-rules', {
        body: {
          ...v,
          category: v.kind === 'leader' ? 'leader' : v.category,
          startsOn: date(v.startsOn),
          endsOn: date(v.endsOn),
        },
      });
      message.success('已加入本市词库；今晚的检查和此后的送审都会使用');
      setAdding(false);
      load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const remove = async (id: number) => {
    try {
      await api.delete('/api/wording-rules/{id}', { path: { id } });
      message.success('已删除');
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '删除失败');
    }
  };

  return (
    <Card
      title="错敏词库"
      extra={
        <Button
          type="primary"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ kind: 'leader', severity: 'severe', category: 'institution' });
            setAdding(true);
          }}
        >
          新增本市规则
        </Button>
      }
    >
      <Table
        rowKey={(r) => `${r.source}|${r.id ?? ''}|${r.text ?? r.pattern ?? ''}|${r.replacement}`}
        size="small"
        scroll={{ x: 1400 }}
        dataSource={rules}
        pagination={{ pageSize: 30 }}
        columns={[
          {
            title: '来源',
            dataIndex: 'source',
            width: 160,
            render: (s: string) => <Tag color={s === '本市' ? 'blue' : 'default'}>{s}</Tag>,
          },
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: Rule['kind']) => KIND[k] },
          { title: '类别', dataIndex: 'category', width: 90, render: (c: string) => CATEGORY[c] ?? c },
          { title: '查找', width: 200, render: (_, r) => r.text ?? <code>{r.pattern}</code> },
          { title: '正确表述 / 现名称 / 职务', dataIndex: 'replacement', width: 200 },
          {
            title: '日期',
            width: 190,
            render: (_, r) =>
              r.kind === 'leader'
                ? `${r.startsOn ?? ''} 至 ${r.endsOn ?? '今'}`
                : r.startsOn
                  ? `${r.startsOn} 起`
                  : '—',
          },
          {
            title: '程度',
            dataIndex: 'severity',
            width: 70,
            render: (s: string) => (
              <Tag color={s === 'severe' ? 'red' : 'orange'}>{s === 'severe' ? '严重' : '一般'}</Tag>
            ),
          },
          { title: '说明', dataIndex: 'note', width: 280 },
          {
            title: '',
            width: 70,
            render: (_, r) =>
              r.id !== null && (
                <Popconfirm title="删除这条规则？" okText="删除" cancelText="取消" onConfirm={() => void remove(r.id!)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Modal
        open={adding}
        title="新增本市规则"
        okText="保存"
        cancelText="取消"
        onOk={() => void add()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'leader', label: '领导任职（任期外出现“职务+姓名”即提示）' },
                { value: 'rename', label: '更名（更名日期后出现旧名称即提示）' },
                { value: 'term', label: '错误表述' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={kind === 'leader' ? '姓名' : kind === 'rename' ? '原名称' : '错误表述'}
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="replacement"
            label={kind === 'leader' ? '职务' : kind === 'rename' ? '现名称' : '正确表述'}
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          {kind !== 'leader' && (
            <Form.Item name="category" label="类别">
              <Select
                options={Object.entries(CATEGORY)
                  .filter(([k]) => k !== 'leader')
                  .map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          )}
          <Space>
            <Form.Item
              name="startsOn"
              label={kind === 'leader' ? '任职起始日' : kind === 'rename' ? '更名日期' : '起用日期（选填）'}
              rules={[{ required: kind !== 'term', message: '请选择日期' }]}
            >
              <DatePicker />
            </Form.Item>
            {kind === 'leader' && (
              <Form.Item name="endsOn" label="任职截止日（在任不填）">
                <DatePicker />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="severity" label="程度">
            <Select
              options={[
                { value: 'severe', label: '严重（按单位设置可拦截送审）' },
                { value: 'warning', label: '一般（提示）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={200} placeholder="如：2026年3月15日免职" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
