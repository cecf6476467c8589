import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import type { Json } from '../../api/types.ts';
import { beijing } from '../../texts.ts';

type Calendar = Json<'/api/calendar/overrides'>;
type Override = Calendar['overrides'][number];

/** 节假日设置: dates set by hand over the official schedule, and a year's schedule imported as CSV. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const [data, setData] = useState<Calendar>({
    overrides: [],
    years: [],
  });
  const [loading, setLoading] = useState(true);
  const [csv, setCsv] = useState('');
  const [form] = Form.useForm<{ date: Dayjs; kind: 'workday' | 'holiday'; note: string }>();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get('/api/calendar/overrides'));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');

  const set = async (values: { date: Dayjs; kind: 'workday' | 'holiday'; note?: string }) => {
    try {
      await api.put('/api/calendar/overrides/{date}', {
        path: { date: values.date.format('YYYY-MM-DD') },
        body: { kind: values.kind, note: values.note ?? '' },
      });
      message.success('已保存');
      form.resetFields();
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const clear = async (date: string) => {
    try {
      await api.delete('/api/calendar/overrides/{date}', { path: { date } });
      message.success(`已恢复 ${date} 的官方安排`);
      await load();
    } catch (e) {
      fail(e);
    }
  };

  const importCsv = async () => {
    try {
      const result = await api.post('/api/calendar/import', { body: { csv, note: '管理端导入' } });
      message.success(`已导入 ${result.days} 个日期，${result.years.join('、')}年已标记为完整`);
      setCsv('');
      await load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="节假日设置">
        <Typography.Paragraph type="secondary">
          办理期限按国务院办公厅每年发布的节假日安排计算（内置数据）。此处设置的日期优先于内置数据，例如本地另行安排的休息日，或内置数据尚未包含的下一年度安排。
        </Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={set} style={{ marginBottom: 16 }}>
          <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker placeholder="日期" aria-label="日期" />
          </Form.Item>
          <Form.Item name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select
              placeholder="类型"
              aria-label="类型"
              style={{ width: 120 }}
              options={[
                { value: 'holiday', label: '休息日' },
                { value: 'workday', label: '工作日' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder="说明，如：春节调休" aria-label="说明" style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
        <Table<Override>
          rowKey="date"
          loading={loading}
          dataSource={data.overrides}
          size="small"
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 130 },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 100,
              render: (k: Override['kind']) =>
                k === 'holiday' ? <Tag color="red">休息日</Tag> : <Tag color="blue">工作日</Tag>,
            },
            { title: '说明', dataIndex: 'note' },
            { title: '设置人', dataIndex: 'updatedBy', width: 120 },
            { title: '设置时间', dataIndex: 'updatedAt', width: 180, render: beijing },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, o: Override) => (
                <Popconfirm title={`恢复 ${o.date} 的官方安排？`} onConfirm={() => void clear(o.date)}>
                  <Button type="link">取消设置</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
        <Typography.Paragraph>
          已声明完整的年份：
          {data.years.length === 0 ? '（无，均使用内置数据）' : data.years.map((y) => y.year).join('、')}
        </Typography.Paragraph>
      </Card>
      <Card title="导入全年安排">
        <Typography.Paragraph type="secondary">
          每行一个日期：<code>2027-01-01,休息日,元旦</code>（类型可写 工作日/休息日 或
          workday/holiday）。导入后文件中的年份视为已完整录入，跨年期限不再提示“未录入”。
        </Typography.Paragraph>
        <Input.TextArea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} aria-label="节假日安排 CSV" />
        <Button style={{ marginTop: 12 }} type="primary" disabled={csv.trim() === ''} onClick={() => void importCsv()}>
          导入
        </Button>
      </Card>
    </Space>
  );
}
