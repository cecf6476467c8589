import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, List, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState } from 'react';
import { api, ApiError, apiUploadWithProgress, currentCsrfToken } from '../../api.ts';
import type { Json, RequestBody } from '../../api/types.ts';
import './report-table.css';

/** A report as the server read it from a file (core AnnualReport: its tables pass through untyped). */
type Report = Json<'/api/reports/check', 'post'>['report'];
type Finding = Report['findings'][number];
/** The whole report (docs/report-json.md), as the recheck takes it back. */
type WholeReport = RequestBody<'/api/reports/recheck', 'post'>['report'];

interface Checked {
  uid: string;
  fileName: string;
  status: 'uploading' | 'done' | 'error';
  percent: number;
  report?: Report;
  tablesHtml?: string;
  error?: string;
}

const SEVERITY = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'orange', label: '警告' },
  info: { color: 'blue', label: '提示' },
} as const;

/** Uploads one file with progress; resolves with the server's reading and findings. */
function upload(file: File, onProgress: (percent: number) => void): Promise<Json<'/api/reports/check', 'post'>> {
  return apiUploadWithProgress('/api/reports/check', {}, file, onProgress);
}

/**
 * The report the server read, handed back whole for the recheck. The check's answer declares only the
 * parts this screen shows (its tables pass through untyped), so it is taken as the whole document here,
 * where it came from the server unchanged.
 */
function whole(report: Report): WholeReport {
  return report as WholeReport;
}

function FindingList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) {
    return <Alert type="success" showIcon title="全部勾稽关系校验通过" />;
  }
  return (
    <List
      size="small"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item>
          <Space align="start">
            <Tag color={SEVERITY[f.severity].color}>
              {f.rule}·{SEVERITY[f.severity].label}
            </Tag>
            <span>{f.message}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 年报校验: supervisors drop published reports, see every agency × year with its findings, and the offending cells. */
export default function ReportCheckPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Checked[]>([]);
  const [shown, setShown] = useState<Checked | undefined>();
  const [compare, setCompare] = useState<{ a?: string; b?: string }>({});
  const [comparison, setComparison] = useState<
    { findings: Finding[]; before: Checked; after: Checked; afterHtml: string } | undefined
  >();

  const patch = (uid: string, change: Partial<Checked>) =>
    setItems((list) => list.map((i) => (i.uid === uid ? { ...i, ...change } : i)));

  const props: UploadProps = {
    multiple: true,
    showUploadList: false,
    accept: '.pdf,.docx,.html,.htm,.txt',
    customRequest: ({ file }) => {
      const f = file as File & { uid: string };
      setItems((list) => [...list, { uid: f.uid, fileName: f.name, status: 'uploading', percent: 0 }]);
      upload(f, (percent) => patch(f.uid, { percent })).then(
        ({ report, tablesHtml }) => patch(f.uid, { status: 'done', percent: 100, report, tablesHtml }),
        (e: Error) => patch(f.uid, { status: 'error', error: e.message }),
      );
    },
  };

  const done = items.filter((i) => i.status === 'done' && i.report);
  // Published titles name the same agency differently (洪泽区人民政府 / 淮安市洪泽区人民政府), so any two
  // readings can be compared; the options say whose each is.
  const options = done.map((i) => ({
    value: i.uid,
    label: `${i.report?.agency ?? '（未识别）'} ${i.report?.year ?? ''}年（${i.fileName}）`,
  }));

  const runCompare = async () => {
    const a = done.find((i) => i.uid === compare.a);
    const b = done.find((i) => i.uid === compare.b);
    if (!a?.report || !b?.report) {
      return;
    }
    const [before, after] = (a.report.year ?? 0) <= (b.report.year ?? 0) ? [a, b] : [b, a];
    if (before.report === undefined || after.report === undefined) {
      return;
    }
    try {
      const result = await api.post('/api/reports/recheck', {
        body: { report: whole(after.report), previous: whole(before.report) },
      });
      setComparison({ findings: result.report.findings, before, after, afterHtml: result.tablesHtml });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '比较失败');
    }
  };

  const exportXlsx = async () => {
    const response = await fetch('/api/reports/findings.xlsx', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': currentCsrfToken() },
      body: JSON.stringify({ reports: done.map((i) => i.report) }),
    });
    if (!response.ok) {
      message.error('导出失败');
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = '年报校验结果.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="年报校验">
        <Upload.Dragger {...props} aria-label="上传年度报告">
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">把各机关已发布的年度报告拖到这里，或点击选择（可多选）</p>
          <p className="ant-upload-hint">
            支持 PDF、Word（DOCX）、网页（HTML）和复制出的文本；读取后按勾稽关系 R1–R12 逐项校验，文件不保存
          </p>
        </Upload.Dragger>
      </Card>
      <Card
        title="校验结果"
        extra={
          <Button onClick={() => void exportXlsx()} disabled={done.length === 0}>
            导出全部问题（XLSX）
          </Button>
        }
      >
        <Table<Checked>
          rowKey="uid"
          dataSource={items}
          size="middle"
          pagination={false}
          columns={[
            { title: '文件', dataIndex: 'fileName' },
            {
              title: '机关',
              render: (_: unknown, i: Checked) => i.report?.agency ?? (i.status === 'done' ? '（未识别）' : ''),
            },
            { title: '年度', width: 80, render: (_: unknown, i: Checked) => i.report?.year ?? '' },
            {
              title: '错误',
              width: 80,
              render: (_: unknown, i: Checked) => {
                const n = i.report?.findings.filter((f) => f.severity === 'error').length ?? 0;
                return i.report ? <Tag color={n > 0 ? 'red' : 'green'}>{n}</Tag> : null;
              },
            },
            {
              title: '警告',
              width: 80,
              render: (_: unknown, i: Checked) =>
                i.report ? i.report.findings.filter((f) => f.severity === 'warning').length : '',
            },
            {
              title: '状态',
              width: 200,
              render: (_: unknown, i: Checked) =>
                i.status === 'uploading' ? (
                  `上传中 ${i.percent}%`
                ) : i.status === 'error' ? (
                  <Typography.Text type="danger">{i.error}</Typography.Text>
                ) : (
                  `已读取（${i.report?.source.kind.toUpperCase()}）`
                ),
            },
            {
              title: '操作',
              width: 90,
              render: (_: unknown, i: Checked) =>
                i.report && (
                  <Button type="link" onClick={() => setShown(i)}>
                    查看
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="两个年度对比">
        <Space wrap>
          <Select
            placeholder="报告一"
            style={{ width: 380 }}
            aria-label="报告一"
            showSearch={{ optionFilterProp: 'label' }}
            value={compare.a}
            onChange={(a: string) => setCompare((c) => ({ ...c, a }))}
            options={options}
          />
          <Select
            placeholder="报告二"
            style={{ width: 380 }}
            aria-label="报告二"
            showSearch={{ optionFilterProp: 'label' }}
            value={compare.b}
            onChange={(b: string) => setCompare((c) => ({ ...c, b }))}
            options={options}
          />
          <Button
            type="primary"
            disabled={!compare.a || !compare.b || compare.a === compare.b}
            onClick={() => void runCompare()}
          >
            对比
          </Button>
        </Space>
        {comparison && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5}>
              {comparison.after.report?.year}年报告（以{comparison.before.report?.year}年为上年）的校验结果
            </Typography.Title>
            <FindingList findings={comparison.findings} />
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16, marginTop: 16 }}>
              <div>
                <Typography.Title level={5}>{comparison.before.report?.year}年</Typography.Title>
                <div
                  className="checked-tables"
                  dangerouslySetInnerHTML={{ __html: comparison.before.tablesHtml ?? '' }}
                />
              </div>
              <div>
                <Typography.Title level={5}>{comparison.after.report?.year}年</Typography.Title>
                <div className="checked-tables" dangerouslySetInnerHTML={{ __html: comparison.afterHtml }} />
              </div>
            </div>
          </div>
        )}
      </Card>
      <Drawer
        open={shown !== undefined}
        onClose={() => setShown(undefined)}
        size={1000}
        title={shown ? `${shown.report?.agency ?? ''}${shown.report?.year ?? ''}年度报告` : ''}
      >
        {shown?.report && (
          <>
            <FindingList findings={shown.report.findings} />
            {shown.report.source.warnings.length > 0 && (
              <Alert
                style={{ margin: '16px 0' }}
                type="info"
                showIcon
                title="读取时的说明"
                description={
                  <ul style={{ margin: 0 }}>
                    {shown.report.source.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Typography.Paragraph type="secondary">红框标出的是问题涉及的单元格。</Typography.Paragraph>
            {/* Server-rendered from the report's numbers; every text in it is escaped there. */}
            <div className="checked-tables" dangerouslySetInnerHTML={{ __html: shown.tablesHtml ?? '' }} />
          </>
        )}
      </Drawer>
    </Space>
  );
}
