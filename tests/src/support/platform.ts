import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadOrCreateDevKey,
  startPlatform,
  type AuthConfig,
  type BrowserConfig,
  type ReadModelDatabase,
  type RunningPlatform,
} from '@jixiao/infra';
import { mintToken, type AttachmentLimits, type ContextModule, type Role } from '@jixiao/service-kit';

/** Who sends a request: a role (with unit and user), a raw token, or no token at all. */
export type Caller = { role: Role; unitId?: string | null; userId?: string } | { token: string | null };

/** A caller with a role; the user id defaults to `test.<role>`. */
export const as = (role: Role, unitId: string | null = null, userId?: string): Caller => ({ role, unitId, userId });

export interface TestPlatform extends RunningPlatform {
  /** POSTs a GraphQL operation to the gateway as `caller` and returns the parsed body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> | undefined,
    caller: Caller,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
  /** A token signed with the platform's dev key; `options` can make it expired or for another audience. */
  mint(
    caller: { role: Role; unitId?: string | null; userId?: string },
    options?: { audience?: string; issuer?: string; expiresIn?: string | number },
  ): Promise<string>;
  /** The gateway ↔ subgraph secret, for tests that play the gateway. */
  assertionSecret: Uint8Array;
  /** Every event in the store, in position order. */
  allEvents(): ReturnType<RunningPlatform['store']['readAll']>;
}

export interface GqlResult<T> {
  status: number;
  data?: T;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- extensions vary per error
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  raw: string;
}

/** Signs tokens with the dev key in `keyFile`, as the platform's `npm run token` does. */
export function devKeyMinter(keyFile: string, auth: { issuer: string; audience: string }): TestPlatform['mint'] {
  const { privateKey } = loadOrCreateDevKey(keyFile);
  return (caller, options = {}) =>
    mintToken(
      privateKey,
      { userId: caller.userId ?? `test.${caller.role.toLowerCase()}`, role: caller.role, unitId: caller.unitId },
      {
        issuer: options.issuer ?? auth.issuer,
        audience: options.audience ?? auth.audience,
        expiresIn: options.expiresIn,
      },
    );
}

/** POSTs operations to the gateway at `url`, with a token minted for the caller. */
export function gqlClient(url: string, mint: TestPlatform['mint']): TestPlatform['gql'] {
  return async (query, variables, caller, headers = {}) => {
    const token = 'token' in caller ? caller.token : await mint(caller);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const raw = await response.text();
    return { status: response.status, raw, ...JSON.parse(raw) };
  };
}

/** The embedded platform on a free port with its own SQLite file, as `npm start` runs it. */
export async function startTestPlatform(
  options: {
    production?: boolean;
    ratePerMinute?: number;
    redisUrl?: string;
    /** Start again on the data (and dev key) of an earlier platform. */
    dir?: string;
    storage?: ReadModelDatabase;
    /** Seed an empty store with the demo city-year, as `npm start` does by default. */
    seed?: 'none' | 'demo';
    /** CORS origins and trusted documents, as `JIXIAO_CORS_ORIGINS` and `JIXIAO_PERSISTED_*` set them. */
    browser?: BrowserConfig;
    /** The bounded contexts to run (the platform's own list by default). */
    contexts?: readonly ContextModule[];
    /** The clock the deadline scheduler reads (now by default). */
    clock?: () => Date;
    /** Tokens from an identity provider instead of the dev key (`loadConfig`'s `auth` of JIXIAO_OIDC_ISSUER …). */
    auth?: Pick<AuthConfig, 'issuer' | 'key' | 'oidc'>;
    /** What uploads may be (`JIXIAO_ATTACHMENT_*`; 20 MiB of the detectable types by default). Files go to `<dir>/attachments/`. */
    attachments?: AttachmentLimits;
  } = {},
): Promise<
  TestPlatform & { dir: string; storage: ReadModelDatabase; dispose(options?: { keepData?: boolean }): Promise<void> }
> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const storage = options.storage ?? { kind: 'sqlite', file: join(dir, 'jixiao.db') };
  const internalSecret = randomBytes(32).toString('hex');
  const devKey = join(dir, 'dev-signing-key.jwk.json');
  const auth: AuthConfig = {
    issuer: 'jixiao-test',
    audience: 'jixiao',
    key: { kind: 'dev', file: devKey },
    internalSecret,
    ...options.auth,
  };
  const platform = await startPlatform({
    host: '127.0.0.1',
    port: 0,
    production: options.production ?? false,
    storage,
    seed: options.seed ?? 'none',
    browser: options.browser,
    contexts: options.contexts,
    clock: options.clock,
    auth,
    attachments: options.attachments,
    // generous: the fuzz run sends thousands of requests as one user
    limits: {
      ratePerMinute: options.ratePerMinute ?? 1_000_000,
      maxBodyBytes: 256 * 1024,
      redisUrl: options.redisUrl,
    },
  });
  // with a provider's tokens the dev key's are refused, as they should be
  const mint = devKeyMinter(devKey, auth);
  return {
    ...platform,
    dir,
    storage,
    mint,
    assertionSecret: new TextEncoder().encode(internalSecret),
    gql: gqlClient(platform.url, mint),
    allEvents: () => platform.store.readAll(),
    async dispose({ keepData = false } = {}) {
      await platform.close();
      if (!keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Four indicators that pass the goal rules: two output, one qualitative benefit, one satisfaction. */
export const validIndicators = () => [
  {
    level1: 'OUTPUT',
    level2: 'QUANTITY',
    name: '改造薄弱学校数量',
    operator: 'GTE',
    targetValue: 12,
    unit: '所',
    points: 30,
    basis: 'PLAN',
  },
  {
    level1: 'OUTPUT',
    level2: 'QUALITY',
    name: '工程验收合格率',
    operator: 'GTE',
    targetValue: 100,
    unit: '%',
    points: 20,
    basis: 'INDUSTRY',
  },
  {
    level1: 'BENEFIT',
    level2: 'SOCIAL',
    name: '农村学校办学条件',
    operator: 'QUALITATIVE',
    targetText: '明显改善',
    points: 30,
    basis: 'OTHER',
  },
  {
    level1: 'SATISFACTION',
    level2: 'BENEFICIARY',
    name: '师生满意度',
    operator: 'GTE',
    targetValue: 90,
    unit: '%',
    points: 20,
    basis: 'HISTORICAL',
    core: true,
  },
];

/** A goal for a project: the unit, year and division come from the project. */
export const goalInput = (projectId: string, overrides: Record<string, unknown> = {}) => ({
  projectId,
  overallGoal: '改善 12 所农村义务教育学校办学条件，消除大班额',
  amount: '5000000.00',
  indicators: validIndicators(),
  ...overrides,
});

let projectCodes = 0;
/** A project proposal of the unit, with a code of its own; new and major unless told otherwise. */
export const projectInput = (unitId: string, overrides: Record<string, unknown> = {}) => ({
  unitId,
  code: `JY-2024-${String(++projectCodes).padStart(3, '0')}`,
  name: '义务教育薄弱环节改善与能力提升',
  category: 'ONE_OFF',
  isNew: true,
  isMajor: true,
  amountRequested: '5000000.00',
  fiscalYear: 2024,
  years: 1,
  ...overrides,
});

export const REGISTER_UNIT = `mutation($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { id code name level } }`;
export const SUBMIT_GOAL = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { id status version indicators { id name } } }`;
export const REVISE_INDICATOR = `mutation($input: ReviseIndicatorInput!) { reviseIndicator(input: $input) { id version indicators { id targetValue revisionCount } } }`;
export const PROPOSE_PROJECT = `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id code libraryStatus libraryBlockers { condition zh } } }`;
export const OPINION = `mutation($input: RecordReviewOpinionInput!) { recordReviewOpinion(input: $input) { status version opinions { reviewerRole opinion } } }`;
export const REVIEW = `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status statusLabel version reviewRounds reviews { round stage result reviewerRole comment } } }`;
export const JOINT_REVIEWERS = [
  as('BUDGET_SECTION', null, 'wang.yu'),
  as('PERFORMANCE_SECTION', null, 'li.na'),
  as('EXPERT', null, 'expert.chen'),
];
