import { Card, DatePicker, Descriptions, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { ACTION_LABELS, beijing, OUTCOME_LABELS } from '../../texts.ts';
import type { Json, Query } from '../../api/types.ts';
import type { AuditEntry } from '../../types.ts';

interface Filters {
  action?: string;
  actor?: string;
  outcome?: AuditEntry['outcome'];
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function AuditPage() {
  const { current } = useAgencyScope();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Json<'/api/audit'>>({ total: 0, entries: [] });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [shown, setShown] = useState<AuditEntry | undefined>();

  const load = useCallback(async () => {
    setLoading(true);
    const query: Query<'/api/audit'> = { page, pageSize: 20, agencyId: current };
    if (filters.action) {
      query.action = filters.action;
    }
    if (filters.actor) {
      query.actor = filters.actor;
    }
    if (filters.outcome) {
      query.outcome = filters.outcome;
    }
    if (filters.range?.[0]) {
      query.from = filters.range[0].format('YYYY-MM-DD');
    }
    if (filters.range?.[1]) {
      query.to = filters.range[1].format('YYYY-MM-DD');
    }
    try {
      setData(await api.get('/api/audit', { query }));
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [current, filters, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const update = (patch: Filters) => {
    setPage(1);
    setFilters((f) => ({ ...f, ...patch }));
  };

  return (
    <Card title="审计日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="操作类型"
          style={{ width: 180 }}
          aria-label="操作类型"
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => update({ action: v })}
        />
        <Select
          allowClear
          placeholder="结果"
          style={{ width: 150 }}
          aria-label="结果"
          options={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(v?: AuditEntry['outcome']) => update({ outcome: v })}
        />
        <Input.Search
          placeholder="操作人"
          allowClear
          style={{ width: 180 }}
          aria-label="操作人"
          onSearch={(v) => update({ actor: v })}
        />
        <DatePicker.RangePicker aria-label="日期范围" onChange={(range) => update({ range })} />
      </Space>
      {error && <p role="alert">{error}</p>}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data.entries}
        onRow={(entry) => ({ onClick: () => setShown(entry), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: 20,
          total: data.total,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 条`,
          showSizeChanger: false,
        }}
        columns={[
          { title: '序号', dataIndex: 'id', width: 80 },
          { title: '时间', dataIndex: 'at', width: 170, render: beijing },
          { title: '操作人', dataIndex: 'actorName' },
          { title: '单位', dataIndex: 'agencyName', render: (v: string | null) => v ?? '—' },
          { title: '操作', dataIndex: 'action', render: (v: string) => ACTION_LABELS[v] ?? v },
          {
            title: '结果',
            dataIndex: 'outcome',
            width: 130,
            render: (v: AuditEntry['outcome']) => (
              <Tag color={v === 'ok' ? 'green' : v === 'denied' ? 'red' : 'orange'}>{OUTCOME_LABELS[v]}</Tag>
            ),
          },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
      <Drawer
        open={shown !== undefined}
        onClose={() => setShown(undefined)}
        title={`审计记录 #${shown?.id ?? ''}`}
        size={640}
      >
        {shown && (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="时间">{beijing(shown.at)}</Descriptions.Item>
              <Descriptions.Item label="操作人">{shown.actorName}</Descriptions.Item>
              <Descriptions.Item label="操作">{ACTION_LABELS[shown.action] ?? shown.action}</Descriptions.Item>
              <Descriptions.Item label="对象">
                {shown.targetType} {shown.targetId ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label="结果">{OUTCOME_LABELS[shown.outcome]}</Descriptions.Item>
              <Descriptions.Item label="说明">{shown.note || '—'}</Descriptions.Item>
              <Descriptions.Item label="来源地址">{shown.ip || '—'}</Descriptions.Item>
              <Descriptions.Item label="请求编号">{shown.requestId || '—'}</Descriptions.Item>
              <Descriptions.Item label="哈希">
                <Typography.Text code copyable style={{ fontSize: 12 }}>
                  {shown.hash}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            {shown.before != null && (
              <>
                <Typography.Title level={5}>修改前</Typography.Title>
                <pre style={{ background: '#fafafa', padding: 12, overflow: 'auto' }}>
                  {JSON.stringify(shown.before, null, 2)}
                </pre>
              </>
            )}
            {shown.after != null && (
              <>
                <Typography.Title level={5}>修改后</Typography.Title>
                <pre style={{ background: '#fafafa', padding: 12, overflow: 'auto' }}>
                  {JSON.stringify(shown.after, null, 2)}
                </pre>
              </>
            )}
          </>
        )}
      </Drawer>
    </Card>
  );
}
