import { Alert } from 'antd';

/** Sign-in through the bureau's identity provider (OpenID Connect). Being connected: see oidc.ts. */
export function OidcSignIn({ settings }: { settings: { authority: string; clientId: string; scope: string } }) {
  return <Alert type="info" showIcon message="统一身份认证" description={`${settings.authority}`} />;
}
