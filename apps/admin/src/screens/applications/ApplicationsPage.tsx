import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  APPLICANT_CATEGORIES,
  APPLICANT_CATEGORY_LABELS,
  CHANNEL_LABELS,
  CHANNELS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  INFORMATION_FORMS,
  needsConfirmation,
  OUTCOMES,
  PERSON_ID_TYPE_LABELS,
  PERSON_ID_TYPES,
  type Channel,
  type ClockStatus,
} from '@xxgk/core';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, formErrors, urlOf } from '../../api.ts';
import { thisYear as serverYear, today as serverToday } from '../../clock.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import type { Json, Query, RequestBody } from '../../api/types.ts';
import { CLOCK_STATUS_TEXT } from './texts.ts';

type List = Json<'/api/agencies/{id}/applications'>;
type Row = List['rows'][number];
type ListQuery = Query<'/api/agencies/{id}/applications'>;
type Filters = Pick<ListQuery, 'year' | 'outcome' | 'channel' | 'q' | 'mine'>;
type View = NonNullable<ListQuery['view']>;
/** The intake form's fields: the application's (checked by the server) and how it came in. */
type IntakeForm = RequestBody<'/api/applications', 'post'>['intake'] & Record<string, string>;

/** 依申请公开: the agency's applications, most urgent first, and counter/post intake. */
export default function ApplicationsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const canHandle = me.user.permissions['application.handle'] !== undefined && agencyId === me.user.agency.id;
  const [view, setView] = useState<View>('open');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<List>({ rows: [], total: 0 });
  const [intake, setIntake] = useState(false);
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<Filters>({});
  /** The filters as sent (empty ones left out), shared by the list and the XLSX export. */
  const listQuery = useMemo<ListQuery>(
    () => ({
      view,
      year: filters.year,
      outcome: filters.outcome,
      channel: filters.channel,
      q: filters.q || undefined,
      mine: filters.mine || undefined,
    }),
    [view, filters],
  );

  const load = useCallback(async () => {
    setData(
      await api.get('/api/agencies/{id}/applications', { path: { id: agencyId }, query: { ...listQuery, page } }),
    );
  }, [agencyId, listQuery, page]);
  useEffect(() => {
    void load();
  }, [load]);

  const register = async () => {
    const values: IntakeForm = await form.validateFields();
    const { channel, receivedOn, confirmedOn, ...application } = values;
    try {
      const created = await api.post('/api/applications', {
        body: {
          application: { ...application, agencyId },
          intake: { channel, receivedOn, confirmedOn: confirmedOn ?? '' },
        },
      });
      message.success(`已登记，查询码 ${created.trackingCode}`);
      setIntake(false);
      void navigate(`/applications/${created.id}`);
    } catch (e) {
      form.setFields(
        formErrors(e).map((f) => ({ ...f, name: f.name.filter((n) => n !== 'application' && n !== 'intake') })),
      );
      message.error(e instanceof ApiError ? e.message : '登记失败');
    }
  };

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          依申请公开 · {agencyName}
        </Typography.Title>
        {canHandle && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({
                applicantKind: 'natural_person',
                idType: 'resident_id',
                infoForm: 'paper',
                delivery: 'post',
                channel: 'in_person',
                receivedOn: serverToday(),
              });
              setIntake(true);
            }}
          >
            登记申请
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={view}
        onChange={(k) => {
          setView(k as View);
          setPage(1);
        }}
        items={[
          { key: 'open', label: '未办结' },
          { key: 'urgent', label: '超期与临期' },
          { key: 'all', label: '全部' },
        ]}
      />
      <Space wrap style={{ marginBottom: 12 }} aria-label="筛选">
        <Input.Search
          aria-label="搜索查询码、所需信息或申请人"
          placeholder="查询码、所需信息或申请人"
          allowClear
          style={{ width: 260 }}
          onSearch={(q) => {
            setFilters({ ...filters, q });
            setPage(1);
          }}
        />
        <Select
          aria-label="收到年度"
          placeholder="收到年度"
          allowClear
          style={{ width: 120 }}
          value={filters.year}
          onChange={(year?: number) => {
            setFilters({ ...filters, year });
            setPage(1);
          }}
          options={Array.from({ length: 4 }, (_, i) => serverYear() - i).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
        />
        <Select
          aria-label="渠道"
          placeholder="渠道"
          allowClear
          style={{ width: 170 }}
          value={filters.channel}
          onChange={(channel?: Filters['channel']) => {
            setFilters({ ...filters, channel });
            setPage(1);
          }}
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <Select
          aria-label="办理结果"
          placeholder="办理结果（表三行次）"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          value={filters.outcome}
          onChange={(outcome?: Filters['outcome']) => {
            setFilters({ ...filters, outcome });
            setPage(1);
          }}
          options={OUTCOMES.map((o) => ({ value: o.code, label: `${o.row} ${o.label.replace(/（.*）$/u, '')}` }))}
        />
        <Checkbox
          checked={filters.mine === true}
          onChange={(e) => {
            setFilters({ ...filters, mine: e.target.checked });
            setPage(1);
          }}
        >
          只看我经办的
        </Checkbox>
        <Button
          href={urlOf('/api/agencies/{id}/applications.xlsx', { path: { id: agencyId }, query: listQuery })}
          icon={<DownloadOutlined />}
        >
          导出台账（XLSX）
        </Button>
      </Space>
      <Table<Row>
        rowKey="id"
        dataSource={data.rows}
        onRow={(row) => ({ onClick: () => void navigate(`/applications/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{ current: page, total: data.total, pageSize: 20, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: '查询码', dataIndex: 'trackingCode', width: 170 },
          {
            title: '所需信息',
            dataIndex: 'infoTitle',
            render: (v: string, row) => (
              <a href={`/admin/applications/${row.id}`} onClick={(e) => e.preventDefault()}>
                {v}
              </a>
            ),
          },
          {
            title: '申请人',
            width: 180,
            render: (_: unknown, row) => `${row.applicantName}（${APPLICANT_CATEGORY_LABELS[row.applicantKind]}）`,
          },
          { title: '渠道', dataIndex: 'channel', width: 150, render: (c: Channel) => CHANNEL_LABELS[c] },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110, render: (v: string | null) => v ?? '待确认' },
          {
            title: '答复期限',
            width: 170,
            render: (_: unknown, row) => (
              <Space>
                {row.dueOn ?? '—'}
                {row.flag === 'overdue' && <Tag color="red">已超期</Tag>}
                {row.flag === 'due_soon' && <Tag color="orange">3个工作日内到期</Tag>}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 140, render: (s: ClockStatus) => CLOCK_STATUS_TEXT[s] },
        ]}
      />
      <Modal
        title="登记申请"
        open={intake}
        onOk={() => void register()}
        onCancel={() => setIntake(false)}
        width={760}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="channel" label="收到渠道" rules={[{ required: true }]}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请填写收到日期' }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                noStyle
                shouldUpdate={(a: { channel?: Channel }, b: { channel?: Channel }) => a.channel !== b.channel}
              >
                {() =>
                  needsConfirmation((form.getFieldValue('channel') as Channel | undefined) ?? 'in_person') ? (
                    <Form.Item name="confirmedOn" label="与申请人确认日期" extra="尚未确认的留空，确认后再登记">
                      <Input type="date" />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="applicantKind" label="申请人类型">
                <Select
                  options={APPLICANT_CATEGORIES.map((k) => ({ value: k, label: APPLICANT_CATEGORY_LABELS[k] }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="applicantName" label="姓名或名称" rules={[{ required: true, message: '请填写' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="idType" label="证件类型（自然人）">
                <Select options={PERSON_ID_TYPES.map((t) => ({ value: t, label: PERSON_ID_TYPE_LABELS[t] }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="idNumber"
                label="证件号码或统一社会信用代码"
                rules={[{ required: true, message: '请填写' }]}
              >
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="contactName" label="联系人（组织必填）">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写' }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="email" label="电子邮箱">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="postcode" label="邮政编码">
                <Input maxLength={6} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label="通信地址">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="infoTitle" label="所需信息名称" rules={[{ required: true, message: '请填写' }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="infoDocNo" label="文号">
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="infoDescription" label="描述">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="infoForm" label="获取形式">
                <Select options={INFORMATION_FORMS.map((f) => ({ value: f, label: INFORMATION_FORM_LABELS[f] }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="delivery" label="获取方式">
                <Select options={DELIVERY_METHODS.map((d) => ({ value: d, label: DELIVERY_METHOD_LABELS[d] }))} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
