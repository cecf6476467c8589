import { UploadOutlined } from '@ant-design/icons';
import {
  APPLICANT_CATEGORY_LABELS,
  CHANNEL_LABELS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  INFORMATION_FORM_LABELS,
  isClosedStatus,
  OUTCOMES,
  type DeliveryMethod,
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
import type { Json, RequestBody } from '../../api/types.ts';
import { AppealsCard } from './AppealsCard.tsx';
import { LetterDialog } from './LetterDialog.tsx';
import { CLOCK_STATUS_TEXT } from './texts.ts';

type Detail = Json<'/api/applications/{id}'>;
type Letter = Detail['letters'][number];
type Step = RequestBody<'/api/applications/{id}/steps', 'post'>;

// The server answers with any stored form or delivery method, not only today's (application-schemas.ts).
const FORM_LABELS: Readonly<Record<string, string>> = INFORMATION_FORM_LABELS;
const DELIVERY_LABELS: Readonly<Record<string, string>> = DELIVERY_METHOD_LABELS;

/** The steps before the decision (each moves the clock, or assigns or reviews), and the two after it. */
const OPEN_STEPS: { value: string; label: string }[] = [
  { value: 'receipt_confirmed', label: '确认收到申请' },
  { value: 'assigned', label: '分配经办人' },
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
  { value: 'legal_review', label: '法制审核意见' },
  { value: 'decided', label: '作出答复（办理结果）' },
];
const CLOSED_STEPS = [
  { value: 'delivered', label: '送达' },
  { value: 'archived', label: '归档' },
];

const FILE_KIND: Record<string, string> = {
  identity: '身份证明',
  scan: '扫描件',
  released: '提供的信息',
  letter: '文书',
};

const OUTCOME_OPTIONS = OUTCOMES.map((o) => ({ value: o.code, label: `${o.row} ${o.label}` }));
/** The outcome's label without the table's counting note in brackets. */
const outcomeLabel = (code: unknown) => (OUTCOMES.find((o) => o.code === code)?.label ?? '').replace(/（.*）$/u, '');

/** What a ledger row adds to its label: the outcome and reasons, the fee, the assignee, the review opinion. */
function detailsText(e: Detail['events'][number]): string {
  const d = e.details;
  switch (e.type) {
    case 'decided':
      return [
        outcomeLabel(d['outcome']),
        d['reasons'] ? `理由：${String(d['reasons'])}` : '',
        d['withheld'] ? `不予公开：${String(d['withheld'])}` : '',
      ]
        .filter(Boolean)
        .join('；');
    case 'fee_notice_sent':
      return typeof d['summary'] === 'string' ? d['summary'] : '';
    case 'legal_review':
      return `${d['opinion'] === 'approved' ? '同意' : '退回'}：${outcomeLabel(d['outcome'])}`;
    case 'delivered':
      return DELIVERY_METHOD_LABELS[d['method'] as DeliveryMethod] ?? '';
    case 'extension_approved':
      return `延长${String(d['days'])}个工作日`;
    default:
      return '';
  }
}

/** One application: the request, the clock and how it was computed, the ledger, its letters, files and appeals. */
export default function ApplicationPage() {
  const me = useMe();
  const { message } = App.useApp();
  const id = Number(useParams()['id']);
  const [detail, setDetail] = useState<Detail | undefined>();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [letter, setLetter] = useState<Letter | undefined>();
  const [idNumber, setIdNumber] = useState<string | undefined>();
  const [uploadKind, setUploadKind] = useState<'scan' | 'released'>('scan');
  const canHandle = me.user.permissions['application.handle'] !== undefined;
  const canReview = me.user.permissions['application.legal_review'] !== undefined;

  const load = useCallback(async () => {
    setDetail(await api.get('/api/applications/{id}', { path: { id } }));
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
  const archived = detail.archivedOn !== null;
  const started = detail.events.filter((e) => e.type === 'consultation_started').map((_, i) => `征求意见${i + 1}`);
  const steps = (closed ? CLOSED_STEPS : OPEN_STEPS).filter((s) =>
    s.value === 'legal_review' ? canReview : canHandle,
  );

  const record = async () => {
    const values: Step = await form.validateFields();
    setSaving(true);
    try {
      await api.post('/api/applications/{id}/steps', { path: { id }, body: values });
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

  const reveal = async () => {
    try {
      setIdNumber((await api.post('/api/applications/{id}/identity', { path: { id } })).idNumber);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '无法显示');
    }
  };

  const stepFields = (type: string | undefined) => {
    switch (type) {
      case 'assigned':
        return (
          <Form.Item label="经办人" name="userId" rules={[{ required: true, message: '请选择经办人' }]}>
            <Select aria-label="经办人" options={detail.handlers.map((h) => ({ value: h.id, label: h.name }))} />
          </Form.Item>
        );
      case 'extension_approved':
        return (
          <Form.Item label="延长" name="days" initialValue={20}>
            <InputNumber aria-label="延长工作日" min={1} max={20} addonAfter="个工作日" />
          </Form.Item>
        );
      case 'consultation_started':
        return (
          <Form.Item label="征求对象" name="party" initialValue="third_party">
            <Select
              aria-label="征求对象"
              options={[
                { value: 'third_party', label: '第三方（第三十二条）' },
                { value: 'agency', label: '其他机关（第三十四条）' },
              ]}
            />
          </Form.Item>
        );
      case 'consultation_ended':
        return (
          <Form.Item label="哪一次" name="id" rules={[{ required: true, message: '请选择' }]}>
            <Select aria-label="哪一次征求意见" options={started.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        );
      case 'fee_notice_sent':
        return (
          <>
            <Form.Item label="计收方式" name="method" rules={[{ required: true, message: '请选择计收方式' }]}>
              <Select
                aria-label="计收方式"
                options={[
                  { value: 'per_application', label: '按件计收（同一申请人本月累计件数）' },
                  { value: 'per_page', label: '按量计收（页数）' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('method') === 'per_page' && (
                  <Form.Item label="页数" name="pages" rules={[{ required: true, message: '请填写页数' }]}>
                    <InputNumber aria-label="页数" min={0} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        );
      case 'fee_paid':
        return (
          <Form.Item label="缴费凭证号" name="receiptNo">
            <Input maxLength={60} />
          </Form.Item>
        );
      case 'deadline_deferred':
        return (
          <Form.Item label="延后至" name="newDue" rules={[{ required: true, message: '请填写新的期限' }]}>
            <Input aria-label="延后至" type="date" />
          </Form.Item>
        );
      case 'legal_review':
        return (
          <>
            <Form.Item label="拟作出的办理结果" name="outcome" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Select
                aria-label="拟作出的办理结果"
                showSearch={{ optionFilterProp: 'label' }}
                options={OUTCOME_OPTIONS}
              />
            </Form.Item>
            <Form.Item label="审核意见" name="opinion" rules={[{ required: true, message: '请选择审核意见' }]}>
              <Select
                aria-label="审核意见"
                options={[
                  { value: 'approved', label: '同意' },
                  { value: 'returned', label: '退回修改' },
                ]}
              />
            </Form.Item>
          </>
        );
      case 'decided':
        return (
          <>
            <Form.Item label="办理结果" name="outcome" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Select aria-label="办理结果" showSearch={{ optionFilterProp: 'label' }} options={OUTCOME_OPTIONS} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() => {
                const outcome = form.getFieldValue('outcome') as string | undefined;
                const o = OUTCOMES.find((x) => x.code === outcome);
                return (
                  o && (
                    <>
                      {o.letter !== 'disclose' && (
                        <Form.Item label="理由" name="reasons" rules={[{ required: true, message: '请写明理由' }]}>
                          <Input.TextArea aria-label="理由" rows={3} maxLength={2000} />
                        </Form.Item>
                      )}
                      {o.letter === 'partial' && (
                        <Form.Item
                          label="不予公开的部分"
                          name="withheld"
                          rules={[{ required: true, message: '请写明不予公开的部分' }]}
                        >
                          <Input.TextArea aria-label="不予公开的部分" rows={2} maxLength={2000} />
                        </Form.Item>
                      )}
                      {(o.letter === 'disclose' || o.letter === 'partial') && (
                        <Form.Item label="提供的信息" name="released">
                          <Input.TextArea aria-label="提供的信息" rows={2} maxLength={2000} />
                        </Form.Item>
                      )}
                      <Form.Item label="法律依据" name="basis" extra={`留空则为：${o.basis.join('、') || '—'}`}>
                        <Input aria-label="法律依据" maxLength={500} />
                      </Form.Item>
                    </>
                  )
                );
              }}
            </Form.Item>
          </>
        );
      case 'delivered':
        return (
          <Form.Item label="送达方式" name="method" initialValue={a.delivery}>
            <Select
              aria-label="送达方式"
              options={DELIVERY_METHODS.map((m) => ({ value: m, label: DELIVERY_METHOD_LABELS[m] }))}
            />
          </Form.Item>
        );
      default:
        return null;
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
              {archived && <Tag>已归档 {detail.archivedOn}</Tag>}
            </Space>
          }
        >
          {detail.duplicates.sameApplicant.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message="该申请人此前申请过相似的信息（是否属于重复申请，见条例第三十六条第六项；按件收费时亦计入本月件数）"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {detail.duplicates.sameApplicant.map((s) => (
                    <li key={s.id}>
                      <a href={`/admin/applications/${s.id}`}>{s.trackingCode}</a> {s.infoTitle}（
                      {s.receivedOn ?? '待确认'}）
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          {detail.duplicates.suggestProactive && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`近一年另有 ${detail.duplicates.otherApplicants} 位申请人申请过相同的信息：可以纳入主动公开范围（条例第四十四条）`}
            />
          )}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="查询码">{a.trackingCode}</Descriptions.Item>
            <Descriptions.Item label="渠道">{CHANNEL_LABELS[a.channel]}</Descriptions.Item>
            <Descriptions.Item label="申请人">
              {a.applicantName}（{APPLICANT_CATEGORY_LABELS[a.applicantKind]}）
            </Descriptions.Item>
            <Descriptions.Item label="证件号码">
              {idNumber ?? a.idNumberMasked}
              {idNumber === undefined && canHandle && a.idNumberMasked !== '' && (
                <Button type="link" size="small" onClick={() => void reveal()}>
                  显示完整号码
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">{a.phone}</Descriptions.Item>
            <Descriptions.Item label="联系人">{a.contactName || '—'}</Descriptions.Item>
            <Descriptions.Item label="电子邮箱">{a.email || '—'}</Descriptions.Item>
            <Descriptions.Item label="通信地址">
              {[a.address, a.postcode].filter(Boolean).join(' ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="文号">{a.infoDocNo || '—'}</Descriptions.Item>
            <Descriptions.Item label="获取形式与方式">
              {FORM_LABELS[a.infoForm]}，{DELIVERY_LABELS[a.delivery]}
            </Descriptions.Item>
            <Descriptions.Item label="描述" span={2}>
              {a.infoDescription || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="经办人">{detail.handler?.name ?? '未分配'}</Descriptions.Item>
            <Descriptions.Item label="法制审核">
              {detail.legalReviewRequired ? '答复前须经法制审核' : '本机关未要求'}
            </Descriptions.Item>
            {a.outcomeCode && (
              <Descriptions.Item label="办理结果" span={2}>
                {outcomeLabel(a.outcomeCode)}
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
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '事项', dataIndex: 'label', width: 140 },
              {
                title: '内容',
                key: 'details',
                render: (_: unknown, e: Detail['events'][number]) =>
                  [detailsText(e), e.note].filter(Boolean).join('；') || '—',
              },
              {
                title: '登记',
                key: 'by',
                width: 150,
                render: (_: unknown, e: Detail['events'][number]) => (
                  <>
                    {e.userName}
                    <div style={{ color: '#888', fontSize: 12 }}>{beijing(e.at)}</div>
                  </>
                ),
              },
            ]}
          />
          {steps.length > 0 && !archived && (
            <Form form={form} layout="vertical" style={{ marginTop: 16, maxWidth: 640 }} aria-label="登记办理事项">
              <Space wrap align="start">
                <Form.Item label="办理事项" name="type" rules={[{ required: true, message: '请选择事项' }]}>
                  <Select
                    aria-label="办理事项"
                    placeholder="办理事项"
                    showSearch={{ optionFilterProp: 'label' }}
                    options={steps}
                    style={{ width: 240 }}
                  />
                </Form.Item>
                <Form.Item label="日期" name="date" rules={[{ required: true, message: '请填写日期' }]}>
                  <Input aria-label="日期" type="date" />
                </Form.Item>
              </Space>
              <Form.Item noStyle shouldUpdate={(p, n) => p['type'] !== n['type']}>
                {() => stepFields(form.getFieldValue('type') as string | undefined)}
              </Form.Item>
              <Form.Item label="说明" name="note">
                <Input.TextArea
                  aria-label="说明"
                  placeholder="说明（可选；补正的，写明需要补正的事项）"
                  rows={2}
                  maxLength={500}
                />
              </Form.Item>
              <Button type="primary" loading={saving} onClick={() => void record()}>
                登记
              </Button>
            </Form>
          )}
        </Card>
        <AppealsCard applicationId={id} appeals={detail.appeals} canEdit={canHandle} onSaved={load} />
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
            {d.feePaymentDue && <Descriptions.Item label="缴费期限">{d.feePaymentDue}</Descriptions.Item>}
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
        {canHandle && !archived && (
          <Card title="出具文书" size="small" style={{ marginTop: 16 }}>
            <Space wrap>
              {detail.letters.map((l) => (
                <Button key={l.kind} size="small" onClick={() => setLetter(l)}>
                  {l.label}
                </Button>
              ))}
            </Space>
          </Card>
        )}
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
          {canHandle && !archived && (
            <Space>
              <Select
                aria-label="上传文件类型"
                size="small"
                value={uploadKind}
                onChange={setUploadKind}
                options={[
                  { value: 'scan', label: '扫描件' },
                  { value: 'released', label: '提供给申请人的信息' },
                ]}
                style={{ width: 170 }}
              />
              <Upload
                showUploadList={false}
                beforeUpload={(file) => {
                  void apiUpload(
                    '/api/applications/{id}/scans',
                    { path: { id }, query: { kind: uploadKind } },
                    file,
                  ).then(
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
                  上传文件
                </Button>
              </Upload>
            </Space>
          )}
        </Card>
      </Col>
      {letter !== undefined && (
        <LetterDialog
          applicationId={id}
          letter={letter}
          onClose={() => setLetter(undefined)}
          onIssued={async () => {
            setLetter(undefined);
            await load();
          }}
        />
      )}
    </Row>
  );
}
