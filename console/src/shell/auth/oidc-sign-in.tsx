import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { signInAtProvider } from './oidc';

/**
 * Sign-in through the bureau's identity provider (OpenID Connect, authorization code + PKCE): the
 * button leads to the provider's own login page, which sends the person back signed in.
 */
export function OidcSignIn({ settings }: { settings: { authority: string; clientId: string; scope: string } }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = () => {
    setBusy(true);
    setError(null);
    signInAtProvider().catch((failure: Error) => {
      setBusy(false);
      setError(`无法连接统一身份认证服务，请稍后重试 (${failure.message})`);
    });
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        请使用本单位统一身份认证账号登录（{new URL(settings.authority).host}）。
      </Typography.Paragraph>
      {error && <Alert style={{ marginBottom: 16 }} type="error" showIcon message={error} />}
      <Button type="primary" block size="large" icon={<LoginOutlined />} loading={busy} onClick={go}>
        统一身份认证登录
      </Button>
    </>
  );
}
