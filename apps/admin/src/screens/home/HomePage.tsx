import { Card, Descriptions, Typography } from 'antd';
import { useMe } from '../../auth.tsx';
import { ROLE_LABELS, beijing } from '../../texts.ts';

export function HomePage() {
  const me = useMe();
  return (
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
  );
}
