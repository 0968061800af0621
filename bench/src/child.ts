import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { mintToken, signAssertion, type Role } from '@jixiao/service-kit';

export interface ServedPlatform {
  url: string;
  apolloUrl: string;
  subgraphUrls: Record<string, string>;
  applied: number;
  listening: number;
  rebuildMs: number;
  rss: number;
  child: ChildProcess;
  /** Headers that authenticate the bench's caller (PERFORMANCE_SECTION) to each target. */
  credentials: Credentials;
  /** Asks the child for its peak RSS so far. */
  peakRss(): Promise<number>;
  stop(): Promise<void>;
}

export interface Credentials {
  /** A user token, for a gateway (ours). */
  gateway(): Promise<Record<string, string>>;
  /** A fresh 60 s gateway assertion, for @apollo/gateway (which forwards it) and the subgraph itself. */
  assertion(): Promise<Record<string, string>>;
  /** A user token for another caller (a role, its unit, a user id), for a gateway: workloads acting as many users. */
  as(caller: Caller): Promise<Record<string, string>>;
}

export interface Caller {
  userId: string;
  role: Role;
  unitId: string | null;
}

const CALLER: Caller = { userId: 'bench.performance', role: 'PERFORMANCE_SECTION', unitId: null };

/**
 * The platform runs as in production: tokens checked against a key it was given, subgraphs behind
 * the gateway's assertion. The bench holds the private key and the shared secret so that it can
 * call all three targets as the same caller; the per-user rate limit is raised out of the way.
 */
function productionAuth(): { env: Record<string, string>; credentials: Credentials } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const secret = randomBytes(32).toString('hex');
  const env = {
    JIXIAO_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    JIXIAO_JWT_ALGORITHM: 'EdDSA',
    JIXIAO_INTERNAL_SECRET: secret,
    JIXIAO_RATE_LIMIT_PER_MINUTE: '100000000',
  };
  const tokens = new Map<string, Promise<string>>();
  const as = async (caller: Caller) => {
    const key = `${caller.role} ${caller.unitId} ${caller.userId}`;
    // 8 h tokens, minted once per caller: a soak's requests are not token signing
    if (!tokens.has(key)) tokens.set(key, mintToken(privateKey, caller, { issuer: 'jixiao-dev', audience: 'jixiao' }));
    return { authorization: `Bearer ${await tokens.get(key)}` };
  };
  const credentials: Credentials = {
    gateway: () => as(CALLER),
    assertion: async () => ({ 'x-jixiao-assertion': await signAssertion(new TextEncoder().encode(secret), CALLER) }),
    as,
  };
  return { env, credentials };
}

/** Starts bench/dist/serve.js with these JIXIAO_* variables and waits for its ready line. */
export function servePlatform(env: Record<string, string>): Promise<ServedPlatform> {
  const auth = productionAuth();
  // with the bench's node flags, which are `npm start`'s (see package.json)
  const child = spawn(process.execPath, [...process.execArgv, path.join(__dirname, 'serve.js')], {
    env: { ...process.env, NODE_ENV: 'production', JIXIAO_PORT: '0', JIXIAO_SEED: 'none', ...auth.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
      lines.once('line', (line) => resolve(JSON.parse(line)));
    });
  return next().then((ready) => ({
    ...(ready as unknown as Omit<ServedPlatform, 'child' | 'peakRss' | 'stop'>),
    child,
    credentials: auth.credentials,
    async peakRss() {
      const answer = next();
      child.stdin!.write('rss\n');
      return (await answer).rss as number;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  }));
}
