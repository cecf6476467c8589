import { Alert, App, Card, Drawer, List, Select, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import '../reports/report-table.css';

interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  cells: string[];
  message: string;
}

interface Live {
  report: {
    year: number;
    agency: string;
    findings: Finding[];
    sections: { number: number; title: string; text?: string }[];
  };
  tablesHtml: string;
}

interface Drill {
  cell: string;
  label: string;
  value: number | null;
  records: { kind: string; id: number; label: string; detail: string; href: string }[];
}

const SEVERITY = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'orange', label: '警告' },
  info: { color: 'blue', label: '提示' },
} as const;

/**
 * 年度报告: the year's report computed now from the registers (tables 二、三、四 and the overview draft),
 * checked by R1–R12. Every number opens onto the records behind it.
 */
export default function AnnualReportPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [live, setLive] = useState<Live | undefined>();
  const [drill, setDrill] = useState<Drill | undefined>();

  const load = useCallback(async () => {
    setLive(undefined);
    setLive(await api<Live>('GET', `/api/agencies/${agencyId}/reports/${year}/live`));
  }, [agencyId, year]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = async (event: MouseEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest('[data-cell]')?.getAttribute('data-cell');
    if (cell === null || cell === undefined) {
      return;
    }
    try {
      setDrill(
        await api<Drill>('GET', `/api/agencies/${agencyId}/reports/${year}/cells?cell=${encodeURIComponent(cell)}`),
      );
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '无法读取');
    }
  };

  return (
    <Card
      title={`${agencyName}政府信息公开工作年度报告（${year}年度）`}
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
      {live === undefined ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            以下数字由本平台的申请登记、复议诉讼、规范性文件登记簿和月度数据实时计算；点击表格中的数字，查看其背后的记录。
          </Typography.Paragraph>
          {live.report.findings.length === 0 ? (
            <Alert type="success" showIcon title="全部勾稽关系校验通过（R1–R12）" style={{ marginBottom: 16 }} />
          ) : (
            <List
              size="small"
              style={{ marginBottom: 16 }}
              header="校验结果"
              dataSource={live.report.findings}
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
          )}
          <Typography.Title level={5}>一、总体情况（草稿）</Typography.Title>
          {(live.report.sections.find((s) => s.number === 1)?.text ?? '').split('\n').map((p) => (
            <Typography.Paragraph key={p} style={{ textIndent: '2em' }}>
              {p}
            </Typography.Paragraph>
          ))}
          <div
            className="checked-tables drillable"
            role="presentation"
            onClick={(e) => void open(e)}
            dangerouslySetInnerHTML={{ __html: live.tablesHtml }}
          />
          <Typography.Title level={5}>六、其他需要报告的事项（信息处理费）</Typography.Title>
          <Typography.Paragraph style={{ textIndent: '2em' }}>
            {live.report.sections.find((s) => s.number === 6)?.text}
          </Typography.Paragraph>
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
