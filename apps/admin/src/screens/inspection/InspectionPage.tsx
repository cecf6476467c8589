import { App, Button, Card, Col, Drawer, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api.ts';
import type { Json, Query } from '../../api/types.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';

type Dashboard = Json<'/api/inspection/dashboard'>;
type AgencyInspection = Dashboard['agencies'][number];

/** What a number opens onto: an agency's records of a kind, or a month's items. */
type RecordKind = Query<'/api/inspection/records'>['kind'];
type DrillKind = RecordKind | 'items';
type Row = Json<'/api/inspection/records'>['rows'][number];

const COLUMN_LABELS: Record<string, string> = {
  path: '栏目',
  kind: '类型',
  items: '信息数',
  lastPublishedOn: '最近更新',
  staleOn: '超期日',
  status: '状态',
  title: '信息或页面',
  field: '位置',
  check: '问题类型',
  severity: '程度',
  excerpt: '原文',
  message: '说明',
  suggestion: '建议',
  foundAt: '发现时间',
  state: '状态',
  trackingCode: '查询码',
  receivedOn: '收到日期',
  dueOn: '答复期限',
  decidedOn: '答复日期',
  code: '查询码',
  description: '反映的问题',
  receivedAt: '收到时间',
  agency: '单位',
  indexNo: '索引号',
  publishedOn: '发布日期',
};

const STATUS_TEXT: Record<string, [string, string]> = {
  fresh: ['正常', 'green'],
  due_soon: ['即将超期', 'orange'],
  stale: ['超期未更新', 'red'],
  blank: ['空白栏目', 'red'],
  static: ['静态栏目', 'default'],
};
const KIND_TEXT: Record<string, string> = { dynamic: '动态类', document: '文件类', static: '静态类' };
const HIDDEN = new Set(['id', 'itemId', 'columnId']);

function cellOf(kind: DrillKind, key: string, row: Row) {
  const v = row[key];
  if (key === 'status' && typeof v === 'string') {
    const [text, color] = STATUS_TEXT[v] ?? [v, 'default'];
    return <Tag color={color}>{text}</Tag>;
  }
  if (key === 'kind' && typeof v === 'string') {
    return KIND_TEXT[v] ?? v;
  }
  if (key === 'severity') {
    return <Tag color={v === 'severe' ? 'red' : 'orange'}>{v === 'severe' ? '严重' : '一般'}</Tag>;
  }
  if (key === 'title' && kind === 'findings' && row['itemId'] !== null) {
    return <Link to={`/items/${row['itemId']}`}>{String(v) || `信息 ${row['itemId']}`}</Link>;
  }
  if (key === 'title' && kind === 'items') {
    return <Link to={`/items/${row['itemId']}`}>{String(v)}</Link>;
  }
  if (key === 'title' && kind === 'applications') {
    return <Link to={`/applications/${row['id']}`}>{String(v)}</Link>;
  }
  if (key === 'foundAt' || key === 'receivedAt') {
    return typeof v === 'string' ? v.slice(0, 10) : '';
  }
  return v ?? '—';
}

/** The agency's name without the city's: 财政局, 青山乡政府. */
function short(name: string): string {
  return name.replace(/^示例市/u, '').replace(/人民政府$/u, '政府');
}

/** One horizontal bar per agency (first agency on top), a series per figure. */
function agencyBars(
  agencies: readonly AgencyInspection[],
  series: readonly { name: string; stack: boolean; color: string; value: (a: AgencyInspection) => number }[],
): ChartOption {
  const list = [...agencies].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 110, right: 24, top: 8, bottom: 40 },
    xAxis: { type: 'value', name: '个', minInterval: 1 },
    yAxis: { type: 'category', data: list.map((a) => short(a.agencyName)) },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      ...(s.stack ? { stack: 'total' } : {}),
      color: s.color,
      data: list.map(s.value),
    })),
  };
}

/**
 * 监督工作台 (issue 8 §3): the city at a glance — who would fail an inspection today and why, items
 * published per month, stale and blank columns, scanner findings, applications and their timeliness,
 * last year's annual reports, the public's error reports — with a ranking. Every number opens the
 * records behind it.
 */
export default function InspectionPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [data, setData] = useState<Dashboard>();
  const [scanning, setScanning] = useState(false);
  const [drill, setDrill] = useState<{ title: string; kind: DrillKind; rows: Row[] }>();

  const load = useCallback(() => {
    void api
      .get('/api/inspection/dashboard')
      .then(setData, (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [message]);
  useEffect(load, [load]);

  const open = useCallback(
    (agencyId: number, kind: RecordKind) => {
      void api.get('/api/inspection/records', { query: { agencyId, kind } }).then(
        (r) => setDrill({ ...r, kind }),
        (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'),
      );
    },
    [message],
  );

  const scanNow = async () => {
    setScanning(true);
    try {
      const r = await api.post('/api/inspection/scan');
      message.success(`已检查 ${r.items} 条信息：新发现 ${r.found} 个问题，已整改 ${r.fixed} 个，现存 ${r.open} 个`);
      load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '检查失败');
    } finally {
      setScanning(false);
    }
  };

  const byId = useMemo(() => new Map((data?.agencies ?? []).map((a) => [a.agencyId, a])), [data]);

  const monthly: ChartOption | undefined = useMemo(() => {
    if (data === undefined) {
      return undefined;
    }
    const columns = [...new Set(data.agencies.flatMap((a) => a.itemsByMonth.map((m) => m.column)))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: data.months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: { type: 'value', name: '条' },
      series: columns.map((column) => ({
        name: column,
        type: 'bar',
        stack: 'items',
        data: data.months.map((m) =>
          data.agencies.reduce(
            (s, a) =>
              s + a.itemsByMonth.filter((x) => x.month === m && x.column === column).reduce((t, x) => t + x.count, 0),
            0,
          ),
        ),
      })),
    };
  }, [data]);

  const columnsChart = useMemo(
    () =>
      data &&
      agencyBars(data.agencies, [
        { name: '超期未更新', stack: true, color: '#cf1322', value: (a) => a.freshness.stale },
        { name: '空白栏目', stack: true, color: '#fa8c16', value: (a) => a.freshness.blank },
        { name: '即将超期', stack: true, color: '#fadb14', value: (a) => a.freshness.dueSoon },
      ]),
    [data],
  );
  const findingsChart = useMemo(
    () =>
      data &&
      agencyBars(data.agencies, [
        { name: '严重问题（待整改）', stack: true, color: '#cf1322', value: (a) => a.findings.severe },
        { name: '一般问题（待整改）', stack: true, color: '#fa8c16', value: (a) => a.findings.warning },
        { name: '近30天已整改', stack: false, color: '#389e0d', value: (a) => a.findings.fixed30 },
      ]),
    [data],
  );

  const onMonthClick = useCallback(
    (p: { seriesName: string; dataIndex: number }) => {
      const month = data?.months[p.dataIndex];
      if (month === undefined) {
        return;
      }
      void api.get('/api/inspection/items', { query: { month, column: p.seriesName } }).then(
        (r) => setDrill({ ...r, kind: 'items' }),
        (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'),
      );
    },
    [data, message],
  );

  const agencyAt = useCallback(
    (dataIndex: number) => (data === undefined ? undefined : [...data.agencies].reverse()[dataIndex]),
    [data],
  );
  const onColumnsClick = useCallback(
    (p: { dataIndex: number }) => {
      const a = agencyAt(p.dataIndex);
      if (a !== undefined) {
        open(a.agencyId, 'columns');
      }
    },
    [agencyAt, open],
  );
  const onFindingsClick = useCallback(
    (p: { dataIndex: number }) => {
      const a = agencyAt(p.dataIndex);
      if (a !== undefined) {
        open(a.agencyId, 'findings');
      }
    },
    [agencyAt, open],
  );

  if (data === undefined) {
    return <Card loading />;
  }
  const failing = data.agencies.filter((a) => a.verdict.fails);
  const sum = (f: (a: AgencyInspection) => number) => data.agencies.reduce((s, a) => s + f(a), 0);
  const link = (agencyId: number, kind: RecordKind, value: number, danger = false) => (
    <Button
      type="link"
      size="small"
      danger={danger && value > 0}
      style={{ padding: 0 }}
      onClick={() => open(agencyId, kind)}
      aria-label={`${byId.get(agencyId)?.agencyName ?? ''}：查看明细`}
    >
      {value}
    </Button>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`监督工作台（截至 ${data.today}）`}
        extra={
          <Space>
            <Button onClick={() => void scanNow()} loading={scanning}>
              立即检查已发布信息
            </Button>
            <Button type="primary" onClick={() => navigate('/inspection/monthly')}>
              月度检查通报
            </Button>
          </Space>
        }
      >
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic
              title="检查不合格单位"
              value={failing.length}
              suffix={`/ ${data.agencies.length}`}
              valueStyle={failing.length > 0 ? { color: '#cf1322' } : {}}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="超期未更新栏目" value={sum((a) => a.freshness.stale)} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="空白栏目" value={sum((a) => a.freshness.blank)} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="待整改严重问题" value={sum((a) => a.findings.severe)} valueStyle={{ color: '#cf1322' }} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title="超期未答复申请"
              value={sum((a) => a.applications.overdue)}
              valueStyle={{ color: '#cf1322' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title="超期未答复纠错" value={sum((a) => a.errorReports.overdue)} />
          </Col>
        </Row>
        {failing.length > 0 && (
          <Typography.Paragraph type="danger" style={{ marginTop: 16, marginBottom: 0 }}>
            按国办秘函〔2019〕19号单项否决指标，今天检查将不合格：
            {failing.map((a) => `${a.agencyName}（${a.verdict.reasons.join('；')}）`).join('；')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="全市各月发布信息（按栏目，点击查看信息）" size="small">
            {monthly && (
              <Chart
                option={monthly}
                summary={`近12个月全市发布信息 ${sum((a) => a.itemsByMonth.reduce((s, x) => s + x.count, 0))} 条`}
                onClick={onMonthClick}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="栏目更新情况（点击查看栏目）" size="small">
            {columnsChart && (
              <Chart
                option={columnsChart}
                height={420}
                summary={`各单位超期未更新栏目共 ${sum((a) => a.freshness.stale)} 个，空白栏目 ${sum((a) => a.freshness.blank)} 个`}
                onClick={onColumnsClick}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="错敏和个人信息检查（点击查看问题）" size="small">
            {findingsChart && (
              <Chart
                option={findingsChart}
                height={420}
                summary={`待整改严重问题 ${sum((a) => a.findings.severe)} 个，一般问题 ${sum((a) => a.findings.warning)} 个`}
                onClick={onFindingsClick}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="评分规则" size="small">
            <ul style={{ paddingLeft: 18, margin: 0 }}>
              {data.scoring.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              满分 100 分。评分是本平台用于排序的内部口径，不是官方考核分。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Card title="各单位排名" size="small">
        <Table
          rowKey="agencyId"
          size="small"
          pagination={false}
          scroll={{ x: 1200 }}
          dataSource={data.ranking.map((r, i) => ({ ...r, rank: i + 1, a: byId.get(r.agencyId)! }))}
          columns={[
            { title: '排名', dataIndex: 'rank', width: 56 },
            { title: '单位', dataIndex: 'agencyName', width: 200 },
            {
              title: '得分',
              dataIndex: 'score',
              width: 70,
              render: (score: number, r) => (
                <Tooltip title={r.a.penalties.length === 0 ? '无扣分' : r.a.penalties.join('；')}>
                  <span>{score}</span>
                </Tooltip>
              ),
            },
            {
              title: '检查结论',
              width: 110,
              render: (_, r) =>
                r.fails ? (
                  <Tooltip title={r.a.verdict.reasons.join('；')}>
                    <Tag color="red">不合格</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">合格</Tag>
                ),
            },
            { title: '超期栏目', width: 80, render: (_, r) => link(r.agencyId, 'columns', r.a.freshness.stale, true) },
            { title: '空白栏目', width: 80, render: (_, r) => link(r.agencyId, 'columns', r.a.freshness.blank, true) },
            {
              title: '检查问题（严重/一般）',
              width: 130,
              render: (_, r) => (
                <Space size={4}>
                  {link(r.agencyId, 'findings', r.a.findings.severe, true)}/
                  {link(r.agencyId, 'findings', r.a.findings.warning)}
                </Space>
              ),
            },
            { title: `${data.year}年收到申请`, width: 100, render: (_, r) => r.a.applications.received },
            {
              title: '按期/逾期答复',
              width: 110,
              render: (_, r) => (
                <Space size={4}>
                  {r.a.applications.onTime}/{link(r.agencyId, 'applications', r.a.applications.late, true)}
                </Space>
              ),
            },
            {
              title: '超期未答复',
              width: 90,
              render: (_, r) => link(r.agencyId, 'applications', r.a.applications.overdue, true),
            },
            {
              title: '办理用时中位数',
              width: 110,
              render: (_, r) =>
                r.a.applications.medianWorkingDays === null ? '—' : `${r.a.applications.medianWorkingDays} 个工作日`,
            },
            {
              title: `${data.year - 1}年度报告`,
              width: 130,
              render: (_, r) => (
                <Link to="/annual-report">
                  <Tag color={r.a.report.status === 'published' ? 'green' : r.a.report.late ? 'red' : 'default'}>
                    {r.a.report.label}
                    {r.a.report.late ? '（已逾期）' : ''}
                  </Tag>
                </Link>
              ),
            },
            {
              title: '网民纠错（待答复/超期）',
              width: 150,
              render: (_, r) => (
                <Space size={4}>
                  {link(r.agencyId, 'error_reports', r.a.errorReports.open)}/
                  {link(r.agencyId, 'error_reports', r.a.errorReports.overdue, true)}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Drawer open={drill !== undefined} width={960} title={drill?.title} onClose={() => setDrill(undefined)}>
        {drill && (
          <Table
            rowKey={(r) => String(r['id'] ?? r['columnId'] ?? JSON.stringify(r))}
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={drill.rows}
            columns={Object.keys(drill.rows[0] ?? {})
              .filter((k) => !HIDDEN.has(k))
              .map((k) => ({
                title: COLUMN_LABELS[k] ?? k,
                key: k,
                render: (_: unknown, row: Row) => cellOf(drill.kind, k, row),
              }))}
            locale={{ emptyText: '没有记录' }}
          />
        )}
      </Drawer>
    </Space>
  );
}
