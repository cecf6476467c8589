import { App, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { chineseNumber } from '@xxgk/core';
import { api, ApiError } from '../../api.ts';
import type { Json } from '../../api/types.ts';
import { todayDayjs } from '../../clock.ts';

type Content = Json<'/api/inspection/monthly-report'>;

/**
 * 月度检查情况通报 (issue 8 §4): the month's report as the 政务公开办 sends it round — previewed here as
 * the document reads, downloaded as DOCX (to send) or XLSX (to work with).
 */
export default function MonthlyReportPage() {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(todayDayjs());
  const [content, setContent] = useState<Content>();
  const key = month.format('YYYY-MM');

  useEffect(() => {
    setContent(undefined);
    void api
      .get('/api/inspection/monthly-report', { query: { month: key } })
      .then(setContent, (e: unknown) => message.error(e instanceof ApiError ? e.message : '加载失败'));
  }, [key, message]);

  return (
    <Card
      title="月度检查情况通报"
      extra={
        <Space>
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            disabledDate={(d) => d.isAfter(todayDayjs(), 'month')}
            onChange={(d) => d && setMonth(d)}
            aria-label="通报月份"
          />
          <Button href={`/api/inspection/monthly-report.docx?month=${key}`}>下载 DOCX</Button>
          <Button href={`/api/inspection/monthly-report.xlsx?month=${key}`}>下载 XLSX</Button>
        </Space>
      }
      loading={content === undefined}
    >
      {content && (
        <article
          className="inspection-report"
          style={{ maxWidth: 960, margin: '0 auto', fontSize: 15, lineHeight: 1.9 }}
        >
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            {content.title}
          </Typography.Title>
          <Typography.Title level={5}>一、总体情况</Typography.Title>
          {content.summary.map((p) => (
            <p key={p} style={{ textIndent: '2em' }}>
              {p}
            </p>
          ))}
          <Typography.Title level={5}>二、检查结果</Typography.Title>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="agencyName"
            dataSource={content.agencies}
            columns={[
              { title: '单位', dataIndex: 'agencyName' },
              { title: '本月发布', dataIndex: 'published', align: 'right' },
              { title: '超期栏目', dataIndex: 'stale', align: 'right' },
              { title: '空白栏目', dataIndex: 'blank', align: 'right' },
              { title: '严重问题', dataIndex: 'severe', align: 'right' },
              { title: '一般问题', dataIndex: 'warning', align: 'right' },
              { title: '本月已整改', dataIndex: 'fixed', align: 'right' },
              { title: '超期申请', dataIndex: 'applicationsOverdue', align: 'right' },
              {
                title: '结论',
                dataIndex: 'verdict',
                render: (v: string, r) => (
                  <Tag color={v === '合格' ? 'green' : 'red'} title={r.reasons}>
                    {v}
                  </Tag>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            三、存在的主要问题
          </Typography.Title>
          {content.problemsByAgency.length === 0 ? (
            <p style={{ textIndent: '2em' }}>本月检查未发现需要通报的问题。</p>
          ) : (
            content.problemsByAgency.map((p, i) => (
              <section key={p.agencyName}>
                <p style={{ textIndent: '2em', fontWeight: 600, margin: 0 }}>
                  （{chineseNumber(i + 1)}）{p.agencyName}
                </p>
                {p.lines.map((l, j) => (
                  <p key={l} style={{ textIndent: '2em', margin: 0 }}>
                    {j + 1}. {l}
                  </p>
                ))}
              </section>
            ))
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            四、工作要求
          </Typography.Title>
          {content.requirements.map((r) => (
            <p key={r} style={{ textIndent: '2em' }}>
              {r}
            </p>
          ))}
          <p style={{ textAlign: 'right', marginTop: 24 }}>
            {content.issuer}
            <br />
            {content.issuedOn}
          </p>
          <Typography.Title level={5}>附件：问题清单（{content.problems.length} 项）</Typography.Title>
          <Table
            size="small"
            bordered
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            rowKey={(r) => `${r.agencyName}${r.where}${r.description}`}
            dataSource={content.problems}
            columns={[
              { title: '单位', dataIndex: 'agencyName', width: 150 },
              { title: '位置', dataIndex: 'where', width: 200 },
              { title: '问题类型', dataIndex: 'kind', width: 120 },
              { title: '程度', dataIndex: 'severity', width: 60 },
              { title: '问题描述', dataIndex: 'description' },
              { title: '整改建议', dataIndex: 'suggestion', width: 160 },
            ]}
          />
        </article>
      )}
    </Card>
  );
}
