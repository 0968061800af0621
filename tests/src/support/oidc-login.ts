import { createHash, randomBytes } from 'node:crypto';

/** What a provider's discovery document says, the parts a sign-in needs. */
export interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
}

/** The tokens of a code exchange. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  expires_in: number;
}

export const discover = async (issuer: string): Promise<Discovery> => {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery of ${issuer}: HTTP ${response.status}`);
  return (await response.json()) as Discovery;
};

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** A browser's cookie jar, as small as a form post needs: name=value per cookie, no paths or expiry. */
class Cookies {
  private readonly jar = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }
  header(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const decodeHtml = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#x3D;/gi, '=')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export interface SignIn {
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
}

/**
 * Signs in the way a browser does, against the provider's own login page: the authorization request
 * with a PKCE challenge (S256), the login form read from the HTML and posted with its cookies, the
 * code from the redirect exchanged with the verifier. Throws with the page's error text when the
 * provider shows the form again (e.g. a wrong password).
 */
export async function signInThroughLoginForm(sign: SignIn): Promise<Tokens> {
  const provider = await discover(sign.issuer);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorize = new URL(provider.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: sign.clientId,
    redirect_uri: sign.redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  const cookies = new Cookies();
  const page = await fetch(authorize, { redirect: 'manual' });
  cookies.take(page);
  const html = await page.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !action) throw new Error(`no login form (HTTP ${page.status}): ${html.slice(0, 300)}`);

  const posted = await fetch(decodeHtml(action), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies.header() },
    body: new URLSearchParams({ username: sign.username, password: sign.password, credentialId: '' }),
  });
  const location = posted.headers.get('location');
  if (posted.status !== 302 || !location) {
    const error = /kc-feedback-text">\s*([^<]+?)\s*</.exec(await posted.text())?.[1];
    throw new Error(`sign-in refused (HTTP ${posted.status}): ${error ?? 'no redirect'}`);
  }
  const back = new URL(location);
  if (back.searchParams.get('state') !== state) throw new Error(`the redirect lost the state: ${location}`);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${location}`);

  const exchanged = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(sign.redirectUri).origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: sign.redirectUri,
      client_id: sign.clientId,
      code_verifier: verifier,
    }),
  });
  if (!exchanged.ok) throw new Error(`code exchange: HTTP ${exchanged.status} ${await exchanged.text()}`);
  return (await exchanged.json()) as Tokens;
}

/** A refresh-token grant, as the console does before its access token expires. */
export async function refresh(issuer: string, clientId: string, refreshToken: string): Promise<Tokens> {
  const { token_endpoint } = await discover(issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }),
  });
  if (!response.ok) throw new Error(`refresh: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Tokens;
}
