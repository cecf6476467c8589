import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError, formErrors } from '../../api.ts';
import type { RequestBody } from '../../api/types.ts';
import { useAuth, useMe } from '../../auth.tsx';

export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { refresh, logout } = useAuth();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | undefined>();

  const submit = async (values: RequestBody<'/api/auth/password', 'post'>) => {
    setError(undefined);
    try {
      await api.post('/api/auth/password', {
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      message.success('密码已修改');
      form.resetFields();
      await refresh();
    } catch (e) {
      form.setFields(formErrors(e));
      setError(e instanceof ApiError ? e.message : '修改失败');
    }
  };

  return (
    <div style={forced ? { minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f6f8' } : {}}>
      <Card title="修改密码" style={{ maxWidth: 480, width: '100%' }}>
        {forced && (
          <Alert
            type="info"
            showIcon
            title="首次登录或密码已被重置，请先设置您自己的密码"
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[{ required: true, message: '请输入新密码' }]}
            extra={me.user.passwordRule}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
          {forced && (
            <Button type="link" onClick={() => void logout()}>
              退出登录
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
