import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, apiUpload, ApiError } from '../../api.ts';
import { thisYear as serverYear } from '../../clock.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import type { Json } from '../../api/types.ts';

type Listing = Json<'/api/agencies/{id}/decision-counts'>;

type Row = {
  month: number;
  licensing?: number;
  penalties?: number;
  coercion?: number;
  feesYuan?: string;
  entered: boolean;
};

/**
 * 月度数据: the month's 行政许可、行政处罚、行政强制 decisions and 行政事业性收费, which live in other
 * systems — entered here month by month or imported from the template. Table 二 sums them.
 */
export default function DecisionCountsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const canEdit = me.user.permissions['report.edit'] !== undefined && agencyId === me.user.agency.id;
  const thisYear = serverYear();
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<Listing['total'] | undefined>();

  const load = useCallback(async () => {
    const listing = await api.get('/api/agencies/{id}/decision-counts', { path: { id: agencyId }, query: { year } });
    setTotal(listing.total);
    setRows(
      Array.from({ length: 12 }, (_, i) => {
        const m = listing.months.find((x) => x.month === i + 1);
        return m === undefined ? { month: i + 1, entered: false } : { ...m, entered: true };
      }),
    );
  }, [agencyId, year]);
  useEffect(() => {
    void load();
  }, [load]);

  const edit = (month: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.month === month ? { ...r, ...patch } : r)));

  const save = async (row: Row) => {
    try {
      await api.put('/api/agencies/{id}/decision-counts', {
        path: { id: agencyId },
        body: {
          year,
          month: row.month,
          licensing: row.licensing ?? 0,
          penalties: row.penalties ?? 0,
          coercion: row.coercion ?? 0,
          feesYuan: row.feesYuan ?? '0',
        },
      });
      message.success(`${year}年${row.month}月已保存`);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const number = (field: 'licensing' | 'penalties' | 'coercion', label: string) => ({
    title: label,
    key: field,
    render: (_: unknown, r: Row) => (
      <InputNumber
        aria-label={`${r.month}月${label}`}
        min={0}
        precision={0}
        disabled={!canEdit}
        value={r[field]}
        onChange={(v) => edit(r.month, { [field]: v ?? undefined })}
      />
    ),
  });

  return (
    <Card
      title={`行政许可、处罚、强制和收费月度数据（${agencyName}）`}
      extra={
        <Select
          aria-label="年份"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        这些数字通常来自其他业务系统。可逐月填报，也可下载模板填写后导入（XLSX 或
        CSV，逐行校验，有错误的文件不会导入任何数据）。年度报告表二按月合计。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<DownloadOutlined />} href={`/api/decision-counts/template.xlsx?year=${year}`}>
          下载模板
        </Button>
        {canEdit && (
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void apiUpload('/api/agencies/{id}/decision-counts/import', { path: { id: agencyId } }, file).then(
                async (r) => {
                  message.success(`已导入 ${r.imported} 个月的数据`);
                  await load();
                },
                (e: unknown) =>
                  message.error({ content: e instanceof ApiError ? e.message : '导入失败', duration: 10 }),
              );
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>导入</Button>
          </Upload>
        )}
        {total && (
          <Typography.Text>
            全年合计：许可 {total.licensing} 件，处罚 {total.penalties} 件，强制 {total.coercion} 件，收费{' '}
            {(total.feesFen / 1_000_000).toFixed(4).replace(/\.?0+$/u, '')} 万元
          </Typography.Text>
        )}
      </Space>
      <Table<Row>
        rowKey="month"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '月份',
            key: 'month',
            width: 110,
            render: (_: unknown, r) => (
              <Space>
                {r.month}月{!r.entered && <Tag>未填</Tag>}
              </Space>
            ),
          },
          number('licensing', '行政许可（件）'),
          number('penalties', '行政处罚（件）'),
          number('coercion', '行政强制（件）'),
          {
            title: '行政事业性收费（元）',
            key: 'fees',
            render: (_: unknown, r) => (
              <Input
                aria-label={`${r.month}月行政事业性收费`}
                style={{ width: 140 }}
                disabled={!canEdit}
                value={r.feesYuan}
                onChange={(e) => edit(r.month, { feesYuan: e.target.value })}
              />
            ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'save',
                  width: 80,
                  render: (_: unknown, r: Row) => (
                    <Button size="small" onClick={() => void save(r)}>
                      保存
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
