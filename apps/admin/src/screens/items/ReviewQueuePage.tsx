import { REVIEW_STAGE_LABELS, type ReviewStage } from '@xxgk/core';
import { Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { useMe } from '../../auth.tsx';
import { beijing } from '../../texts.ts';
import type { ItemRow } from './types.ts';

type Queue = ReviewStage | 'secrecy';

/** 待我审核: the items waiting at each review step this person may take. */
export default function ReviewQueuePage() {
  const me = useMe();
  const navigate = useNavigate();
  const p = me.user.permissions;
  const queues: Queue[] = [
    ...(p['item.review.first'] ? (['first'] as const) : []),
    ...(p['item.review.second'] ? (['second'] as const) : []),
    ...(p['item.secrecy'] ? (['secrecy'] as const) : []),
    ...(p['item.review.final'] ? (['final'] as const) : []),
  ];
  const [queue, setQueue] = useState<Queue | undefined>(queues[0]);
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (queue === undefined) {
      return;
    }
    setLoading(true);
    // 保密审查 can be given at any stage before 终审: the secrecy queue is everything in review.
    const stages: ReviewStage[] = queue === 'secrecy' ? ['first', 'second', 'final'] : [queue];
    void Promise.all(
      stages.map((s) =>
        api.get('/api/agencies/{id}/items', { path: { id: me.user.agency.id }, query: { stage: s, pageSize: 100 } }),
      ),
    )
      .then((results) => setRows(results.flatMap((r) => r.rows)))
      .finally(() => setLoading(false));
  }, [queue, me.user.agency.id]);

  if (queue === undefined) {
    return (
      <Card>
        <Empty description="您没有审核角色" />
      </Card>
    );
  }
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        待我审核
      </Typography.Title>
      <Tabs
        activeKey={queue}
        onChange={(k) => setQueue(k as Queue)}
        items={queues.map((q) => ({ key: q, label: q === 'secrecy' ? '保密审查' : `待${REVIEW_STAGE_LABELS[q]}` }))}
      />
      <Table<ItemRow>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '没有待审核的信息' }}
        onRow={(row) => ({ onClick: () => navigate(`/items/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (v: string, row) => (
              <a href={`/admin/items/${row.id}`} onClick={(e) => e.preventDefault()}>
                {v}
              </a>
            ),
          },
          {
            title: '环节',
            dataIndex: 'reviewStage',
            width: 100,
            render: (s: ReviewStage | null) => (s ? REVIEW_STAGE_LABELS[s] : ''),
          },
          {
            title: '送审检查',
            dataIndex: 'findings',
            width: 150,
            render: (f: ItemRow['findings']) =>
              f === null || f.severe + f.warning === 0 ? (
                <Tag color="green">无问题</Tag>
              ) : (
                <Space size={4}>
                  {f.severe > 0 && <Tag color="red">严重 {f.severe}</Tag>}
                  {f.warning > 0 && <Tag color="orange">提示 {f.warning}</Tag>}
                </Space>
              ),
          },
          { title: '送审时间', dataIndex: 'updatedAt', width: 180, render: (v: string) => beijing(v) },
        ]}
      />
    </Card>
  );
}
