import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, TreeSelect, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState, type Key } from 'react';
import { useNavigate } from 'react-router';
import { api, apiUpload, ApiError } from '../../api.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import { beijing } from '../../texts.ts';
import { StatusTag } from './StatusTag.tsx';
import type { Json, Query } from '../../api/types.ts';
import { flatColumns, type Column, type ItemRow } from './types.ts';

type Filter = 'all' | 'editing' | 'first' | 'second' | 'final' | 'scheduled' | 'published' | 'withdrawn';

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'editing', label: '编辑中' },
  { value: 'first', label: '待初审' },
  { value: 'second', label: '待复审' },
  { value: 'final', label: '待终审' },
  { value: 'scheduled', label: '定时发布' },
  { value: 'published', label: '已发布' },
  { value: 'withdrawn', label: '已撤稿' },
];

type ItemsQuery = Query<'/api/agencies/{id}/items'>;

function query(filter: Filter): ItemsQuery {
  switch (filter) {
    case 'all':
      return {};
    case 'editing':
      return { editing: true };
    case 'first':
    case 'second':
    case 'final':
      return { stage: filter };
    case 'scheduled':
    case 'published':
    case 'withdrawn':
      return { status: filter };
  }
}

export function toTreeData(
  columns: Column[],
): { value: number; title: string; children: ReturnType<typeof toTreeData> }[] {
  return columns.map((c) => ({ value: c.id, title: c.name, children: toTreeData(c.children) }));
}

/** 信息发布: an agency's items with their state, filters, and the ways to start a new one. */
export default function ItemsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const canWrite = me.user.permissions['item.write'] !== undefined && agencyId === me.user.agency.id;
  const [filter, setFilter] = useState<Filter>('all');
  const [title, setTitle] = useState('');
  const [columnId, setColumnId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Json<'/api/agencies/{id}/items'>>({ rows: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [columns, setColumns] = useState<Column[]>([]);
  const [importing, setImporting] = useState(false);
  const [importColumn, setImportColumn] = useState<number | undefined>();
  const [selected, setSelected] = useState<number[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkReason, setBulkReason] = useState('');
  const canWithdraw = me.user.permissions['item.withdraw'] !== undefined && agencyId === me.user.agency.id;

  useEffect(() => {
    void api.get('/api/agencies/{id}/catalog', { path: { id: agencyId } }).then((r) => setColumns(r.columns));
  }, [agencyId]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(
        await api.get('/api/agencies/{id}/items', {
          path: { id: agencyId },
          query: { ...query(filter), page, title: title || undefined, columnId: columnId || undefined },
        }),
      );
    } finally {
      setLoading(false);
    }
  }, [agencyId, filter, page, title, columnId]);
  useEffect(() => {
    void load();
  }, [load]);

  const columnName = new Map(flatColumns(columns).map((c) => [c.id, c.name]));

  /** 批量撤稿: each item is withdrawn (and audited) on its own; failures are listed, nothing is skipped silently. */
  const bulkWithdraw = async () => {
    const reason = bulkReason.trim();
    if (reason === '') {
      message.error('请写明撤稿理由');
      return;
    }
    const failures: string[] = [];
    for (const id of selected) {
      try {
        await api.post('/api/items/{id}/withdraw', { path: { id }, body: { reason } });
      } catch (e) {
        const title = data.rows.find((r) => r.id === id)?.title ?? String(id);
        failures.push(`“${title}”：${e instanceof ApiError ? e.message : '失败'}`);
      }
    }
    setBulkOpen(false);
    setBulkReason('');
    setSelected([]);
    if (failures.length === 0) {
      message.success(`已撤稿 ${selected.length} 条`);
    } else {
      message.error(
        `撤稿 ${selected.length - failures.length} 条，失败 ${failures.length} 条：${failures.join('；')}`,
        8,
      );
    }
    await load();
  };

  const importDocx = async (file: File) => {
    if (importColumn === undefined) {
      message.error('请先选择栏目');
      return;
    }
    try {
      const result = await apiUpload('/api/agencies/{id}/items/from-docx', { path: { id: agencyId } }, file, {
        columnId: String(importColumn),
      });
      setImporting(false);
      if (result.warnings.length > 0) {
        message.warning(result.warnings.join('；'));
      } else {
        message.success('已从 Word 文件生成草稿，请核对后保存');
      }
      void navigate(`/items/${result.item.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '导入失败');
    }
  };

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          信息发布 · {agencyName}
        </Typography.Title>
        {canWrite && (
          <Space>
            <Button icon={<FileWordOutlined />} onClick={() => setImporting(true)}>
              从 Word 导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/items/new')}>
              新建信息
            </Button>
          </Space>
        )}
      </Space>
      <Space wrap style={{ margin: '16px 0' }}>
        <Select
          aria-label="状态"
          value={filter}
          options={FILTERS}
          style={{ width: 140 }}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
        />
        <TreeSelect
          showSearch
          treeNodeFilterProp="title"
          treeDefaultExpandAll
          aria-label="栏目"
          allowClear
          placeholder="全部栏目"
          style={{ width: 240 }}
          treeData={toTreeData(columns)}
          value={columnId}
          onChange={(v: number | undefined) => {
            setColumnId(v);
            setPage(1);
          }}
        />
        <Input.Search
          aria-label="标题"
          placeholder="按标题查找"
          allowClear
          onSearch={(v) => {
            setTitle(v.trim());
            setPage(1);
          }}
          style={{ width: 260 }}
        />
      </Space>
      {canWithdraw && selected.length > 0 && (
        <Space style={{ marginBottom: 12 }}>
          <span>已选 {selected.length} 条</span>
          <Button danger onClick={() => setBulkOpen(true)}>
            批量撤稿
          </Button>
        </Space>
      )}
      <Table<ItemRow>
        rowKey="id"
        loading={loading}
        {...(canWithdraw
          ? {
              rowSelection: {
                selectedRowKeys: selected,
                onChange: (keys: Key[]) => setSelected(keys.map(Number)),
                getCheckboxProps: (row: ItemRow) => ({ disabled: row.status !== 'published' || row.working }),
              },
            }
          : {})}
        dataSource={data.rows}
        onRow={(row) => ({ onClick: () => navigate(`/items/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          total: data.total,
          pageSize: 20,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 条`,
        }}
        columns={[
          {
            title: '标题',
            dataIndex: 'title',
            render: (value: string, row) => (
              <a href={`/admin/items/${row.id}`} onClick={(e) => e.preventDefault()}>
                {value}
              </a>
            ),
          },
          { title: '栏目', dataIndex: 'columnId', width: 160, render: (id: number) => columnName.get(id) ?? '' },
          {
            title: '状态',
            width: 170,
            render: (_: unknown, row) => (
              <StatusTag status={row.status} stage={row.reviewStage} working={row.working} />
            ),
          },
          { title: '索引号', dataIndex: 'indexNo', width: 250, render: (v: string | null) => v ?? '—' },
          {
            title: '发布日期',
            dataIndex: 'publishedAt',
            width: 170,
            render: (v: string | null, row) =>
              v ? beijing(v) : row.scheduledFor ? `定时 ${beijing(row.scheduledFor)}` : '—',
          },
        ]}
      />
      <Modal
        title={`批量撤稿（${selected.length} 条）`}
        open={bulkOpen}
        okText="撤稿"
        okButtonProps={{ danger: true }}
        onOk={() => void bulkWithdraw()}
        onCancel={() => setBulkOpen(false)}
        destroyOnHidden
      >
        <p>撤稿后，这些信息立即从门户网站和检索中消失，留档备查，索引号不再使用。</p>
        <Input.TextArea
          aria-label="撤稿理由"
          rows={3}
          maxLength={500}
          value={bulkReason}
          onChange={(e) => setBulkReason(e.target.value)}
          placeholder="撤稿理由（必填）"
        />
      </Modal>
      <Modal
        title="从 Word 公文生成草稿"
        open={importing}
        footer={null}
        onCancel={() => setImporting(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="栏目" required>
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              aria-label="导入到栏目"
              treeData={toTreeData(columns)}
              value={importColumn}
              onChange={(v: number) => setImportColumn(v)}
              placeholder="选择栏目"
            />
          </Form.Item>
          <Form.Item
            label="Word 文件（.docx）"
            extra="读取标题、发文字号、成文日期和正文，生成草稿；导入后请逐项核对。"
          >
            <Upload
              accept=".docx"
              showUploadList={false}
              beforeUpload={(file) => {
                void importDocx(file);
                return false;
              }}
            >
              <Button icon={<FileWordOutlined />}>选择 .docx 文件</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
