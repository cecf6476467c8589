import { REVIEW_STAGE_LABELS, type ReviewStage } from '@xxgk/core';
import { Card, Col, Descriptions, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import { ROLE_LABELS, beijing } from '../../texts.ts';
import type { Json } from '../../api/types.ts';

type OwnInspection = Json<'/api/agencies/{id}/inspection'>;

const COLUMN_STATUS: Record<string, [string, string]> = {
  stale: ['超期未更新', 'red'],
  due_soon: ['即将超期', 'orange'],
  blank: ['空白栏目', 'red'],
};

type AgencyAlerts = Json<'/api/applications/alerts'>['agencies'][number];

/** 工作台: who I am, what waits for my review, and which applications are overdue or due soon. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const { setCurrent } = useAgencyScope();
  const p = me.user.permissions;
  const [alerts, setAlerts] = useState<AgencyAlerts[] | undefined>();
  const [waiting, setWaiting] = useState<Partial<Record<ReviewStage, number>>>({});
  const [own, setOwn] = useState<OwnInspection>();

  useEffect(() => {
    if (p['application.read']) {
      void api.get('/api/applications/alerts').then((r) => setAlerts(r.agencies));
    }
    if (p['item.write']) {
      void api.get('/api/agencies/{id}/inspection', { path: { id: me.user.agency.id } }).then(setOwn);
    }
    const stages = (['first', 'second', 'final'] as const).filter((s) => p[`item.review.${s}`] !== undefined);
    void Promise.all(
      stages.map(async (s) => {
        const r = await api.get('/api/agencies/{id}/items', {
          path: { id: me.user.agency.id },
          query: { stage: s, pageSize: 1 },
        });
        return [s, r.total] as const;
      }),
    ).then((pairs) => setWaiting(Object.fromEntries(pairs)));
  }, [p, me.user.agency.id]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            欢迎，{me.user.displayName}
          </Typography.Title>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="所属单位">{me.user.agency.name}</Descriptions.Item>
            <Descriptions.Item label="角色">
              {me.user.roles.map((r) => ROLE_LABELS[r]).join('、') || '（无）'}
            </Descriptions.Item>
            <Descriptions.Item label="本次登录有效至">{beijing(me.expiresAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
        {Object.keys(waiting).length > 0 && (
          <Card title="待我审核" style={{ marginTop: 16 }}>
            <Row gutter={16}>
              {(Object.entries(waiting) as [ReviewStage, number][]).map(([stage, n]) => (
                <Col key={stage} span={8}>
                  <a onClick={() => void navigate('/reviews')}>
                    <Statistic title={`待${REVIEW_STAGE_LABELS[stage]}`} value={n} />
                  </a>
                </Col>
              ))}
            </Row>
          </Card>
        )}
        {own !== undefined && (
          <Card
            title="本单位栏目与检查"
            style={{ marginTop: 16 }}
            extra={
              own.verdict.fails ? (
                <Tag color="red" title={own.verdict.reasons.join('；')}>
                  今天检查将不合格
                </Tag>
              ) : (
                <Tag color="green">今天检查合格</Tag>
              )
            }
          >
            {own.verdict.fails && (
              <Typography.Paragraph type="danger">{own.verdict.reasons.join('；')}</Typography.Paragraph>
            )}
            {own.columns.length === 0 && own.findings.length === 0 && own.errorReports.open === 0 ? (
              <Typography.Text type="secondary">栏目都在更新期内，已发布信息没有待整改的问题。</Typography.Text>
            ) : (
              <ul style={{ paddingLeft: 18, margin: 0 }}>
                {own.columns.map((c) => (
                  <li key={c.columnId}>
                    <Tag color={COLUMN_STATUS[c.status]?.[1]}>{COLUMN_STATUS[c.status]?.[0]}</Tag>
                    {c.path}
                    <Typography.Text type="secondary">
                      {c.lastPublishedOn === null
                        ? '（从未发布）'
                        : `（最近 ${c.lastPublishedOn}，${c.status === 'stale' ? '已于' : '将于'} ${c.staleOn} 超期）`}
                    </Typography.Text>
                  </li>
                ))}
                {own.findings.map((f) => (
                  <li key={f.id}>
                    <Tag color={f.severity === 'severe' ? 'red' : 'orange'}>{f.check}</Tag>
                    {f.itemId === null ? (
                      f.message
                    ) : (
                      <a onClick={() => void navigate(`/items/${f.itemId}`)}>{f.title}</a>
                    )}
                  </li>
                ))}
                {own.errorReports.open > 0 && (
                  <li>
                    <a onClick={() => void navigate('/error-reports')}>
                      网民纠错待答复 {own.errorReports.open} 件
                      {own.errorReports.overdue > 0 ? `，其中超期 ${own.errorReports.overdue} 件` : ''}
                    </a>
                  </li>
                )}
              </ul>
            )}
          </Card>
        )}
      </Col>
      {alerts !== undefined && (
        <Col xs={24} xl={14}>
          <Card title="依申请公开：未办结申请">
            <Table<AgencyAlerts>
              rowKey="agencyId"
              size="small"
              pagination={false}
              dataSource={alerts}
              locale={{ emptyText: '没有未办结的申请' }}
              onRow={(row) => ({
                onClick: () => {
                  setCurrent(row.agencyId === me.user.agency.id ? undefined : row.agencyId);
                  void navigate('/applications');
                },
                style: { cursor: 'pointer' },
              })}
              columns={[
                { title: '机关', dataIndex: 'agencyName' },
                { title: '未办结', dataIndex: 'open', width: 90 },
                {
                  title: '已超期',
                  dataIndex: 'overdue',
                  width: 90,
                  render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
                },
                {
                  title: '3个工作日内到期',
                  dataIndex: 'dueSoon',
                  width: 140,
                  render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0),
                },
              ]}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
