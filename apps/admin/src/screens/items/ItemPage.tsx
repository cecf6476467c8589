import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  DISCLOSURE_KINDS,
  DISCLOSURE_LABELS,
  GENRES,
  REVIEW_STAGE_LABELS,
  REVIEW_STEP_LABELS,
  SECRECY_VERDICT_LABELS,
  SUMMARY_MAX,
  TOPICS,
  VALIDITY_KINDS,
  VALIDITY_LABELS,
  type ReviewStage,
} from '@xxgk/core';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Timeline,
  TreeSelect,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, apiUpload, ApiError, formErrors } from '../../api.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';
import { beijing } from '../../texts.ts';
import { toTreeData } from './ItemsPage.tsx';
import { StatusTag } from './StatusTag.tsx';
import type { Json, RequestBody } from '../../api/types.ts';
import type { Column, ItemDetail, SubmissionCheck } from './types.ts';

type Dialog =
  | { kind: 'approve'; stage: ReviewStage }
  | { kind: 'secrecy' }
  | { kind: 'return' }
  | { kind: 'withdraw' }
  | { kind: 'diff'; version: number };

type Diff = Json<'/api/items/{id}/versions/{version}/diff'>;

/** The item form's fields (the body comes from the editor beside it). */
type ItemForm = Omit<RequestBody<'/api/agencies/{id}/items', 'post'>, 'bodyHtml'>;

/** The review dialog's fields, by dialog: approve, secrecy, return (opinion) or withdraw (reason). */
type DialogForm = Partial<
  RequestBody<'/api/items/{id}/approve', 'post'> &
    RequestBody<'/api/items/{id}/secrecy', 'post'> &
    RequestBody<'/api/items/{id}/withdraw', 'post'>
>;

const STEP_COLORS: Record<string, string> = { return: 'red', withdraw: 'red', secrecy: 'purple', submit: 'blue' };

function verdictText(step: string, verdict: string | null): string {
  if (step === 'secrecy' && (verdict === 'clear' || verdict === 'not_clear')) {
    return SECRECY_VERDICT_LABELS[verdict];
  }
  return verdict === 'approve' ? '通过' : '';
}

/** One item: the form while it is being written, the review panel, attachments and versions. */
export default function ItemPage() {
  const me = useMe();
  const params = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { current } = useAgencyScope();
  const isNew = params['id'] === 'new';
  const itemId = isNew ? undefined : Number(params['id']);
  const [item, setItem] = useState<ItemDetail | undefined>();
  const [columns, setColumns] = useState<Column[]>([]);
  const [body, setBody] = useState('');
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [diff, setDiff] = useState<Diff | undefined>();
  const [busy, setBusy] = useState(false);
  const [linkOptions, setLinkOptions] = useState<{ value: number; label: string }[]>([]);
  const [linkChoice, setLinkChoice] = useState<number | undefined>();
  const [check, setCheck] = useState<SubmissionCheck | undefined>();
  const [form] = Form.useForm();
  const [dialogForm] = Form.useForm();
  const agencyId = item?.agencyId ?? current ?? me.user.agency.id;

  const show = useCallback((detail: ItemDetail) => {
    setItem(detail);
    setBody(detail.content.bodyHtml);
  }, []);

  // Fill the form once it is on the page: the first time an item arrives, the <Form> mounts in the
  // same render, and values set on an unmounted form would be lost.
  const editing = item !== undefined && item.actions.edit;
  useEffect(() => {
    if (item !== undefined && editing) {
      form.setFieldsValue({ ...item.content, columnId: item.columnId });
    }
  }, [item, editing, form]);

  useEffect(() => {
    if (itemId !== undefined) {
      void api
        .get('/api/items/{id}', { path: { id: itemId } })
        .then(show, (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'));
    } else {
      form.setFieldsValue({
        publisher: me.user.agency.name,
        topic: '综合政务',
        genre: '其他',
        disclosure: 'active',
        validity: 'none',
      });
    }
  }, [itemId, show, form, me.user.agency.name, message]);

  useEffect(() => {
    void api.get('/api/agencies/{id}/catalog', { path: { id: agencyId } }).then((r) => setColumns(r.columns));
  }, [agencyId]);

  const editable = isNew || item?.actions.edit === true;

  const save = async (): Promise<ItemDetail | undefined> => {
    const values: ItemForm = await form.validateFields();
    setBusy(true);
    try {
      const payload = { ...values, bodyHtml: body };
      const saved =
        itemId === undefined
          ? await api.post('/api/agencies/{id}/items', { path: { id: agencyId }, body: payload })
          : await api.put('/api/items/{id}', { path: { id: itemId }, body: payload });
      show(saved);
      message.success('已保存');
      if (isNew) {
        void navigate(`/items/${saved.id}`, { replace: true });
      }
      return saved;
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** One review step on the item (its id given to `step`), then the answer shown. */
  const act = async (step: (id: number) => Promise<ItemDetail>, done: string) => {
    if (item === undefined) {
      return;
    }
    setBusy(true);
    try {
      show(await step(item.id));
      message.success(done);
      setDialog(undefined);
    } catch (e) {
      dialogForm.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const runCheck = async (id: number): Promise<SubmissionCheck> => {
    const result = await api.post('/api/items/{id}/check', { path: { id } });
    setCheck(result);
    return result;
  };

  /** 送审前检查 without sending: save, then show what the scanner finds. */
  const checkNow = async () => {
    const saved = await save();
    if (saved !== undefined) {
      const result = await runCheck(saved.id);
      if (result.findings.length === 0) {
        message.success('检查通过，没有发现问题');
      }
    }
  };

  const submit = async () => {
    const saved = await save();
    if (saved === undefined) {
      return;
    }
    setBusy(true);
    try {
      show(await api.post('/api/items/{id}/submit', { path: { id: saved.id }, body: {} }));
      setCheck(undefined);
      message.success('已送审，等待初审');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED') {
        await runCheck(saved.id);
        message.error('送审前检查发现须改正的问题，请按提示修改后再送审');
      } else {
        message.error(e instanceof ApiError ? e.message : '操作失败');
      }
    } finally {
      setBusy(false);
    }
  };

  const refreshAfterDismiss = () => {
    if (item === undefined) {
      return;
    }
    void api.get('/api/items/{id}', { path: { id: item.id } }).then(show);
    if (check !== undefined) {
      void runCheck(item.id);
    }
  };
  const canDismiss =
    item !== undefined &&
    (me.user.permissions['scan.dismiss'] === 'subtree' ||
      (me.user.permissions['scan.dismiss'] === 'own' && item.agencyId === me.user.agency.id));

  const confirmDialog = async () => {
    if (dialog === undefined || dialog.kind === 'diff') {
      setDialog(undefined);
      return;
    }
    const values: DialogForm = await dialogForm.validateFields();
    switch (dialog.kind) {
      case 'approve': {
        const publishAt = values.publishAt ? `${values.publishAt}:00+08:00` : undefined;
        const { stage } = dialog;
        await act(
          (id) =>
            api.post('/api/items/{id}/approve', {
              path: { id },
              body: { stage, opinion: values.opinion ?? '', ...(publishAt ? { publishAt } : {}) },
            }),
          dialog.stage === 'final'
            ? publishAt
              ? '终审通过，已安排定时发布'
              : '终审通过，已发布'
            : `${REVIEW_STAGE_LABELS[dialog.stage]}通过`,
        );
        break;
      }
      case 'secrecy':
        await act(
          (id) =>
            api.post('/api/items/{id}/secrecy', {
              path: { id },
              body: { verdict: values.verdict ?? 'clear', opinion: values.opinion ?? '' },
            }),
          '保密审查意见已记录',
        );
        break;
      case 'return':
        await act(
          (id) => api.post('/api/items/{id}/return', { path: { id }, body: { opinion: values.opinion ?? '' } }),
          '已退回修改',
        );
        break;
      case 'withdraw':
        await act(
          (id) => api.post('/api/items/{id}/withdraw', { path: { id }, body: { reason: values.reason ?? '' } }),
          '已撤稿，门户网站和检索中已不再显示',
        );
        break;
    }
  };

  const canLink =
    item !== undefined && me.user.permissions['item.write'] !== undefined && item.agencyId === me.user.agency.id;

  const searchLinkable = async (title: string) => {
    if (item === undefined || title.trim() === '') {
      return;
    }
    const result = await api.get('/api/agencies/{id}/items', {
      path: { id: item.agencyId },
      query: { status: 'published', pageSize: 20, title: title.trim() },
    });
    setLinkOptions(result.rows.filter((r) => r.id !== item.id).map((r) => ({ value: r.id, label: r.title })));
  };

  const setLink = async (interpretationId: number, linked: boolean) => {
    if (item === undefined) {
      return;
    }
    try {
      const link = { path: { id: item.id, otherId: interpretationId } };
      await (linked
        ? api.put('/api/items/{id}/interpretations/{otherId}', link)
        : api.delete('/api/items/{id}/interpretations/{otherId}', link));
      show(await api.get('/api/items/{id}', { path: { id: item.id } }));
      setLinkChoice(undefined);
      message.success(linked ? '已关联，两篇信息的页面都会显示对方' : '已取消关联');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
    }
  };

  const openDiff = async (version: number) => {
    if (item === undefined) {
      return;
    }
    setDiff(await api.get('/api/items/{id}/versions/{version}/diff', { path: { id: item.id, version } }));
    setDialog({ kind: 'diff', version });
  };

  if (!isNew && item === undefined) {
    return <Spin style={{ margin: 48 }} />;
  }
  const a = item?.actions;
  const c = item?.content;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          title={
            <Space wrap>
              <span>{isNew ? '新建信息' : (c?.title ?? '')}</span>
              {item && (
                <StatusTag status={item.status} stage={item.reviewStage} working={item.workingVersion !== null} />
              )}
            </Space>
          }
          extra={
            item?.status === 'published' ? (
              <a href={`/items/${item.id}`} target="_blank" rel="noreferrer">
                在门户网站查看
              </a>
            ) : null
          }
        >
          {editable ? (
            <Form form={form} layout="vertical" disabled={busy}>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="columnId" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
                    <TreeSelect
                      showSearch
                      treeNodeFilterProp="title"
                      treeDefaultExpandAll
                      treeData={toTreeData(columns)}
                      placeholder="选择栏目"
                      disabled={item !== undefined && item.status !== 'draft'}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="publisher" label="发布机构" rules={[{ required: true, message: '请填写发布机构' }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="docNo"
                    label="发文字号"
                    extra="如 示财预〔2026〕12号；年份用六角括号，序号不加“第”、不编虚位"
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="writtenOn" label="成文日期">
                    <Input type="date" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="validity" label="有效性">
                    <Select
                      options={VALIDITY_KINDS.map((v) => ({
                        value: v,
                        label: v === 'none' ? '不适用' : VALIDITY_LABELS[v],
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="topic" label="主题分类">
                    <Select options={TOPICS.map((t) => ({ value: t, label: t }))} showSearch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="genre" label="体裁分类">
                    <Select options={GENRES.map((g) => ({ value: g, label: g }))} showSearch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="disclosure" label="公开属性">
                    <Select options={DISCLOSURE_KINDS.map((d) => ({ value: d, label: DISCLOSURE_LABELS[d] }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                noStyle
                shouldUpdate={(p: { disclosure?: string }, n: { disclosure?: string }) => p.disclosure !== n.disclosure}
              >
                {() =>
                  form.getFieldValue('disclosure') === 'withheld' ? (
                    <Form.Item
                      name="withheldReason"
                      label="不予公开的理由和依据"
                      rules={[{ required: true, message: '请写明理由' }]}
                    >
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name="keywords" label="关键词">
                <Input maxLength={100} placeholder="用逗号分隔" />
              </Form.Item>
              <Form.Item name="summary" label="内容概述">
                <Input.TextArea rows={2} maxLength={SUMMARY_MAX} showCount />
              </Form.Item>
              <Form.Item label="正文" extra="可直接从 Word 或 WPS 粘贴；保存时自动清除多余格式。">
                <RichTextEditor value={body} onChange={setBody} label="正文" />
              </Form.Item>
              {item !== undefined && item.status !== 'draft' && (
                <Form.Item
                  name="changeNote"
                  label="修订说明"
                  rules={[{ required: true, message: '请说明本次修订改了什么' }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
              )}
              <Space>
                <Button onClick={() => void save()} loading={busy}>
                  保存
                </Button>
                {!isNew && (
                  <Button onClick={() => void checkNow()} loading={busy}>
                    送审前检查
                  </Button>
                )}
                <Button type="primary" onClick={() => void submit()} loading={busy}>
                  保存并送审
                </Button>
              </Space>
            </Form>
          ) : (
            c && (
              <>
                <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label="索引号">{item?.indexNo ?? '（发布时生成）'}</Descriptions.Item>
                  <Descriptions.Item label="栏目">{item?.columnName}</Descriptions.Item>
                  <Descriptions.Item label="发文字号">{c.docNo || '—'}</Descriptions.Item>
                  <Descriptions.Item label="发布机构">{c.publisher}</Descriptions.Item>
                  <Descriptions.Item label="成文日期">{c.writtenOn || '—'}</Descriptions.Item>
                  <Descriptions.Item label="发布日期">{beijing(item?.publishedAt) || '—'}</Descriptions.Item>
                  <Descriptions.Item label="主题分类">{c.topic}</Descriptions.Item>
                  <Descriptions.Item label="体裁分类">{c.genre}</Descriptions.Item>
                  <Descriptions.Item label="公开属性">{DISCLOSURE_LABELS[c.disclosure]}</Descriptions.Item>
                  <Descriptions.Item label="有效性">
                    {c.validity === 'none' ? '—' : VALIDITY_LABELS[c.validity]}
                  </Descriptions.Item>
                  <Descriptions.Item label="内容概述" span={2}>
                    {c.summary || '—'}
                  </Descriptions.Item>
                </Descriptions>
                <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 24 }}>
                  {c.title}
                </Typography.Title>
                {/* The body was sanitized by the server when it was saved. */}
                <div className="item-body-view" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
              </>
            )
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        {item && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Card title="审核与发布" size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="索引号">{item.indexNo ?? '发布时生成'}</Descriptions.Item>
                {item.scheduledFor && (
                  <Descriptions.Item label="定时发布">{beijing(item.scheduledFor)}</Descriptions.Item>
                )}
                {item.withdrawnReason && <Descriptions.Item label="撤稿理由">{item.withdrawnReason}</Descriptions.Item>}
              </Descriptions>
              {check !== undefined ? (
                check.findings.length > 0 && (
                  <FindingsPanel
                    title={check.blocking.length > 0 ? '送审前检查：须改正后才能送审' : '送审前检查'}
                    findings={check.findings}
                    blocking={new Set(check.blocking.map((f) => f.fingerprint))}
                    itemId={item.id}
                    canDismiss={canDismiss}
                    onDismissed={refreshAfterDismiss}
                  />
                )
              ) : (
                <FindingsPanel
                  title="送审时检查提示"
                  findings={item.findings}
                  itemId={item.id}
                  canDismiss={canDismiss}
                  onDismissed={refreshAfterDismiss}
                />
              )}
              <FindingsPanel
                title="日常检查发现（已发布内容，请修订整改）"
                findings={item.scanFindings}
                itemId={item.id}
                canDismiss={canDismiss}
                onDismissed={refreshAfterDismiss}
              />
              <Space wrap>
                {a?.approve && (
                  <Button
                    type="primary"
                    onClick={() => {
                      dialogForm.resetFields();
                      setDialog({ kind: 'approve', stage: a.approve as ReviewStage });
                    }}
                  >
                    {REVIEW_STAGE_LABELS[a.approve]}通过
                  </Button>
                )}
                {a?.secrecy && (
                  <Button
                    onClick={() => {
                      dialogForm.resetFields();
                      setDialog({ kind: 'secrecy' });
                    }}
                  >
                    保密审查
                  </Button>
                )}
                {a?.sendBack && (
                  <Button
                    danger
                    onClick={() => {
                      dialogForm.resetFields();
                      setDialog({ kind: 'return' });
                    }}
                  >
                    退回修改
                  </Button>
                )}
                {a?.revise && (
                  <Button
                    onClick={() =>
                      void act(
                        (id) => api.post('/api/items/{id}/revise', { path: { id }, body: {} }),
                        '已生成修订稿，修订稿发布前原文保持不变',
                      )
                    }
                  >
                    修订
                  </Button>
                )}
                {a?.withdraw && (
                  <Button
                    danger
                    onClick={() => {
                      dialogForm.resetFields();
                      setDialog({ kind: 'withdraw' });
                    }}
                  >
                    撤稿
                  </Button>
                )}
              </Space>
            </Card>
            <Card title="附件" size="small">
              <List
                size="small"
                locale={{ emptyText: '无附件' }}
                dataSource={item.attachments}
                renderItem={(att) => (
                  <List.Item
                    actions={
                      editable
                        ? [
                            <Button
                              key="delete"
                              size="small"
                              type="text"
                              danger
                              aria-label={`删除附件 ${att.fileName}`}
                              icon={<DeleteOutlined />}
                              onClick={() =>
                                void api
                                  .delete('/api/items/{id}/attachments/{attachmentId}', {
                                    path: { id: item.id, attachmentId: att.id },
                                  })
                                  .then(async () => show(await api.get('/api/items/{id}', { path: { id: item.id } })))
                              }
                            />,
                          ]
                        : []
                    }
                  >
                    <a href={`/api/items/${item.id}/attachments/${att.id}`}>
                      <PaperClipOutlined /> {att.fileName}
                    </a>
                    <Typography.Text type="secondary">{Math.max(1, Math.round(att.size / 1024))} KB</Typography.Text>
                  </List.Item>
                )}
              />
              {editable && (
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void apiUpload('/api/items/{id}/attachments', { path: { id: item.id } }, file).then(
                      async () => {
                        message.success(`已上传 ${file.name}`);
                        show(await api.get('/api/items/{id}', { path: { id: item.id } }));
                      },
                      (e: unknown) => message.error(e instanceof ApiError ? e.message : '上传失败'),
                    );
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} size="small">
                    上传附件
                  </Button>
                </Upload>
              )}
            </Card>
            <Card title="政策解读" size="small">
              {item.policies.length > 0 && (
                <>
                  <Typography.Text type="secondary">本文解读的政策文件：</Typography.Text>
                  <ul>
                    {item.policies.map((p) => (
                      <li key={p.id}>
                        <a onClick={() => void navigate(`/items/${p.id}`)}>{p.title}</a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <List
                size="small"
                locale={{ emptyText: '尚未关联解读' }}
                dataSource={item.interpretations}
                renderItem={(i) => (
                  <List.Item
                    actions={
                      canLink
                        ? [
                            <a key="unlink" onClick={() => void setLink(i.id, false)}>
                              取消关联
                            </a>,
                          ]
                        : []
                    }
                  >
                    <a onClick={() => void navigate(`/items/${i.id}`)}>{i.title}</a>
                  </List.Item>
                )}
              />
              {canLink && (
                <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                  <Select
                    aria-label="选择解读"
                    showSearch={{ filterOption: false, onSearch: (v: string) => void searchLinkable(v) }}
                    placeholder="按标题查找已发布的解读"
                    options={linkOptions}
                    value={linkChoice}
                    onChange={(v: number) => setLinkChoice(v)}
                    style={{ flex: 1 }}
                  />
                  <Button
                    disabled={linkChoice === undefined}
                    onClick={() => linkChoice !== undefined && void setLink(linkChoice, true)}
                  >
                    关联
                  </Button>
                </Space.Compact>
              )}
            </Card>
            <Card title="审核记录" size="small">
              {item.reviews.length === 0 ? (
                <Empty description="尚未送审" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Timeline
                  items={item.reviews.map((r) => ({
                    color: STEP_COLORS[r.step] ?? 'green',
                    children: (
                      <>
                        <strong>
                          {REVIEW_STEP_LABELS[r.step]} {verdictText(r.step, r.verdict)}
                        </strong>
                        <div>
                          {r.userName} · {beijing(r.at)} · 第 {r.version} 版
                        </div>
                        {r.opinion && <div>意见：{r.opinion}</div>}
                      </>
                    ),
                  }))}
                />
              )}
            </Card>
            {item.versions.length > 1 && (
              <Card title="版本" size="small">
                <List
                  size="small"
                  dataSource={[...item.versions].reverse()}
                  renderItem={(v) => (
                    <List.Item
                      actions={
                        v.version > 1
                          ? [
                              <a key="diff" onClick={() => void openDiff(v.version)}>
                                查看修改
                              </a>,
                            ]
                          : []
                      }
                    >
                      第 {v.version} 版 · {beijing(v.createdAt)} {v.changeNote && `· ${v.changeNote}`}
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        )}
      </Col>
      <Modal
        open={dialog !== undefined}
        title={
          dialog === undefined
            ? ''
            : dialog.kind === 'approve'
              ? `${REVIEW_STAGE_LABELS[dialog.stage]}通过`
              : dialog.kind === 'secrecy'
                ? '保密审查意见'
                : dialog.kind === 'return'
                  ? '退回修改'
                  : dialog.kind === 'withdraw'
                    ? '撤稿'
                    : `第 ${dialog.version} 版的修改`
        }
        okText={dialog?.kind === 'diff' ? '关闭' : '确定'}
        confirmLoading={busy}
        onOk={() => void confirmDialog()}
        onCancel={() => setDialog(undefined)}
        destroyOnHidden
        width={dialog?.kind === 'diff' ? 800 : 520}
      >
        {dialog?.kind === 'diff' ? (
          <div>
            {diff?.changeNote && <p>修订说明：{diff.changeNote}</p>}
            {diff?.changes.map((change) => (
              <div key={change.field} style={{ marginBottom: 12 }}>
                <Typography.Text strong>{change.label}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>
                  {change.parts.map((p, i) => (
                    <span key={i} className={p.added ? 'diff-added' : p.removed ? 'diff-removed' : undefined}>
                      {p.value}
                    </span>
                  ))}
                </div>
              </div>
            ))}
          </div>
        ) : (
          <Form form={dialogForm} layout="vertical">
            {dialog?.kind === 'secrecy' && (
              <Form.Item name="verdict" label="结论" rules={[{ required: true, message: '请选择结论' }]}>
                <Radio.Group
                  options={(['clear', 'not_clear'] as const).map((v) => ({
                    value: v,
                    label: SECRECY_VERDICT_LABELS[v],
                  }))}
                />
              </Form.Item>
            )}
            {dialog?.kind === 'withdraw' ? (
              <Form.Item name="reason" label="撤稿理由" rules={[{ required: true, message: '请写明撤稿理由' }]}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            ) : (
              <Form.Item
                name="opinion"
                label={dialog?.kind === 'return' ? '退回意见' : dialog?.kind === 'secrecy' ? '审查意见' : '审核意见'}
                rules={dialog?.kind === 'approve' ? [] : [{ required: true, message: '请填写意见' }]}
              >
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            )}
            {dialog?.kind === 'approve' && dialog.stage === 'final' && item?.status === 'draft' && (
              <Form.Item name="publishAt" label="定时发布（北京时间，留空则立即发布）">
                <Input type="datetime-local" />
              </Form.Item>
            )}
          </Form>
        )}
      </Modal>
    </Row>
  );
}
