import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isRole, mintToken, ROLES } from '@jixiao/service-kit';
import { loadConfig } from '../config/config';
import { loadOrCreateDevKey } from './dev-key';

const USAGE = `用法 (usage): npm run token -- --role <ROLE> [--unit <unit id>] [--user <user id>] [--ttl 8h]
  ROLE: ${ROLES.join(', ')}
  BUDGET_UNIT and DEPARTMENT need --unit.`;

/** `npm run token`: mints a demo token with embedded mode's dev key and prints it (only it) on stdout. */
async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, unit: { type: 'string' }, user: { type: 'string' }, ttl: { type: 'string' } },
  });
  const role = values.role?.toUpperCase();
  if (!isRole(role)) throw new Error(`未知或缺少角色 (unknown or missing --role)\n${USAGE}`);
  if ((role === 'BUDGET_UNIT' || role === 'DEPARTMENT') && !values.unit) {
    throw new Error(`${role} 需要 --unit (needs --unit <unit id>)\n${USAGE}`);
  }
  const config = loadConfig();
  if (config.auth.key.kind !== 'dev') {
    throw new Error('已配置外部身份提供方，请从该处获取令牌 (an identity provider is configured; get tokens from it)');
  }
  const { privateKey } = loadOrCreateDevKey(config.auth.key.file);
  const token = await mintToken(
    privateKey,
    { userId: values.user ?? `demo.${role.toLowerCase()}`, role, unitId: values.unit ?? null },
    { issuer: config.auth.issuer, audience: config.auth.audience, expiresIn: values.ttl ?? '8h' },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
