import type { User, UserManager } from 'oidc-client-ts';
import { consoleConfig } from '../config';
import { ROLES, type Role } from '../roles';
import { claimsOf, currentSession, endSession, onSessionChange, renewSession, startSession } from '../session';

/** Where the provider sends the browser back: after signing in, and after signing out. */
export const CALLBACK_PATH = '/auth/callback';
export const SIGNED_OUT_PATH = '/signed-out';
const AUTH_PATHS = [CALLBACK_PATH, SIGNED_OUT_PATH];

let manager: Promise<UserManager> | undefined;

/**
 * The OpenID Connect client (oidc-client-ts) for the provider `/console/config.json` names:
 * authorization code with PKCE (S256), tokens kept in this tab's sessionStorage, the access token
 * renewed a minute before it expires (with the refresh token; the session's token follows).
 */
function userManager(): Promise<UserManager> {
  // oidc-client-ts (65 KiB) is fetched only where a provider is configured, not before the first page shows
  manager ??= Promise.all([consoleConfig(), import('oidc-client-ts')]).then(
    ([config, { UserManager, WebStorageStateStore }]) => {
      if (config.auth !== 'oidc') throw new Error('平台未配置统一身份认证 (no identity provider is configured)');
      const base = `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`;
      const users = new UserManager({
        authority: config.oidc.authority,
        client_id: config.oidc.clientId,
        scope: config.oidc.scope,
        redirect_uri: `${base}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${base}${SIGNED_OUT_PATH}`,
        response_type: 'code',
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        automaticSilentRenew: true,
        // no check-session iframe: it needs the provider's cookies in a third-party frame
        monitorSession: false,
      });
      users.events.addUserLoaded((user) => {
        if (currentSession()?.via === 'oidc' && user.access_token !== currentSession()?.token)
          renewSession(user.access_token, expiresAtOf(user));
      });
      return users;
    },
  );
  return manager;
}

const expiresAtOf = (user: User) => (user.expires_at ?? 0) * 1000;

/** Sends the browser to the provider's login page; it comes back to CALLBACK_PATH. */
export async function signInAtProvider(): Promise<void> {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const path = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '/';
  const returnTo = AUTH_PATHS.includes(path) ? '/' : `${path}${window.location.search}`;
  await (await userManager()).signinRedirect({ state: { returnTo } });
}

/**
 * Back from the provider: exchanges the code for tokens, puts the address back to where the person
 * was and starts the session as the access token says (`sub`, `role`, `unit`; the name from the ID
 * token), which makes the console show that page. Throws in the person's terms when the account
 * has no role the platform knows.
 */
export async function completeSignIn(): Promise<void> {
  const user = await (await userManager()).signinRedirectCallback();
  const claims = claimsOf(user.access_token);
  const role = claims.role as Role;
  if (!ROLES.includes(role)) {
    await (await userManager()).removeUser();
    throw new Error(
      `您的账号（${String(user.profile.preferred_username ?? claims.sub)}）未配置本平台的角色，请联系系统管理员 (the account has no role for this platform)`,
    );
  }
  const wanted = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
  // a path of this console only, never another site's address
  const returnTo = /^\/(?![/\\])/.test(wanted) ? wanted : '/';
  window.history.replaceState(null, '', `${import.meta.env.BASE_URL.replace(/\/$/, '')}${returnTo}`);
  startSession({
    token: user.access_token,
    expiresAt: expiresAtOf(user),
    via: 'oidc',
    identity: {
      userId: String(claims.sub),
      role,
      unitId: typeof claims.unit === 'string' ? claims.unit : null,
      name: String(user.profile.name ?? user.profile.preferred_username ?? claims.sub),
    },
  });
}

/** Ends the session here, then at the provider (its end-session endpoint), which sends the browser to SIGNED_OUT_PATH. */
export async function signOutAtProvider(): Promise<void> {
  const users = await userManager();
  const user = await users.getUser();
  endSession('signed-out');
  await users.signoutRedirect({ id_token_hint: user?.id_token });
}

/** After a reload in the middle of a provider's session: the client takes up renewing its token again. */
export function resumeProviderSession(): void {
  if (currentSession()?.via === 'oidc') void userManager();
}

// a session that ends here otherwise (expired, refused) leaves no tokens behind to renew
onSessionChange((ended) => {
  if (ended && ended !== 'signed-out' && manager) void manager.then((users) => users.removeUser());
});
