import path from 'node:path';
import { z } from 'zod';
import type { ReadModelDatabase } from '../read-models/orm';

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
  JIXIAO_SEED: z.enum(['none', 'demo'], { message: 'must be none or demo (无示例数据 / 示例数据)' }).default('demo'),
  NODE_ENV: z.string().default('development'),
});

export type PlatformConfig = {
  mode: 'embedded' | 'distributed';
  host: string;
  port: number;
  production: boolean;
  /** Where events and read models live: one SQLite file, or one PostgreSQL schema. */
  storage: ReadModelDatabase;
  /** What to load into an empty store at start: the `demo` city-year, or nothing. */
  seed: 'none' | 'demo';
};

/** Reads and checks the environment; every wrong variable is named with what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.JIXIAO_STORE === 'postgres' && !c.JIXIAO_DATABASE_URL) {
    throw new Error('配置有误 (invalid configuration):\n  JIXIAO_DATABASE_URL: required when JIXIAO_STORE=postgres');
  }
  if (c.JIXIAO_MODE === 'distributed') {
    throw new Error('分布式模式尚未提供 (distributed mode is not available yet); use JIXIAO_MODE=embedded');
  }
  return {
    mode: c.JIXIAO_MODE,
    host: c.JIXIAO_HOST,
    port: c.JIXIAO_PORT,
    production: c.NODE_ENV === 'production',
    seed: c.JIXIAO_SEED,
    storage:
      c.JIXIAO_STORE === 'postgres'
        ? { kind: 'postgres', connectionString: c.JIXIAO_DATABASE_URL!, schema: c.JIXIAO_DATABASE_SCHEMA }
        : { kind: 'sqlite', file: path.resolve(c.JIXIAO_DATA_DIR, 'jixiao.db') },
  };
}
