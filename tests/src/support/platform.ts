import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type ReadModelDatabase, type RunningPlatform } from '@jixiao/infra';

export interface TestPlatform extends RunningPlatform {
  /** POSTs a GraphQL operation to the gateway and returns the parsed body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes vary per operation
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResult<T>>;
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

/** The embedded platform on a free port with its own SQLite file, as `npm start` runs it. */
export async function startTestPlatform(
  options: { dir?: string; storage?: ReadModelDatabase } = {},
): Promise<
  TestPlatform & { dir: string; storage: ReadModelDatabase; dispose(options?: { keepData?: boolean }): Promise<void> }
> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'jixiao-e2e-'));
  const storage = options.storage ?? { kind: 'sqlite', file: join(dir, 'jixiao.db') };
  const platform = await startPlatform({ host: '127.0.0.1', port: 0, production: false, storage });
  return {
    ...platform,
    dir,
    storage,
    async gql(query, variables, headers = {}) {
      const response = await fetch(platform.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const raw = await response.text();
      return { status: response.status, raw, ...JSON.parse(raw) };
    },
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
  amount: 5_000_000,
  indicators: validIndicators(),
  ...overrides,
});

/** A project proposal of the unit; new and major unless told otherwise. */
export const projectInput = (unitId: string, overrides: Record<string, unknown> = {}) => ({
  unitId,
  code: 'JY-2024-017',
  name: '义务教育薄弱环节改善与能力提升',
  category: 'ONE_OFF',
  isNew: true,
  isMajor: true,
  amountRequested: 5_000_000,
  fiscalYear: 2024,
  years: 1,
  ...overrides,
});

/** Identity headers of one demo user per role (until tokens replace them). */
export const as = (role: string, user: string, unit?: string): Record<string, string> => ({
  'x-jixiao-user': user,
  'x-jixiao-role': role,
  ...(unit ? { 'x-jixiao-unit': unit } : {}),
});

export const REGISTER_UNIT = `mutation($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { id code name level } }`;
export const SUBMIT_GOAL = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) { id status version indicators { id name } } }`;
export const REVISE_INDICATOR = `mutation($input: ReviseIndicatorInput!) { reviseIndicator(input: $input) { id version indicators { id targetValue revisionCount } } }`;
export const PROPOSE_PROJECT = `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id code libraryStatus libraryBlockers { condition zh } } }`;
export const OPINION = `mutation($input: RecordReviewOpinionInput!) { recordReviewOpinion(input: $input) { status version opinions { reviewerRole opinion } } }`;
export const REVIEW = `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status statusLabel version reviewRounds reviews { round stage result reviewerRole comment } } }`;
export const JOINT_REVIEWERS = [
  as('BUDGET_SECTION', 'wang.yu'),
  as('PERFORMANCE_SECTION', 'li.na'),
  as('EXPERT', 'expert.chen'),
];
