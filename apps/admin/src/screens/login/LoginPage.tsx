import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useAuth } from '../../auth.tsx';

export function LoginPage() {
  const { login, notice } = useAuth();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await login(values.username, values.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(180deg,#b81c22 0,#b81c22 240px,#f5f6f8 240px)',
      }}
    >
      <main style={{ width: 380, maxWidth: '92vw' }}>
        <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', marginBottom: 24 }}>
          政府信息公开工作平台
        </Typography.Title>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            工作人员登录
          </Typography.Title>
          {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
          <a href="/">返回政府信息公开门户</a>
        </Typography.Paragraph>
      </main>
    </div>
  );
}
