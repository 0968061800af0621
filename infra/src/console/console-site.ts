import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { isRole, ROLE_LABELS, ROLES, type Role } from '@jixiao/service-kit';
import type { AuthConfig, OidcClientConfig } from '../config/config';

/** What the console reads at `/console/config.json` before it shows anything: how people sign in. */
export type ConsoleClientConfig =
  { auth: 'dev'; graphqlPath: string } | { auth: 'oidc'; graphqlPath: string; oidc: OidcClientConfig };

/** A person one may sign in as in embedded mode, from the demo data. */
export interface DemoIdentities {
  roles: { role: Role; label: string; needsUnit: boolean; users: string[] }[];
  units: { id: string; name: string; code: string; level: string }[];
}

/** Embedded mode's sign-in: the people of the demo data, and tokens signed with the platform's dev key. */
export interface DevSignIn {
  identities(): Promise<DemoIdentities>;
  mint(claims: { userId: string; role: Role; unitId: string | null }): Promise<{ token: string; expiresAt: number }>;
}

export interface ConsoleSiteOptions {
  /** The console's built files (`console/dist`); null or missing: `/console/` says how to build it. */
  dir: string | null;
  config: ConsoleClientConfig;
  /** Present only where tokens are signed with the dev key (embedded mode, not production). */
  devSignIn?: DevSignIn;
}

/**
 * `console/dist` of this checkout, if the console has been built; `JIXIAO_CONSOLE_DIR` names another
 * build (e.g. one a browser test made apart while the checkout's is being rebuilt).
 */
export function builtConsoleDir(): string | null {
  const dir = path.resolve(process.env.JIXIAO_CONSOLE_DIR || path.resolve(__dirname, '../../../console/dist'));
  return existsSync(path.join(dir, 'index.html')) ? dir : null;
}

const BASE = '/console';

/** Where the console is, beside a gateway's GraphQL URL: http://host:port/graphql → http://host:port/console/. */
export const consoleUrlOf = (graphqlUrl: string): string => new URL(`${BASE}/`, graphqlUrl).toString();
const MAX_BODY = 4 * 1024;

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, status: number, code: string, zh: string, en: string) =>
  json(res, status, { error: { code, message: `${zh} (${en})` } });

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The fields a dev sign-in request must carry, checked; a string says what is wrong. */
export function devClaimsOf(
  body: unknown,
  units: ReadonlySet<string>,
): { userId: string; role: Role; unitId: string | null } | string {
  const { role, unitId, userId } = (body ?? {}) as Record<string, unknown>;
  if (!isRole(role)) return `角色须为 ${ROLES.join('、')} 之一 (role must be one of the roles)`;
  if (typeof userId !== 'string' || !/^[\w.-]{1,64}$/.test(userId))
    return '用户名须为 1–64 位字母、数字、点、下划线或连字符 (user id: 1–64 letters, digits, . _ -)';
  const needsUnit = role === 'BUDGET_UNIT' || role === 'DEPARTMENT';
  if (!needsUnit) return { userId, role, unitId: null };
  if (typeof unitId !== 'string' || !units.has(unitId))
    return `${ROLE_LABELS[role]}须选择示例数据中的一个单位 (this role needs a unit of the demo data)`;
  return { userId, role, unitId };
}

/**
 * Serves the web console beside GraphQL: its files under `/console/` (any other path under it gets
 * `index.html`, for the console's own routes), `/console/config.json`, and in embedded mode the demo
 * sign-in (`/console/dev/identities`, `POST /console/dev/token`). `/` leads to the console.
 */
export function consoleSite(options: ConsoleSiteOptions) {
  const files =
    options.dir &&
    sirv(options.dir, {
      single: true,
      etag: true,
      // the build writes .br and .gz beside each file (console/scripts/compress.mjs)
      brotli: true,
      gzip: true,
      // hashed file names under assets/ never change; index.html is always asked again
      setHeaders: (res, pathname) =>
        res.setHeader(
          'cache-control',
          pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://console');
    const { pathname } = url;
    if (pathname === '/' || pathname === BASE) {
      res.writeHead(302, { location: `${BASE}/` }).end();
      return true;
    }
    if (!pathname.startsWith(`${BASE}/`)) return false;
    if (pathname === `${BASE}/config.json`) {
      json(res, 200, options.config);
      return true;
    }
    if (pathname.startsWith(`${BASE}/dev/`)) {
      await answerDevSignIn(options.devSignIn, pathname.slice(`${BASE}/dev/`.length), req, res);
      return true;
    }
    if (!files) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('控制台尚未构建，请先运行 npm run build (the console is not built; run npm run build)\n');
      return true;
    }
    req.url = pathname.slice(BASE.length) + url.search;
    files(req, res, () => void res.writeHead(404).end());
    return true;
  };
}

async function answerDevSignIn(
  devSignIn: DevSignIn | undefined,
  route: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!devSignIn)
    return refuse(
      res,
      404,
      'NOT_FOUND',
      '示例身份登录仅在嵌入式开发模式下提供',
      'demo sign-in exists only in embedded development mode',
    );
  if (route === 'identities' && req.method === 'GET') return json(res, 200, await devSignIn.identities());
  if (route !== 'token' || req.method !== 'POST')
    return refuse(res, 404, 'NOT_FOUND', '没有这个地址', 'no such address');
  const raw = await readBody(req);
  let body: unknown;
  try {
    body = raw === null ? undefined : JSON.parse(raw);
  } catch {
    body = undefined;
  }
  if (body === undefined)
    return refuse(res, 400, 'BAD_USER_INPUT', '请求须为不超过 4 KB 的 JSON', 'the body must be JSON of at most 4 KB');
  const units = new Set((await devSignIn.identities()).units.map((unit) => unit.id));
  const claims = devClaimsOf(body, units);
  if (typeof claims === 'string') return json(res, 400, { error: { code: 'BAD_USER_INPUT', message: claims } });
  json(res, 200, await devSignIn.mint(claims));
}

/** How the console signs people in: at the OpenID Connect provider when one is configured (JIXIAO_OIDC_ISSUER), else with the demo identities. */
export function consoleConfigOf(auth: AuthConfig): ConsoleClientConfig {
  const graphqlPath = '/graphql';
  return auth.oidc ? { auth: 'oidc', graphqlPath, oidc: auth.oidc } : { auth: 'dev', graphqlPath };
}
