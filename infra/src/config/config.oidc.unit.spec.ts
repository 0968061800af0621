import { loadConfig } from './config';

const issuer = 'https://login.example.gov.cn/realms/jixiao';

describe('an OpenID Connect provider in the configuration (JIXIAO_OIDC_*)', () => {
  it('signs the console in at the issuer, checks tokens with its discovered keys and expects its issuer', () => {
    const { auth } = loadConfig({ JIXIAO_OIDC_ISSUER: issuer });
    expect(auth).toMatchObject({
      issuer,
      audience: 'jixiao',
      key: { kind: 'discovery', issuer },
      oidc: { authority: issuer, clientId: 'jixiao-console', scope: 'openid profile' },
    });
  });

  it('takes the client id and scopes, and a JWKS URL or public key before discovery', () => {
    const { auth } = loadConfig({
      JIXIAO_OIDC_ISSUER: issuer,
      JIXIAO_OIDC_CLIENT_ID: 'jixiao-console-prod',
      JIXIAO_OIDC_SCOPE: 'openid profile email',
      JIXIAO_JWKS_URL: `${issuer}/protocol/openid-connect/certs`,
      JIXIAO_JWT_ISSUER: issuer,
    });
    expect(auth.oidc).toEqual({ authority: issuer, clientId: 'jixiao-console-prod', scope: 'openid profile email' });
    expect(auth.key).toEqual({ kind: 'jwks', url: `${issuer}/protocol/openid-connect/certs` });
    expect(
      loadConfig({ JIXIAO_OIDC_ISSUER: issuer, JIXIAO_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' }).auth.key.kind,
    ).toBe('pem');
  });

  it('leaves the console on the demo sign-in without a provider', () => {
    expect(loadConfig({}).auth.oidc).toBeUndefined();
    expect(loadConfig({ JIXIAO_JWKS_URL: `${issuer}/certs` }).auth.oidc).toBeUndefined();
  });

  it('is enough of a key source for production', () => {
    expect(loadConfig({ NODE_ENV: 'production', JIXIAO_OIDC_ISSUER: issuer }).production).toBe(true);
  });

  it('refuses a token issuer other than the provider’s, naming both', () => {
    expect(() => loadConfig({ JIXIAO_OIDC_ISSUER: issuer, JIXIAO_JWT_ISSUER: 'https://other.example' })).toThrow(
      `JIXIAO_JWT_ISSUER: must equal JIXIAO_OIDC_ISSUER (${issuer}) or be unset`,
    );
  });

  it('names each wrong variable: not an http(s) URL, a client id with spaces, scopes without openid, settings without a provider', () => {
    expect(() =>
      loadConfig({
        JIXIAO_OIDC_ISSUER: 'login.example.gov.cn',
        JIXIAO_OIDC_CLIENT_ID: 'my console',
        JIXIAO_OIDC_SCOPE: 'profile',
      }),
    ).toThrow(
      /JIXIAO_OIDC_ISSUER: must be the http\(s\):\/\/ issuer URL[\s\S]*JIXIAO_OIDC_CLIENT_ID: must be the client id[\s\S]*JIXIAO_OIDC_SCOPE: must include openid/,
    );
    expect(() => loadConfig({ JIXIAO_OIDC_CLIENT_ID: 'jixiao-console', JIXIAO_OIDC_SCOPE: 'openid' })).toThrow(
      /JIXIAO_OIDC_CLIENT_ID: needs JIXIAO_OIDC_ISSUER[\s\S]*JIXIAO_OIDC_SCOPE: needs JIXIAO_OIDC_ISSUER/,
    );
  });
});
