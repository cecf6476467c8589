import { PlusOutlined } from '@ant-design/icons';
import {
  CLEANUP_REASON_LABELS,
  NORMATIVE_EVENT_KINDS,
  NORMATIVE_EVENT_LABELS,
  NORMATIVE_KIND_LABELS,
  NORMATIVE_KINDS,
  NORMATIVE_STATUS_LABELS,
  type NormativeKind,
  type NormativeStatus,
} from '@xxgk/core';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import { today as serverToday } from '../../clock.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import type { Json, RequestBody } from '../../api/types.ts';

type Entry = Json<'/api/agencies/{id}/normative'>['documents'][number];
type Counts = Json<'/api/agencies/{id}/normative/counts'>;

const STATUS_COLORS: Record<NormativeStatus, string> = {
  in_force: 'green',
  abolished: 'red',
  expired: 'default',
  not_yet: 'blue',
};

/** 规范性文件登记簿: 规章 and 行政规范性文件 with their history, 现行有效 on any date, and the cleanup list. */
export default function NormativePage() {
  const me = useMe();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const canManage = me.user.permissions['normative.manage'] !== undefined && agencyId === me.user.agency.id;
  const today = serverToday();
  const [asOf, setAsOf] = useState(today);
  const [tab, setTab] = useState<'all' | 'cleanup'>('all');
  const [documents, setDocuments] = useState<Entry[]>([]);
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [counts, setCounts] = useState<Counts | undefined>();
  const [adding, setAdding] = useState(false);
  const [eventFor, setEventFor] = useState<Entry | undefined>();
  const [form] = Form.useForm();
  const [eventForm] = Form.useForm();

  const load = useCallback(async () => {
    const result = await api.get('/api/agencies/{id}/normative', { path: { id: agencyId }, query: { asOf } });
    setDocuments(result.documents);
  }, [agencyId, asOf]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void api.get('/api/agencies/{id}/normative/counts', { path: { id: agencyId }, query: { year } }).then(setCounts);
  }, [agencyId, year, documents]);

  const shown = tab === 'cleanup' ? documents.filter((d) => d.cleanup !== null) : documents;
  const cleanupCount = documents.filter((d) => d.cleanup !== null).length;

  const register = async () => {
    const values: RequestBody<'/api/agencies/{id}/normative', 'post'> = await form.validateFields();
    try {
      await api.post('/api/agencies/{id}/normative', { path: { id: agencyId }, body: values });
      message.success('已登记');
      setAdding(false);
      await load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  };

  const recordEvent = async () => {
    if (eventFor === undefined) {
      return;
    }
    const values: RequestBody<'/api/normative/{id}/events', 'post'> = await eventForm.validateFields();
    try {
      await api.post('/api/normative/{id}/events', { path: { id: eventFor.id }, body: values });
      message.success('已登记');
      setEventFor(undefined);
      await load();
    } catch (e) {
      eventForm.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            规范性文件登记簿 · {agencyName}
          </Typography.Title>
          <Space wrap>
            <label htmlFor="as-of">效力查询日期</label>
            <Input
              id="as-of"
              type="date"
              value={asOf}
              onChange={(e) => setAsOf(e.target.value || today)}
              style={{ width: 160 }}
            />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ kind: 'normativeDocument' });
                  setAdding(true);
                }}
              >
                登记文件
              </Button>
            )}
          </Space>
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'all' | 'cleanup')}
          items={[
            { key: 'all', label: `全部（${documents.length}）` },
            { key: 'cleanup', label: `待清理（${cleanupCount}）` },
          ]}
        />
        <Table<Entry>
          rowKey="id"
          dataSource={shown}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          expandable={{
            rowExpandable: (row) => row.events.length > 0,
            expandedRowRender: (row) => (
              <Descriptions size="small" column={1}>
                {row.events.map((e) => (
                  <Descriptions.Item key={e.id} label={`${e.on} ${NORMATIVE_EVENT_LABELS[e.kind]}`}>
                    {[e.byDocNo, e.byTitle, e.note].filter(Boolean).join(' · ') || '—'}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          }}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 130, render: (k: NormativeKind) => NORMATIVE_KIND_LABELS[k] },
            {
              title: '文件名称',
              dataIndex: 'title',
              render: (t: string, row) =>
                row.itemId ? (
                  <a href={`/items/${row.itemId}`} target="_blank" rel="noreferrer">
                    {t}
                  </a>
                ) : (
                  t
                ),
            },
            { title: '文号', dataIndex: 'docNo', width: 200 },
            { title: '制发日期', dataIndex: 'issuedOn', width: 110 },
            { title: '有效期至', dataIndex: 'validUntil', width: 110, render: (v: string | null) => v ?? '—' },
            {
              title: `${asOf} 状态`,
              dataIndex: 'status',
              width: 110,
              render: (s: NormativeStatus) => <Tag color={STATUS_COLORS[s]}>{NORMATIVE_STATUS_LABELS[s]}</Tag>,
            },
            {
              title: '清理提示',
              dataIndex: 'cleanup',
              width: 200,
              render: (c: Entry['cleanup']) => (c ? <Tag color="orange">{CLEANUP_REASON_LABELS[c]}</Tag> : ''),
            },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    width: 130,
                    render: (_: unknown, row: Entry) => (
                      <a
                        onClick={() => {
                          eventForm.resetFields();
                          eventForm.setFieldsValue({
                            kind: row.cleanup === 'past_validity' ? 'expired' : 'revised',
                            on: today,
                          });
                          setEventFor(row);
                        }}
                      >
                        登记修订/废止/失效
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title="年度报告表二（第二十条第（一）项）"
        extra={
          <Space>
            <label htmlFor="count-year">年度</label>
            <InputNumber id="count-year" min={2008} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Space>
        }
      >
        {counts && (
          <Row gutter={16}>
            {(['regulations', 'normativeDocuments'] as const).map((k) => (
              <Col xs={24} md={12} key={k}>
                <Typography.Text strong>{k === 'regulations' ? '规章' : '行政规范性文件'}</Typography.Text>
                <Row gutter={8}>
                  <Col span={8}>
                    <Statistic title="本年制发件数" value={counts[k].issued} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="本年废止件数" value={counts[k].abolished} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="现行有效件数" value={counts[k].inForce} />
                  </Col>
                </Row>
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Modal
        title="登记规章或行政规范性文件"
        open={adding}
        onOk={() => void register()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={NORMATIVE_KINDS.map((k) => ({ value: k, label: NORMATIVE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="title" label="文件名称" rules={[{ required: true, message: '请填写文件名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="docNo"
            label="文号"
            rules={[{ required: true, message: '请填写文号' }]}
            extra="规章填政府令号，如 示例市人民政府令第3号"
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="issuedOn" label="制发日期" rules={[{ required: true, message: '请填写制发日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="effectiveOn" label="施行日期（与制发日期不同时填写）">
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validUntil" label="有效期至">
            <Input type="date" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={eventFor ? `登记：${eventFor.title}` : ''}
        open={eventFor !== undefined}
        onOk={() => void recordEvent()}
        onCancel={() => setEventFor(undefined)}
        destroyOnHidden
      >
        <Form form={eventForm} layout="vertical">
          <Form.Item name="kind" label="事项" rules={[{ required: true }]}>
            <Select options={NORMATIVE_EVENT_KINDS.map((k) => ({ value: k, label: NORMATIVE_EVENT_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="on" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="byDocNo" label="依据文件文号（修订、废止时必填）">
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="byTitle" label="依据文件名称">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
