import { UploadOutlined } from '@ant-design/icons';
import {
  APPLICANT_CATEGORY_LABELS,
  CHANNEL_LABELS,
  CLOCK_EVENT_LABELS,
  DELIVERY_METHOD_LABELS,
  INFORMATION_FORM_LABELS,
  isClosedStatus,
  OUTCOMES,
  type ApplicantCategory,
  type Channel,
  type ClockStatus,
  type DeliveryMethod,
  type InformationForm,
} from '@xxgk/core';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, apiUpload, ApiError, formErrors } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { beijing } from '../../texts.ts';
import { CLOCK_STATUS_TEXT } from './texts.ts';

interface Detail {
  application: {
    id: number;
    trackingCode: string;
    channel: Channel;
    applicantKind: ApplicantCategory;
    applicantName: string;
    idType: string;
    idNumber: string;
    contactName: string;
    phone: string;
    email: string;
    address: string;
    postcode: string;
    infoTitle: string;
    infoDocNo: string;
    infoDescription: string;
    infoForm: InformationForm;
    delivery: DeliveryMethod;
    status: ClockStatus;
    outcomeCode: string | null;
  };
  deadline: {
    status: ClockStatus;
    receiptDate: string | null;
    due: string | null;
    correctionNoticeDue: string | null;
    overdue: boolean;
    workingDaysLeft: number | null;
    warnings: string[];
    explanation: { date: string | null; text: string; basis: string }[];
  };
  events: { id: number; type: string; date: string; note: string; userName: string; at: string }[];
  files: { id: number; kind: string; fileName: string; size: number }[];
}

const STEPS: { value: string; label: string }[] = [
  { value: 'receipt_confirmed', label: '确认收到申请' },
  { value: 'correction_requested', label: '告知补正' },
  { value: 'correction_received', label: '收到补正' },
  { value: 'correction_expired', label: '补正逾期' },
  { value: 'extension_approved', label: '批准延期（须机构负责人）' },
  { value: 'consultation_started', label: '开始征求意见' },
  { value: 'consultation_ended', label: '征求意见结束' },
  { value: 'fee_notice_sent', label: '发出收费通知' },
  { value: 'fee_paid', label: '已缴费' },
  { value: 'fee_expired', label: '逾期未缴费' },
  { value: 'deadline_deferred', label: '确定合理延后期限（第三十五条）' },
  { value: 'decided', label: '作出答复' },
];

const EVENT_TEXT: Record<string, string> = { ...CLOCK_EVENT_LABELS, receipt_confirmed: '确认收到申请' };
const FILE_KIND: Record<string, string> = {
  identity: '身份证明',
  scan: '扫描件',
  released: '提供的信息',
  letter: '文书',
};

/** One application: the applicant's request, the clock and how it was computed, the ledger and its next step. */
export default function ApplicationPage() {
  const me = useMe();
  const { message } = App.useApp();
  const id = Number(useParams()['id']);
  const [detail, setDetail] = useState<Detail | undefined>();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const canHandle = me.user.permissions['application.handle'] !== undefined;

  const load = useCallback(async () => {
    setDetail(await api<Detail>('GET', `/api/applications/${id}`));
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (detail === undefined) {
    return <Spin style={{ margin: 48 }} />;
  }
  const a = detail.application;
  const d = detail.deadline;
  const closed = isClosedStatus(d.status);
  const started = detail.events.filter((e) => e.type === 'consultation_started').map((_, i) => `征求意见${i + 1}`);

  const record = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>;
    setSaving(true);
    try {
      await api('POST', `/api/applications/${id}/steps`, values);
      message.success('已登记');
      form.resetFields();
      await load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '登记失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card
          title={
            <Space wrap>
              {a.infoTitle}
              <Tag color={closed ? 'green' : d.overdue ? 'red' : 'blue'}>{CLOCK_STATUS_TEXT[d.status]}</Tag>
              {d.overdue && !closed && <Tag color="red">已超期</Tag>}
            </Space>
          }
        >
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="查询码">{a.trackingCode}</Descriptions.Item>
            <Descriptions.Item label="渠道">{CHANNEL_LABELS[a.channel]}</Descriptions.Item>
            <Descriptions.Item label="申请人">
              {a.applicantName}（{APPLICANT_CATEGORY_LABELS[a.applicantKind]}）
            </Descriptions.Item>
            <Descriptions.Item label="证件号码">{a.idNumber}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
            <Descriptions.Item label="联系人">{a.contactName || '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{a.email || '—'}</Descriptions.Item>
            <Descriptions.Item label="通信地址">
              {[a.address, a.postcode].filter(Boolean).join(' ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="文号">{a.infoDocNo || '—'}</Descriptions.Item>
            <Descriptions.Item label="获取形式与方式">
              {INFORMATION_FORM_LABELS[a.infoForm]}，{DELIVERY_METHOD_LABELS[a.delivery]}
            </Descriptions.Item>
            <Descriptions.Item label="描述" span={2}>
              {a.infoDescription || '—'}
            </Descriptions.Item>
            {a.outcomeCode && (
              <Descriptions.Item label="办理结果" span={2}>
                {OUTCOMES.find((o) => o.code === a.outcomeCode)?.label}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title="办理台账" size="small" style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.events}
            columns={[
              { title: '日期', dataIndex: 'date', width: 110 },
              { title: '事项', dataIndex: 'type', width: 140, render: (t: string) => EVENT_TEXT[t] ?? t },
              { title: '说明', dataIndex: 'note' },
              { title: '登记人', dataIndex: 'userName', width: 180 },
              { title: '登记时间', dataIndex: 'at', width: 170, render: (v: string) => beijing(v) },
            ]}
          />
          {canHandle && !closed && (
            <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }}>
              <Form.Item name="type" rules={[{ required: true, message: '请选择事项' }]}>
                <Select aria-label="办理事项" placeholder="办理事项" options={STEPS} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="date" rules={[{ required: true, message: '请填写日期' }]}>
                <Input aria-label="日期" type="date" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const type = form.getFieldValue('type') as string | undefined;
                  switch (type) {
                    case 'extension_approved':
                      return (
                        <Form.Item name="days" initialValue={20}>
                          <InputNumber aria-label="延长工作日" min={1} max={20} addonAfter="个工作日" />
                        </Form.Item>
                      );
                    case 'consultation_started':
                      return (
                        <Form.Item name="party" initialValue="third_party">
                          <Select
                            aria-label="征求对象"
                            style={{ width: 140 }}
                            options={[
                              { value: 'third_party', label: '第三方' },
                              { value: 'agency', label: '其他机关' },
                            ]}
                          />
                        </Form.Item>
                      );
                    case 'consultation_ended':
                      return (
                        <Form.Item name="id" rules={[{ required: true, message: '请选择' }]}>
                          <Select
                            aria-label="哪一次征求意见"
                            style={{ width: 140 }}
                            options={started.map((s) => ({ value: s, label: s }))}
                          />
                        </Form.Item>
                      );
                    case 'deadline_deferred':
                      return (
                        <Form.Item name="newDue" rules={[{ required: true, message: '请填写新的期限' }]}>
                          <Input aria-label="延后至" type="date" />
                        </Form.Item>
                      );
                    case 'decided':
                      return (
                        <Form.Item name="outcome" rules={[{ required: true, message: '请选择办理结果' }]}>
                          <Select
                            aria-label="办理结果"
                            style={{ width: 420 }}
                            showSearch={{ optionFilterProp: 'label' }}
                            options={OUTCOMES.map((o) => ({ value: o.code, label: `${o.row} ${o.label}` }))}
                          />
                        </Form.Item>
                      );
                    default:
                      return null;
                  }
                }}
              </Form.Item>
              <Form.Item name="note" style={{ minWidth: 240 }}>
                <Input aria-label="说明" placeholder="说明（可选）" maxLength={500} />
              </Form.Item>
              <Button type="primary" loading={saving} onClick={() => void record()}>
                登记
              </Button>
            </Form>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title="期限" size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="收到申请之日">{d.receiptDate ?? '待确认'}</Descriptions.Item>
            <Descriptions.Item label="答复期限">
              {d.due ?? '—'}
              {d.workingDaysLeft !== null && !closed && `（剩余 ${d.workingDaysLeft} 个工作日）`}
            </Descriptions.Item>
            {d.correctionNoticeDue && (
              <Descriptions.Item label="补正告知期限">{d.correctionNoticeDue}</Descriptions.Item>
            )}
          </Descriptions>
          {d.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} />
          ))}
          <Timeline
            items={d.explanation.map((l) => ({
              children: (
                <>
                  {l.text}
                  <div style={{ color: '#888', fontSize: 12 }}>{l.basis}</div>
                </>
              ),
            }))}
          />
        </Card>
        <Card title="文件" size="small" style={{ marginTop: 16 }}>
          <List
            size="small"
            locale={{ emptyText: '无文件' }}
            dataSource={detail.files}
            renderItem={(f) => (
              <List.Item>
                <a href={`/api/applications/${id}/files/${f.id}`}>{f.fileName}</a>
                <span>{FILE_KIND[f.kind] ?? f.kind}</span>
              </List.Item>
            )}
          />
          {canHandle && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void apiUpload(`/api/applications/${id}/scans`, file).then(
                  async () => {
                    message.success(`已上传 ${file.name}`);
                    await load();
                  },
                  (e: unknown) => message.error(e instanceof ApiError ? e.message : '上传失败'),
                );
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />}>
                上传扫描件
              </Button>
            </Upload>
          )}
        </Card>
      </Col>
    </Row>
  );
}
