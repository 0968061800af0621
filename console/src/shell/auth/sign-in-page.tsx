import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Layout, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { consoleConfig } from '../config';
import type { EndReason } from '../session';
import { DevSignIn } from './dev-sign-in';
import { OidcSignIn } from './oidc-sign-in';

const WHY: Record<EndReason, { type: 'info' | 'warning'; text: string }> = {
  'signed-out': { type: 'info', text: '您已退出登录。' },
  expired: { type: 'warning', text: '登录已过期，请重新登录。' },
  refused: { type: 'warning', text: '平台未接受您的登录凭据，请重新登录。' },
};

/** The sign-in page: the demo identities in embedded mode, the bureau's identity provider otherwise. */
export function SignInPage({ reason }: { reason: EndReason | null }) {
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <main style={{ width: 420, maxWidth: '94vw' }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
            绩效管理平台
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            预算绩效目标 · 事前评估 · 评审 · 审计
          </Typography.Paragraph>
          {reason && <Alert style={{ marginBottom: 16 }} type={WHY[reason].type} showIcon message={WHY[reason].text} />}
          {config.isLoading && <Spin />}
          {config.error && (
            <Alert type="error" showIcon message="无法读取平台配置" description={config.error.message} />
          )}
          {config.data?.auth === 'dev' && <DevSignIn />}
          {config.data?.auth === 'oidc' && <OidcSignIn settings={config.data.oidc} />}
          <Typography.Paragraph style={{ textAlign: 'center', margin: '16px 0 0' }}>
            <Link to="/public/goals">绩效目标公开</Link>
            <Typography.Text type="secondary">（无需登录）</Typography.Text>
          </Typography.Paragraph>
        </Card>
      </main>
    </Layout>
  );
}
