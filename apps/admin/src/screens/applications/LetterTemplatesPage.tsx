import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, apiUpload, ApiError } from '../../api.ts';
import { useAgencyScope } from '../../agency-scope.tsx';
import { useMe } from '../../auth.tsx';
import type { Json } from '../../api/types.ts';

type Template = Json<'/api/agencies/{id}/letter-templates'>['templates'][number];
type Preview = Json<'/api/agencies/{id}/letter-templates/{kind}/preview', 'post'>;

/**
 * 文书模板: each letter's wording for the agency, edited with a live preview (filled with made-up
 * values), the fields it may use, and those the law requires it to keep; and the 依申请公开专用章 image.
 */
export default function LetterTemplatesPage() {
  const me = useMe();
  const { message } = App.useApp();
  const { current, agencies } = useAgencyScope();
  const agencyId = current ?? me.user.agency.id;
  const agency = agencies.find((a) => a.id === agencyId);
  const canEdit = me.user.permissions['agency.update'] !== undefined;
  const [templates, setTemplates] = useState<Template[]>([]);
  const [kind, setKind] = useState<Template['kind']>('receipt');
  const [draft, setDraft] = useState({ title: '', body: '' });
  const [preview, setPreview] = useState<Preview | undefined>();
  const [saving, setSaving] = useState(false);
  const [sealVersion, setSealVersion] = useState(0);
  const [hasSeal, setHasSeal] = useState<boolean | undefined>();

  const load = useCallback(async () => {
    const result = await api.get('/api/agencies/{id}/letter-templates', { path: { id: agencyId } });
    setTemplates(result.templates);
  }, [agencyId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    setHasSeal(agency?.hasSeal);
  }, [agency]);

  const selected = templates.find((t) => t.kind === kind);
  useEffect(() => {
    if (selected !== undefined) {
      setDraft({ title: selected.title, body: selected.body });
    }
  }, [selected]);

  // The preview follows the text as it is typed (after a short pause).
  useEffect(() => {
    if (draft.title === '' && draft.body === '') {
      return;
    }
    const timer = setTimeout(() => {
      void api
        .post('/api/agencies/{id}/letter-templates/{kind}/preview', { path: { id: agencyId, kind }, body: draft })
        .then(setPreview, (e: unknown) =>
          setPreview({ problems: [e instanceof ApiError ? e.message : '无法预览'], title: '', paragraphs: [] }),
        );
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, agencyId, kind]);

  const save = async () => {
    setSaving(true);
    try {
      await api.put('/api/agencies/{id}/letter-templates/{kind}', { path: { id: agencyId, kind }, body: draft });
      message.success('模板已保存');
      await load();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  const reset = async () => {
    await api.delete('/api/agencies/{id}/letter-templates/{kind}', { path: { id: agencyId, kind } });
    message.success('已恢复为默认文本');
    await load();
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={6}>
        <Card title={`文书模板（${agency?.name ?? me.user.agency.name}）`} size="small">
          <List
            size="small"
            dataSource={templates}
            renderItem={(t) => (
              <List.Item
                onClick={() => setKind(t.kind)}
                style={{ cursor: 'pointer', background: t.kind === kind ? '#e6f4ff' : undefined }}
              >
                <button type="button" className="link-button" onClick={() => setKind(t.kind)}>
                  {t.label}
                </button>
                {t.customised && <Tag color="blue">已修改</Tag>}
              </List.Item>
            )}
          />
        </Card>
        <Card title="依申请公开专用章" size="small" style={{ marginTop: 16 }}>
          {hasSeal === true ? (
            <img
              src={`/api/agencies/${agencyId}/seal?v=${sealVersion}`}
              alt="依申请公开专用章"
              style={{ width: 120, height: 120 }}
            />
          ) : (
            <Typography.Text type="secondary">尚未上传：文书将不带印章图片</Typography.Text>
          )}
          {canEdit && (
            <div style={{ marginTop: 8 }}>
              <Upload
                accept="image/png"
                showUploadList={false}
                beforeUpload={(file) => {
                  void apiUpload('/api/agencies/{id}/seal', { path: { id: agencyId } }, file).then(
                    () => {
                      message.success('专用章图片已更新');
                      setHasSeal(true);
                      setSealVersion((v) => v + 1);
                    },
                    (e: unknown) => message.error(e instanceof ApiError ? e.message : '上传失败'),
                  );
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />}>
                  上传 PNG（透明背景）
                </Button>
              </Upload>
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title={selected?.label ?? ''} size="small">
          <Form layout="vertical" aria-label="文书模板">
            <Form.Item label="标题">
              <Input
                aria-label="标题"
                value={draft.title}
                disabled={!canEdit}
                onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="正文" extra="每行一段；第一行以“：”结尾的为称谓。用 {字段名} 插入字段。">
              <Input.TextArea
                aria-label="正文"
                rows={16}
                value={draft.body}
                disabled={!canEdit}
                onChange={(e) => setDraft({ ...draft, body: e.target.value })}
              />
            </Form.Item>
          </Form>
          {canEdit && (
            <Space>
              <Button
                type="primary"
                loading={saving}
                disabled={(preview?.problems.length ?? 0) > 0}
                onClick={() => void save()}
              >
                保存
              </Button>
              {selected?.customised === true && (
                <Popconfirm title="恢复为系统默认文本？" okText="恢复" cancelText="取消" onConfirm={() => void reset()}>
                  <Button>恢复默认</Button>
                </Popconfirm>
              )}
            </Space>
          )}
          <Typography.Paragraph style={{ marginTop: 16 }}>
            可用字段：
            {selected?.fields.map((f) => (
              <Tag key={f.name} title={f.hint} color={selected.required.includes(f.name) ? 'red' : undefined}>
                {`{${f.name}}`}
              </Tag>
            ))}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            红色字段为法定必备内容，模板中不得删除。出具文书时，模板用到的字段均须填写。
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <Card title="预览（示例数据）" size="small">
          {preview?.problems.map((p) => (
            <Alert key={p} type="error" showIcon message={p} style={{ marginBottom: 8 }} />
          ))}
          {preview !== undefined && (
            <article className="letter-preview" aria-label="文书预览">
              <h2 style={{ textAlign: 'center', fontSize: 20 }}>{preview.title}</h2>
              {preview.paragraphs.map((p, i) => (
                <p key={i} style={{ textIndent: i === 0 && /[：:]$/u.test(p) ? 0 : '2em', lineHeight: 1.9 }}>
                  {p}
                </p>
              ))}
              <p style={{ textAlign: 'right' }}>{agency?.name ?? me.user.agency.name}</p>
            </article>
          )}
        </Card>
      </Col>
    </Row>
  );
}
