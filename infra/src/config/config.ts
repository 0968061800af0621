import type { SealerConfig } from '../audit/log-sealer';
import path from 'node:path';
import { z } from 'zod';
import { devKeyFile } from '../auth/dev-key';
import type { AttachmentLimits } from '@jixiao/service-kit';
import type { ReadModelDatabase } from '../read-models/orm';
import { DEFAULT_ATTACHMENT_MAX_BYTES, DEFAULT_ATTACHMENT_TYPES, DETECTABLE_TYPES } from '../attachments/content-type';

const schema = z.object({
  JIXIAO_MODE: z.enum(['embedded', 'distributed']).default('embedded'),
  JIXIAO_HOST: z.string().min(1).default('127.0.0.1'),
  JIXIAO_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  JIXIAO_DATA_DIR: z.string().min(1).default('data'),
  JIXIAO_STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  JIXIAO_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  JIXIAO_DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case identifier')
    .default('jixiao'),
  JIXIAO_KAFKA_BROKERS: z
    .string()
    .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'must be host:port[,host:port…], e.g. 127.0.0.1:9092')
    .optional(),
  JIXIAO_KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'must be letters, digits, _ or -')
    .default('jixiao'),
  JIXIAO_SEED: z.enum(['none', 'demo'], { message: 'must be none or demo (无示例数据 / 示例数据)' }).default('demo'),
  NODE_ENV: z.string().default('development'),
  JIXIAO_JWT_ISSUER: z.string().min(1).optional(),
  JIXIAO_JWT_AUDIENCE: z.string().min(1).default('jixiao'),
  JIXIAO_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL of a JWKS document' }).optional(),
  JIXIAO_JWT_PUBLIC_KEY: z
    .string()
    .regex(/-----BEGIN PUBLIC KEY-----/, 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)')
    .optional(),
  JIXIAO_OIDC_ISSUER: z
    .url({
      protocol: /^https?$/,
      error:
        'must be the http(s):// issuer URL of an OpenID Connect provider, e.g. https://login.example.gov.cn/realms/jixiao (须为身份认证服务的签发方地址)',
    })
    .optional(),
  JIXIAO_OIDC_CLIENT_ID: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be the client id registered at the provider, printable ASCII without spaces')
    .optional(),
  JIXIAO_OIDC_SCOPE: z
    .string()
    .regex(/^([\x21-\x7e]+ )*[\x21-\x7e]+$/, 'must be scopes separated by single spaces')
    .refine((scope) => scope.split(' ').includes('openid'), 'must include openid (须包含 openid)')
    .optional(),
  JIXIAO_JWT_ALGORITHM: z.enum(['EdDSA', 'ES256', 'ES384', 'RS256', 'PS256']).default('EdDSA'),
  JIXIAO_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JIXIAO_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  JIXIAO_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  JIXIAO_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .optional(),
  JIXIAO_CORS_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (origins) => origins.every((origin) => /^https?:\/\/[^/\s*,]+$/.test(origin)),
      'must be exact origins, comma-separated, e.g. https://console.example.gov.cn,http://127.0.0.1:5173 — no *, no path (须为完整来源，逗号分隔，不可用通配符或路径)',
    )
    .default([]),
  JIXIAO_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_ATTACHMENT_MAX_BYTES),
  JIXIAO_ATTACHMENT_TYPES: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (types) => types.length > 0 && types.every((type) => (DETECTABLE_TYPES as readonly string[]).includes(type)),
      `must be types the platform recognises from the bytes, comma-separated, of: ${DETECTABLE_TYPES.join(', ')} (须为可识别的类型，逗号分隔)`,
    )
    .default([...DEFAULT_ATTACHMENT_TYPES]),
  JIXIAO_SEAL_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  JIXIAO_SEALER_KEY_FILE: z.string().min(1).optional(),
  JIXIAO_TREE_HEAD_DIR: z.string().min(1).optional(),
  JIXIAO_PERSISTED_DOCUMENTS: z.string().min(1).optional(),
  JIXIAO_PERSISTED_ONLY: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
});

/** Where user tokens' signatures are checked: a JWKS URL, a PEM public key, or embedded mode's dev key file. */
export type TokenKeySource =
  | { kind: 'jwks'; url: string }
  /** The JWKS named by the OpenID Connect provider's discovery document (JIXIAO_OIDC_ISSUER alone). */
  | { kind: 'discovery'; issuer: string }
  | { kind: 'pem'; pem: string; algorithm: string }
  | { kind: 'dev'; file: string };

/** The OpenID Connect provider people sign in with at the console (authorization code + PKCE). */
export interface OidcClientConfig {
  /** The provider's issuer URL; its discovery document is `<authority>/.well-known/openid-configuration`. */
  authority: string;
  /** The console's client id at the provider (a public client). */
  clientId: string;
  /** The scopes the console asks for, space-separated; always includes `openid`. */
  scope: string;
}

export interface AuthConfig {
  issuer: string;
  audience: string;
  key: TokenKeySource;
  /** Present when JIXIAO_OIDC_ISSUER is set: the console signs people in there instead of the demo sign-in. */
  oidc?: OidcClientConfig;
  /** Gateway ↔ subgraph assertion secret; embedded mode draws a random one per process when unset. */
  internalSecret?: string;
}

export interface LimitsConfig {
  ratePerMinute: number;
  maxBodyBytes: number;
  /** Keep rate-limit budgets in Redis (shared by every gateway) instead of in memory. */
  redisUrl?: string;
}

/** What a browser front end on another origin needs: who may call, and which documents run. */
export interface BrowserConfig {
  /** Exact origins whose browsers get CORS answers; empty: CORS off. */
  corsOrigins: string[];
  /** A JSON file of trusted documents (`{ "<hash>": "<document>" }`), and whether only those run. */
  persistedDocuments?: { file: string; only: boolean };
}

/** What distributed mode adds: the broker list, the topic prefix and Redis. */
export interface DistributedConfig {
  kafkaBrokers: string[];
  topicPrefix: string;
  redisUrl: string;
}

export type PlatformConfig = {
  mode: 'embedded' | 'distributed';
  host: string;
  port: number;
  production: boolean;
  /** Where events and read models live: one SQLite file, or one PostgreSQL schema. */
  storage: ReadModelDatabase;
  auth: AuthConfig;
  limits: LimitsConfig;
  browser: BrowserConfig;
  /** Present when `mode` is `distributed`. */
  distributed?: DistributedConfig;
  /** What to load into an empty store at start: the `demo` city-year, or nothing. */
  seed: 'none' | 'demo';
  /**
   * What uploaded files may be (`JIXIAO_ATTACHMENT_MAX_BYTES`, `JIXIAO_ATTACHMENT_TYPES`). They are kept
   * where the events are: beside the SQLite file (`<data dir>/attachments/`), or in the PostgreSQL schema.
   */
  attachments: AttachmentLimits;
  /**
   * The log's sealer: signed Merkle tree heads every `JIXIAO_SEAL_INTERVAL_SECONDS` (0: on demand only),
   * signed with the Ed25519 key in `JIXIAO_SEALER_KEY_FILE` (created on first use; default
   * `<data dir>/sealer-key.jwk.json`) and written to `JIXIAO_TREE_HEAD_DIR` too (default `<data dir>/tree-heads`).
   */
  sealer: SealerConfig;
};

const invalid = (lines: string[]) => new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
const refuse = (line: string) => invalid([`  ${line}`]);

/** Distributed mode needs PostgreSQL, Kafka and Redis; each missing variable is named. */
function requiredForDistributed(c: z.infer<typeof schema>): string[] {
  const missing: string[] = [];
  if (!c.JIXIAO_DATABASE_URL) missing.push('  JIXIAO_DATABASE_URL: required when JIXIAO_MODE=distributed');
  if (c.JIXIAO_STORE !== 'postgres') missing.push('  JIXIAO_STORE: must be postgres when JIXIAO_MODE=distributed');
  if (!c.JIXIAO_KAFKA_BROKERS) missing.push('  JIXIAO_KAFKA_BROKERS: required when JIXIAO_MODE=distributed');
  if (!c.JIXIAO_REDIS_URL) missing.push('  JIXIAO_REDIS_URL: required when JIXIAO_MODE=distributed');
  return missing;
}

/** The refusals among the token variables: a key source at most, an issuer the provider's, production's key. */
function tokenRefusals(c: z.infer<typeof schema>, production: boolean): string[] {
  const lines: string[] = [];
  if (c.JIXIAO_JWKS_URL && c.JIXIAO_JWT_PUBLIC_KEY)
    lines.push('  JIXIAO_JWKS_URL, JIXIAO_JWT_PUBLIC_KEY: set one of them, not both');
  if (c.JIXIAO_OIDC_ISSUER && c.JIXIAO_JWT_ISSUER && c.JIXIAO_OIDC_ISSUER !== c.JIXIAO_JWT_ISSUER)
    lines.push(
      `  JIXIAO_JWT_ISSUER: must equal JIXIAO_OIDC_ISSUER (${c.JIXIAO_OIDC_ISSUER}) or be unset: the console's tokens carry the provider's issuer (须与 JIXIAO_OIDC_ISSUER 相同或不设)`,
    );
  for (const variable of ['JIXIAO_OIDC_CLIENT_ID', 'JIXIAO_OIDC_SCOPE'] as const)
    if (c[variable] && !c.JIXIAO_OIDC_ISSUER) lines.push(`  ${variable}: needs JIXIAO_OIDC_ISSUER (the provider)`);
  if (production && !c.JIXIAO_JWKS_URL && !c.JIXIAO_JWT_PUBLIC_KEY && !c.JIXIAO_OIDC_ISSUER)
    lines.push(
      '  JIXIAO_OIDC_ISSUER, JIXIAO_JWKS_URL or JIXIAO_JWT_PUBLIC_KEY: required when NODE_ENV=production (the dev signing key is for development only)',
    );
  return lines;
}

/** Where tokens' signatures are checked: a JWKS URL, a PEM key, the provider's discovered JWKS, else the dev key. */
function keySourceOf(c: z.infer<typeof schema>): TokenKeySource {
  if (c.JIXIAO_JWKS_URL) return { kind: 'jwks', url: c.JIXIAO_JWKS_URL };
  if (c.JIXIAO_JWT_PUBLIC_KEY) return { kind: 'pem', pem: c.JIXIAO_JWT_PUBLIC_KEY, algorithm: c.JIXIAO_JWT_ALGORITHM };
  if (c.JIXIAO_OIDC_ISSUER) return { kind: 'discovery', issuer: c.JIXIAO_OIDC_ISSUER };
  return { kind: 'dev', file: devKeyFile(c.JIXIAO_DATA_DIR) };
}

/** Reads and checks the environment; every wrong variable is named with what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw invalid(lines);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  const refusals = tokenRefusals(c, production);
  if (refusals.length > 0) throw invalid(refusals);
  if (c.JIXIAO_PERSISTED_ONLY === 'true' && !c.JIXIAO_PERSISTED_DOCUMENTS) {
    throw refuse('JIXIAO_PERSISTED_DOCUMENTS: required when JIXIAO_PERSISTED_ONLY=true (the trusted documents file)');
  }
  if (c.JIXIAO_MODE === 'distributed') {
    const missing = requiredForDistributed(c);
    if (missing.length > 0) throw invalid(missing);
  } else if (c.JIXIAO_STORE === 'postgres' && !c.JIXIAO_DATABASE_URL) {
    throw invalid(['  JIXIAO_DATABASE_URL: required when JIXIAO_STORE=postgres']);
  }
  return {
    mode: c.JIXIAO_MODE,
    host: c.JIXIAO_HOST,
    port: c.JIXIAO_PORT,
    production,
    seed: c.JIXIAO_SEED,
    attachments: { maxBytes: c.JIXIAO_ATTACHMENT_MAX_BYTES, contentTypes: c.JIXIAO_ATTACHMENT_TYPES },
    sealer: {
      keyFile: path.resolve(c.JIXIAO_SEALER_KEY_FILE ?? path.join(c.JIXIAO_DATA_DIR, 'sealer-key.jwk.json')),
      treeHeadDir: path.resolve(c.JIXIAO_TREE_HEAD_DIR ?? path.join(c.JIXIAO_DATA_DIR, 'tree-heads')),
      intervalSeconds: c.JIXIAO_SEAL_INTERVAL_SECONDS,
      log: `jixiao/${c.JIXIAO_STORE === 'postgres' ? c.JIXIAO_DATABASE_SCHEMA : 'embedded'}`,
    },
    storage:
      c.JIXIAO_STORE === 'postgres'
        ? { kind: 'postgres', connectionString: c.JIXIAO_DATABASE_URL!, schema: c.JIXIAO_DATABASE_SCHEMA }
        : { kind: 'sqlite', file: path.resolve(c.JIXIAO_DATA_DIR, 'jixiao.db') },
    auth: {
      issuer: c.JIXIAO_JWT_ISSUER ?? c.JIXIAO_OIDC_ISSUER ?? 'jixiao-dev',
      audience: c.JIXIAO_JWT_AUDIENCE,
      key: keySourceOf(c),
      internalSecret: c.JIXIAO_INTERNAL_SECRET,
      ...(c.JIXIAO_OIDC_ISSUER
        ? {
            oidc: {
              authority: c.JIXIAO_OIDC_ISSUER,
              clientId: c.JIXIAO_OIDC_CLIENT_ID ?? 'jixiao-console',
              scope: c.JIXIAO_OIDC_SCOPE ?? 'openid profile',
            },
          }
        : {}),
    },
    limits: {
      ratePerMinute: c.JIXIAO_RATE_LIMIT_PER_MINUTE,
      maxBodyBytes: c.JIXIAO_MAX_BODY_BYTES,
      ...(c.JIXIAO_REDIS_URL ? { redisUrl: c.JIXIAO_REDIS_URL } : {}),
    },
    browser: {
      corsOrigins: c.JIXIAO_CORS_ORIGINS,
      ...(c.JIXIAO_PERSISTED_DOCUMENTS
        ? {
            persistedDocuments: {
              file: path.resolve(c.JIXIAO_PERSISTED_DOCUMENTS),
              only: c.JIXIAO_PERSISTED_ONLY === 'true',
            },
          }
        : {}),
    },
    distributed:
      c.JIXIAO_MODE === 'distributed'
        ? {
            kafkaBrokers: c.JIXIAO_KAFKA_BROKERS!.split(','),
            topicPrefix: c.JIXIAO_KAFKA_TOPIC_PREFIX,
            redisUrl: c.JIXIAO_REDIS_URL!,
          }
        : undefined,
  };
}
