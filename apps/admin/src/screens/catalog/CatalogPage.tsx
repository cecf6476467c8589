import { PlusOutlined } from '@ant-design/icons';
import { COLUMN_KIND_LABELS } from '@xxgk/core';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tree,
  TreeSelect,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState, type Key, type ReactNode } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { Json, RequestBody } from '../../api/types.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';

type Column = Json<'/api/agencies/{id}/catalog'>['columns'][number];
/** The form's fields: a new column's, or a column's changes. */
type ColumnForm = RequestBody<'/api/agencies/{id}/catalog/columns', 'post'> &
  RequestBody<'/api/catalog/columns/{id}', 'put'>;

interface TreeNode {
  key: number;
  title: ReactNode;
  children: TreeNode[];
}

type Editing = { mode: 'add'; parentId: number | null } | { mode: 'edit'; column: Column };

/** The columns a column may move under: all but itself and its own sub-columns. */
function parentChoices(
  list: Column[],
  self: number,
): { value: number; title: string; children: ReturnType<typeof parentChoices> }[] {
  return list
    .filter((c) => c.id !== self)
    .map((c) => ({ value: c.id, title: c.name, children: parentChoices(c.children, self) }));
}

/** 信息公开目录: an agency's column tree, edited by its admin (or a supervisor above it). */
export default function CatalogPage() {
  const me = useMe();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name ?? me.user.agency.name;
  const canEdit = me.user.permissions['catalog.manage'] !== undefined;
  const { message } = App.useApp();
  const [columns, setColumns] = useState<Column[]>([]);
  const [editing, setEditing] = useState<Editing | undefined>();
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    const result = await api.get('/api/agencies/{id}/catalog', { path: { id: agencyId } });
    setColumns(result.columns);
  }, [agencyId]);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (next: Editing) => {
    setEditing(next);
    form.resetFields();
    form.setFieldsValue(next.mode === 'edit' ? next.column : { kind: 'document', sortOrder: 0 });
  };

  const save = async () => {
    const values: ColumnForm = await form.validateFields();
    try {
      if (editing?.mode === 'add') {
        await api.post('/api/agencies/{id}/catalog/columns', {
          path: { id: agencyId },
          body: { ...values, parentId: editing.parentId },
        });
        message.success('栏目已新增');
      } else if (editing?.mode === 'edit') {
        await api.put('/api/catalog/columns/{id}', {
          path: { id: editing.column.id },
          body: { ...values, parentId: values.parentId ?? null },
        });
        message.success('栏目已保存');
      }
      setEditing(undefined);
      await load();
    } catch (e) {
      form.setFields(formErrors(e));
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };

  const byId = new Map<number, Column>();
  const index = (list: Column[]): void => {
    for (const c of list) {
      byId.set(c.id, c);
      index(c.children);
    }
  };
  index(columns);

  /** Moves a column by dragging: onto a column makes it a sub-column, between columns reorders. */
  const move = async (info: {
    dragNode: { key: Key };
    node: { key: Key; pos: string };
    dropToGap: boolean;
    dropPosition: number;
  }) => {
    const dragged = byId.get(Number(info.dragNode.key));
    const target = byId.get(Number(info.node.key));
    if (dragged === undefined || target === undefined) {
      return;
    }
    let parentId: number | null;
    let sortOrder: number;
    if (!info.dropToGap) {
      parentId = target.id;
      sortOrder = Math.max(0, ...target.children.map((c) => c.sortOrder)) + 10;
    } else {
      const relative = info.dropPosition - Number(info.node.pos.split('-').pop());
      parentId = target.parentId;
      sortOrder = Math.max(0, target.sortOrder + (relative < 0 ? -5 : 5));
    }
    try {
      await api.put('/api/catalog/columns/{id}', {
        path: { id: dragged.id },
        body: { name: dragged.name, kind: dragged.kind, parentId, sortOrder },
      });
      message.success(`已移动栏目“${dragged.name}”`);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '移动失败');
    }
  };

  const remove = async (column: Column) => {
    try {
      await api.delete('/api/catalog/columns/{id}', { path: { id: column.id } });
      message.success(`已删除栏目“${column.name}”`);
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '删除失败');
    }
  };

  const toTree = (list: Column[]): TreeNode[] =>
    list.map((c) => ({
      key: c.id,
      title: (
        <Space>
          <span>{c.name}</span>
          <Tag>{COLUMN_KIND_LABELS[c.kind]}</Tag>
          {c.article20 !== null && <Tag color="red">条例第二十条第（{c.article20}）项</Tag>}
          {canEdit && (
            <>
              <Button size="small" type="link" onClick={() => open({ mode: 'add', parentId: c.id })}>
                加子栏目
              </Button>
              <Button size="small" type="link" onClick={() => open({ mode: 'edit', column: c })}>
                编辑
              </Button>
              {c.children.length === 0 && (
                <Popconfirm title={`删除栏目“${c.name}”？`} onConfirm={() => void remove(c)}>
                  <Button size="small" type="link" danger>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        </Space>
      ),
      children: toTree(c.children),
    }));

  return (
    <Card
      title={`信息公开目录 · ${agencyName}`}
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open({ mode: 'add', parentId: null })}>
            新增一级栏目
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        栏目类型用于更新检查：动态类栏目应在2周内有更新，文件类栏目应在6个月内有更新（国办秘函〔2019〕19号）。
      </Typography.Paragraph>
      {canEdit && (
        <Typography.Paragraph type="secondary">
          可拖动栏目调整顺序或上级；也可在“编辑”中选择上级栏目。
        </Typography.Paragraph>
      )}
      {columns.length > 0 && (
        <Tree
          treeData={toTree(columns)}
          defaultExpandAll
          selectable={false}
          blockNode
          draggable={canEdit ? { icon: false } : false}
          onDrop={(info) => void move(info)}
        />
      )}
      <Modal
        open={editing !== undefined}
        title={editing?.mode === 'edit' ? '编辑栏目' : '新增栏目'}
        onCancel={() => setEditing(undefined)}
        onOk={() => void save()}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item label="栏目名称" name="name" rules={[{ required: true, message: '请填写栏目名称' }]}>
            <Input maxLength={50} />
          </Form.Item>
          {editing?.mode === 'edit' && (
            <Form.Item label="上级栏目" name="parentId" extra="留空为一级栏目">
              <TreeSelect
                allowClear
                treeDefaultExpandAll
                treeData={parentChoices(columns, editing.column.id)}
                placeholder="（一级栏目）"
              />
            </Form.Item>
          )}
          <Form.Item label="栏目类型" name="kind">
            <Select options={Object.entries(COLUMN_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="排序" name="sortOrder">
            <InputNumber min={0} max={1000000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
