import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { api, apiUpload, ApiError } from '../../api.ts';
import { thisYear as serverYear } from '../../clock.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import type { Json } from '../../api/types.ts';
import '../reports/report-table.css';

type Draft = Json<'/api/agencies/{id}/reports/{year}'>;
type Finding = Draft['report']['findings'][number];
type Drill = Json<'/api/agencies/{id}/reports/{year}/cells'>;
type StatusRow = Json<'/api/reports/status'>['agencies'][number];

const SEVERITY = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'orange', label: '警告' },
  info: { color: 'blue', label: '提示' },
} as const;
const STATUS_COLOR = {
  new: 'default',
  draft: 'blue',
  submitted: 'orange',
  returned: 'red',
  published: 'green',
} as const;
const TITLES: Record<string, string> = {
  '1': '一、总体情况',
  '5': '五、存在的主要问题及改进情况',
  '6': '六、其他需要报告的事项',
};

const keyOf = (f: Finding) => `${f.rule}:${f.cells.join(',')}`;

/**
 * 年度报告: the year's report for the agency in scope — tables computed from the registers (every
 * number opens onto its records), the narrative written here with autosave, warnings explained,
 * submitted to the 政务公开办, returned with comments or approved (published), reopened with a reason.
 */
export default function AnnualReportPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { current, agencies, setCurrent } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const thisYear = serverYear();
  const [year, setYear] = useState(thisYear - 1);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [sections, setSections] = useState<Record<string, string>>({});
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [savedAt, setSavedAt] = useState<string | undefined>();
  const [drill, setDrill] = useState<Drill | undefined>();
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [importedOn, setImportedOn] = useState('');
  const [statuses, setStatuses] = useState<StatusRow[]>([]);
  const lock = useRef(0);
  const dirty = useRef(false);
  const canReviewAny = me.user.permissions['report.review'] !== undefined;

  const apply = useCallback((d: Draft) => {
    setDraft(d);
    lock.current = d.lockVersion;
    setSections(Object.fromEntries(d.report.sections.map((s) => [String(s.number), s.text ?? ''])));
    setExplanations(d.explanations);
    dirty.current = false;
  }, []);

  const load = useCallback(async () => {
    setDraft(undefined);
    apply(await api.get('/api/agencies/{id}/reports/{year}', { path: { id: agencyId, year } }));
    if (canReviewAny) {
      setStatuses((await api.get('/api/reports/status', { query: { year } })).agencies);
    }
  }, [agencyId, year, apply, canReviewAny]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(async () => {
    if (!dirty.current) {
      return;
    }
    dirty.current = false;
    try {
      const result = await api.put('/api/agencies/{id}/reports/{year}', {
        path: { id: agencyId, year },
        body: { sections, explanations, lockVersion: lock.current },
      });
      lock.current = result.lockVersion;
      setSavedAt(new Date(result.savedAt).toLocaleTimeString('zh-CN', { hour12: false }));
      // The checks follow the text (R6 reads the numbers quoted in it); the text being typed stays as it is.
      const fresh = await api.get('/api/agencies/{id}/reports/{year}', { path: { id: agencyId, year } });
      setDraft((d) =>
        d === undefined
          ? fresh
          : {
              ...d,
              report: { ...d.report, findings: fresh.report.findings },
              status: fresh.status,
              statusLabel: fresh.statusLabel,
            },
      );
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '自动保存失败');
    }
  }, [agencyId, year, sections, explanations, message]);

  // Autosave a moment after typing stops.
  useEffect(() => {
    if (!dirty.current) {
      return;
    }
    const timer = setTimeout(() => void save(), 1200);
    return () => clearTimeout(timer);
  }, [sections, explanations, save]);

  const act = async (label: string, call: () => Promise<Draft>) => {
    setBusy(true);
    try {
      await save();
      apply(await call());
      message.success(label);
      if (canReviewAny) {
        setStatuses((await api.get('/api/reports/status', { query: { year } })).agencies);
      }
    } catch (e) {
      Modal.error({ title: `${label}未完成`, content: e instanceof ApiError ? e.message : '操作失败' });
    } finally {
      setBusy(false);
    }
  };

  const open = async (event: MouseEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest('[data-cell]')?.getAttribute('data-cell');
    if (cell === null || cell === undefined) {
      return;
    }
    try {
      setDrill(
        await api.get('/api/agencies/{id}/reports/{year}/cells', { path: { id: agencyId, year }, query: { cell } }),
      );
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '无法读取');
    }
  };

  const keepAsTemplate = async (n: string) => {
    try {
      const body = (sections[n] ?? '').replaceAll(String(year), '{年度}');
      await api.put('/api/agencies/{id}/report-templates/{section}', {
        path: { id: agencyId, section: Number(n) },
        body: { body },
      });
      message.success('已存为本机关模板：以后年度的报告从这段文字开始（年份自动替换）');
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const text = (n: string, rows: number) => (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5}>{TITLES[n]}</Typography.Title>
        {(n === '5' || n === '6') && draft?.canEdit === true && (
          <Button size="small" onClick={() => void keepAsTemplate(n)}>
            存为本机关模板
          </Button>
        )}
      </Space>
      <Input.TextArea
        aria-label={TITLES[n]}
        rows={rows}
        value={sections[n] ?? ''}
        readOnly={draft?.canEdit !== true}
        onChange={(e) => {
          dirty.current = true;
          setSections({ ...sections, [n]: e.target.value });
        }}
      />
    </>
  );

  return (
    <Card
      title={
        <Space wrap>
          {`${agencyName}政府信息公开工作年度报告（${year}年度）`}
          {draft && <Tag color={STATUS_COLOR[draft.status]}>{draft.statusLabel}</Tag>}
          {savedAt && draft?.canEdit && <Typography.Text type="secondary">已自动保存 {savedAt}</Typography.Text>}
        </Space>
      }
      extra={
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({ value: y, label: `${y}年度` }))}
        />
      }
    >
      {canReviewAny && statuses.length > 0 && (
        <Table<StatusRow>
          rowKey="agencyId"
          size="small"
          style={{ marginBottom: 16 }}
          pagination={false}
          dataSource={statuses}
          columns={[
            {
              title: '机关',
              dataIndex: 'agencyName',
              render: (name: string, r) => (
                <Button type="link" size="small" onClick={() => setCurrent(r.agencyId)}>
                  {name}
                </Button>
              ),
            },
            {
              title: `${year}年度报告`,
              key: 'status',
              render: (_: unknown, r) => (
                <Tag color={STATUS_COLOR[r.status as keyof typeof STATUS_COLOR]}>{r.statusLabel}</Tag>
              ),
            },
            { title: '公布期限', dataIndex: 'deadline', width: 110 },
            {
              title: '校验',
              key: 'findings',
              render: (_: unknown, r) =>
                r.errors + r.warnings === 0 ? (
                  <Tag color="green">通过</Tag>
                ) : (
                  <Space>
                    {r.errors > 0 && <Tag color="red">错误 {r.errors}</Tag>}
                    {r.warnings > 0 && <Tag color="orange">警告 {r.warnings}</Tag>}
                  </Space>
                ),
            },
          ]}
        />
      )}
      {draft === undefined ? (
        <Spin />
      ) : (
        <>
          {draft.status === 'returned' && draft.reviewComment && (
            <Alert
              type="error"
              showIcon
              title="政务公开办退回意见"
              description={draft.reviewComment}
              style={{ marginBottom: 16 }}
            />
          )}
          {draft.consolidation && (
            <Alert
              type={draft.consolidation.missing.length > 0 ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              title={`本报告汇总本级和 ${draft.consolidation.included.length} 个所属机关已发布的年度报告`}
              description={
                draft.consolidation.missing.length > 0
                  ? `尚未发布、未计入：${draft.consolidation.missing.map((m) => m.agencyName).join('、')}`
                  : '所属机关均已发布'
              }
            />
          )}
          {draft.reopenReason && draft.status !== 'published' && (
            <Alert type="info" showIcon title={`重新打开的理由：${draft.reopenReason}`} style={{ marginBottom: 16 }} />
          )}
          <Space wrap style={{ marginBottom: 16 }}>
            {draft.canEdit && (
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  void act('已提交审核', () =>
                    api.post('/api/agencies/{id}/reports/{year}/submit', { path: { id: agencyId, year } }),
                  )
                }
              >
                提交审核
              </Button>
            )}
            {draft.status === 'published' && me.user.permissions['report.edit'] !== undefined && (
              <Button
                onClick={() => {
                  let reason = '';
                  Modal.confirm({
                    title: '重新打开已发布的报告',
                    content: (
                      <Input.TextArea
                        aria-label="重新打开的理由"
                        rows={3}
                        onChange={(e) => (reason = e.target.value)}
                      />
                    ),
                    okText: '重新打开',
                    cancelText: '取消',
                    onOk: () =>
                      act('已重新打开', () =>
                        api.post('/api/agencies/{id}/reports/{year}/reopen', {
                          path: { id: agencyId, year },
                          body: { reason },
                        }),
                      ),
                  });
                }}
              >
                重新打开
              </Button>
            )}
            {draft.status === 'new' && me.user.permissions['report.edit'] !== undefined && (
              <Space>
                <Input
                  aria-label="原报告发布日期"
                  type="date"
                  value={importedOn}
                  onChange={(e) => setImportedOn(e.target.value)}
                  style={{ width: 160 }}
                />
                <Upload
                  accept=".docx,.pdf,.html,.htm,.txt"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void act('已导入已发布的报告', () =>
                      apiUpload('/api/agencies/{id}/reports/{year}/import', { path: { id: agencyId, year } }, file, {
                        publishedOn: importedOn,
                      }),
                    );
                    return false;
                  }}
                >
                  <Button>导入本年度已发布的报告（使用本平台之前）</Button>
                </Upload>
              </Space>
            )}
            {draft.versions.length > 0 && (
              <Button href={`/agencies/${agencyId}/reports/${year}`} target="_blank">
                在门户查看（第 {draft.versions[0]?.version} 版）
              </Button>
            )}
          </Space>
          {draft.canReview && (
            <Card size="small" title="审核" style={{ marginBottom: 16 }}>
              <Input.TextArea
                aria-label="审核意见"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <Space style={{ marginTop: 8 }}>
                <Button
                  danger
                  loading={busy}
                  onClick={() =>
                    void act('已退回', () =>
                      api.post('/api/agencies/{id}/reports/{year}/review', {
                        path: { id: agencyId, year },
                        body: { decision: 'return', comment },
                      }),
                    )
                  }
                >
                  退回修改
                </Button>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() =>
                    void act('已批准发布', () =>
                      api.post('/api/agencies/{id}/reports/{year}/review', {
                        path: { id: agencyId, year },
                        body: { decision: 'approve', comment },
                      }),
                    )
                  }
                >
                  批准发布
                </Button>
              </Space>
            </Card>
          )}
          {draft.report.findings.length === 0 ? (
            <Alert type="success" showIcon title="全部勾稽关系校验通过（R1–R12）" style={{ marginBottom: 16 }} />
          ) : (
            <List
              size="small"
              style={{ marginBottom: 16 }}
              header="校验结果（错误须更正；警告须书面说明后方可提交）"
              dataSource={draft.report.findings}
              renderItem={(f) => (
                <List.Item>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space align="start">
                      <Tag color={SEVERITY[f.severity].color}>
                        {f.rule}·{SEVERITY[f.severity].label}
                      </Tag>
                      <span>{f.message}</span>
                    </Space>
                    {f.severity === 'warning' && (
                      <Input
                        aria-label={`${f.rule}的说明`}
                        placeholder="说明（如：含转办件）"
                        readOnly={!draft.canEdit}
                        value={explanations[keyOf(f)] ?? ''}
                        onChange={(e) => {
                          dirty.current = true;
                          setExplanations({ ...explanations, [keyOf(f)]: e.target.value });
                        }}
                      />
                    )}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {text('1', 8)}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            表二至表四由本平台的登记数据计算；点击数字查看其背后的记录。
          </Typography.Paragraph>
          <div
            className="checked-tables drillable"
            role="presentation"
            onClick={(e) => void open(e)}
            dangerouslySetInnerHTML={{ __html: draft.tablesHtml }}
          />
          {text('5', 6)}
          {draft.lastYearSectionFive && (
            <Alert
              type="info"
              title="上年度报告第五部分（供参考）"
              description={draft.lastYearSectionFive}
              style={{ marginTop: 8 }}
            />
          )}
          <div style={{ marginTop: 16 }}>{text('6', 4)}</div>
          {draft.versions.length > 0 && (
            <Table
              rowKey="version"
              size="small"
              style={{ marginTop: 16 }}
              pagination={false}
              title={() => '发布版本'}
              dataSource={draft.versions}
              columns={[
                { title: '版本', dataIndex: 'version', width: 70 },
                { title: '发布日期', dataIndex: 'publishedOn', width: 110 },
                { title: '批准人', dataIndex: 'approvedBy', width: 160 },
                { title: '重新打开理由', dataIndex: 'reason', render: (v: string) => v || '—' },
                { title: '修改内容', dataIndex: 'changes' },
              ]}
            />
          )}
        </>
      )}
      <Drawer
        open={drill !== undefined}
        onClose={() => setDrill(undefined)}
        width={560}
        title={drill === undefined ? '' : `${drill.label}：${drill.value ?? '空'}（${drill.records.length} 条记录）`}
      >
        <List
          size="small"
          dataSource={drill?.records ?? []}
          locale={{ emptyText: '没有记录' }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={<a href={r.href}>{r.label}</a>} description={r.detail} />
            </List.Item>
          )}
        />
      </Drawer>
    </Card>
  );
}
