import { Rng } from '@jixiao/generator';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import os from 'node:os';
import type { Caller } from './child';
import { post } from './paced';
import { quantile } from './stats';

/**
 * The mixed load of issue 20: a working day at the goal-submission deadline. About 80 % reads —
 * goal lists with filters, a goal with its indicators and unit, review queues per role, coverage
 * and review statistics, budget units, goal histories — and 20 % writes through the real workflow
 * (propose a project → draft its goal → revise an indicator → submit → the department's review
 * for a second-level unit → the three joint-review opinions → the performance section's review),
 * each with a command id and as the role that does it. Driven open-loop: request i is due at
 * i / rate and sent then whatever earlier ones are doing, its latency counted from when it was due.
 */

/** Where the load goes: a gateway, tokens for any caller, and the resident set of the platform's processes. */
export interface MixedTarget {
  url: string;
  as(caller: Caller): Promise<Record<string, string>>;
  /** Current RSS of the platform's processes in bytes (summed), or null when not known. */
  rss(): number | null;
}

interface Unit {
  id: string;
  level: 'FIRST' | 'SECOND';
  parentId: string | null;
}

/** What the load reads and writes about: the year's units (with departments) and a sample of its goals. */
export interface World {
  fiscalYear: number;
  units: Unit[];
  /** Units with second-level units under them: the DEPARTMENT callers. */
  departments: string[];
  /** A spread sample of the year's goals (up to 1,000), and how many the year has. */
  goals: { id: string; unitId: string }[];
  goalCount: number;
}

interface Request {
  name: string;
  kind: 'read' | 'write';
  query: string;
  variables?: Record<string, unknown>;
  caller: Caller;
}

/** The generator's seeded source: the same sequence of operations for the same seed. */
type Random = Rng;

const SECTION: Caller = { userId: 'mixed.performance', role: 'PERFORMANCE_SECTION', unitId: null };
const BUDGET: Caller = { userId: 'mixed.budget', role: 'BUDGET_SECTION', unitId: null };
const EXPERT: Caller = { userId: 'mixed.expert', role: 'EXPERT', unitId: null };
const AUDITOR: Caller = { userId: 'mixed.auditor', role: 'AUDITOR', unitId: null };
const NPC: Caller = { userId: 'mixed.npc', role: 'NPC', unitId: null };
const officer = (unitId: string): Caller => ({
  userId: `mixed.unit.${unitId.slice(0, 8)}`,
  role: 'BUDGET_UNIT',
  unitId,
});
const department = (unitId: string): Caller => ({
  userId: `mixed.dept.${unitId.slice(0, 8)}`,
  role: 'DEPARTMENT',
  unitId,
});

interface Answer {
  status: number;
  ms: number;
  code: string | null;
  message?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary per operation
  data?: Record<string, any>;
}

/** POSTs one operation; the error code is the GraphQL error's, else the HTTP status, else the socket's. */
async function send(agent: Agent, url: URL, target: MixedTarget, r: Request, due: number): Promise<Answer> {
  const headers = await target.as(r.caller);
  const posted = await post(agent, url, JSON.stringify({ query: r.query, variables: r.variables }), headers);
  const ms = performance.now() - due;
  if (posted.failure) {
    const message = posted.failure === 'TIMEOUT' ? 'no answer within 30 s' : 'the connection failed';
    return { status: 0, ms, code: posted.failure, message };
  }
  let parsed: { data?: Record<string, unknown>; errors?: { message?: string; extensions?: { code?: string } }[] } = {};
  try {
    parsed = JSON.parse(posted.body);
  } catch {
    // not JSON: the status says what happened
  }
  const code = parsed.errors?.length
    ? (parsed.errors[0]!.extensions?.code ?? 'GRAPHQL_ERROR')
    : posted.status !== 200
      ? `HTTP_${posted.status}`
      : parsed.data
        ? null
        : 'NO_DATA';
  const message = code ? (parsed.errors?.[0]?.message ?? posted.body.slice(0, 200)) : undefined;
  return { status: posted.status, ms, code, message, data: parsed.data };
}

/** Units (all pages) and a spread sample of the year's goals, read as the performance section. */
export async function discoverWorld(target: MixedTarget, fiscalYear: number, goalSample = 1000): Promise<World> {
  const agent = new Agent({ keepAlive: true });
  const url = new URL(target.url);
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const answer = await send(agent, url, target, { name: '', kind: 'read', query, variables, caller: SECTION }, 0);
    if (answer.code) throw new Error(`${query.slice(0, 60)} answered ${answer.code}`);
    return answer.data!;
  };
  const units: Unit[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await ask(
      'query($p: PageInput) { budgetUnits(page: $p) { totalCount nodes { id level parentId } } }',
      { p: { first: 200, offset } },
    );
    units.push(...page.budgetUnits.nodes);
    if (units.length >= page.budgetUnits.totalCount || page.budgetUnits.nodes.length === 0) break;
  }
  const goalsQuery = `query($f: GoalFilter, $p: PageInput) { goals(filter: $f, page: $p) { totalCount nodes { id unit { id } } } }`;
  const first = await ask(goalsQuery, { f: { fiscalYear }, p: { first: 1 } });
  const total: number = first.goals.totalCount;
  const pages = Math.max(1, Math.min(Math.ceil(goalSample / 200), Math.ceil(total / 200)));
  const goals: World['goals'] = [];
  for (let i = 0; i < pages; i++) {
    const offset = Math.floor((i * Math.max(0, total - 200)) / Math.max(1, pages - 1));
    const page = await ask(goalsQuery, { f: { fiscalYear }, p: { first: 200, offset } });
    goals.push(...page.goals.nodes.map((g: { id: string; unit: { id: string } }) => ({ id: g.id, unitId: g.unit.id })));
  }
  agent.destroy();
  const departments = [...new Set(units.map((u) => u.parentId).filter((p): p is string => p !== null))];
  if (units.length === 0 || goals.length === 0) throw new Error(`no units or no goals of ${fiscalYear} to load`);
  return { fiscalYear, units, departments, goals, goalCount: total };
}

const STATUSES = ['SUBMITTED', 'FINANCE_REVIEW', 'RETURNED', 'APPROVED', 'ISSUED', 'DRAFT'];
const TEXTS = ['学校', '道路', '医疗', '农业', '养老', '环境', '培训', '补助'];
const GOAL_PAGE = 'totalCount nodes { id projectName status statusLabel amount updatedAt unit { name } }';

/** The read operations and their shares of all requests (they sum to 80). */
const READS: { weight: number; make(w: World, r: Random): Request }[] = [
  {
    weight: 14,
    make: (w, r) => {
      const unitId = r.pick(w.goals).unitId;
      const status = r.next() < 0.5 ? undefined : r.pick(STATUSES);
      return {
        name: 'goals: a unit’s list, by status',
        kind: 'read',
        query: `query($f: GoalFilter, $p: PageInput) { goals(filter: $f, page: $p) { ${GOAL_PAGE} } }`,
        variables: { f: { unitId, fiscalYear: w.fiscalYear, status }, p: { first: 20 } },
        caller: officer(unitId),
      };
    },
  },
  {
    weight: 8,
    make: (w, r) => ({
      name: 'goals: the year by status, a later page',
      kind: 'read',
      query: `query($f: GoalFilter, $p: PageInput) { goals(filter: $f, page: $p) { ${GOAL_PAGE} } }`,
      variables: {
        f: { fiscalYear: w.fiscalYear, status: r.pick(STATUSES) },
        p: { first: 20, offset: 20 * Math.floor(r.next() * 20) },
      },
      caller: r.pick([SECTION, BUDGET]),
    }),
  },
  {
    weight: 4,
    make: (w, r) => ({
      name: 'goals: text search',
      kind: 'read',
      query: `query($f: GoalFilter, $p: PageInput) { goals(filter: $f, page: $p) { ${GOAL_PAGE} } }`,
      variables: { f: { fiscalYear: w.fiscalYear, text: r.pick(TEXTS) }, p: { first: 20 } },
      caller: BUDGET,
    }),
  },
  {
    weight: 18,
    make: (w, r) => {
      const goal = r.pick(w.goals);
      return {
        name: 'goal + indicators + unit',
        kind: 'read',
        query: `query($id: ID!) { goal(id: $id) { id projectName status version amount overallGoal
          indicators { id name level1 level2 operator targetValue targetText unit points } unit { name code level } } }`,
        variables: { id: goal.id },
        caller: r.next() < 0.6 ? officer(goal.unitId) : SECTION,
      };
    },
  },
  {
    weight: 14,
    make: (w, r) => {
      const x = r.next();
      const unitId = r.pick(w.goals).unitId;
      const caller =
        x < 0.25
          ? SECTION
          : x < 0.45
            ? BUDGET
            : x < 0.6
              ? EXPERT
              : x < 0.8 && w.departments.length
                ? department(r.pick(w.departments))
                : officer(unitId);
      return {
        name: 'reviewQueue (per role)',
        kind: 'read',
        query: `{ reviewQueue(page: { first: 20 }) { ${GOAL_PAGE} } }`,
        caller,
      };
    },
  },
  {
    weight: 3,
    make: (w) => ({
      name: 'goalCoverage: the year',
      kind: 'read',
      query: `query($y: Int!) { goalCoverage(fiscalYear: $y) { unit { id } projects projectsWithApprovedGoal coverage } }`,
      variables: { y: w.fiscalYear },
      caller: SECTION,
    }),
  },
  {
    weight: 3,
    make: (w, r) => {
      const unitId = r.pick(w.goals).unitId;
      return {
        name: 'goalCoverage: a unit',
        kind: 'read',
        query: `query($u: ID, $y: Int!) { goalCoverage(unitId: $u, fiscalYear: $y) { unit { id name } projects projectsWithApprovedGoal coverage } }`,
        variables: { u: unitId, y: w.fiscalYear },
        caller: officer(unitId),
      };
    },
  },
  {
    weight: 4,
    make: (w, r) => ({
      name: 'reviewStatistics',
      kind: 'read',
      query: `query($y: Int!) { reviewStatistics(fiscalYear: $y) { goalsReviewed indicatorsReviewed reviewDecisions goalsApproved goalsReturned } }`,
      variables: { y: w.fiscalYear },
      caller: r.pick([SECTION, NPC]),
    }),
  },
  {
    weight: 6,
    make: (w, r) => ({
      name: 'budgetUnits',
      kind: 'read',
      query: `query($p: PageInput) { budgetUnits(page: $p) { totalCount nodes { id code name level parent { name } } } }`,
      variables: { p: { first: 50, offset: 50 * Math.floor(r.next() * Math.ceil(w.units.length / 50)) } },
      caller: BUDGET,
    }),
  },
  {
    weight: 6,
    make: (w, r) => ({
      name: 'goal history',
      kind: 'read',
      query: `query($id: ID!) { goal(id: $id) { id history { type streamVersion recordedAt hash actor { actorId role } } } }`,
      variables: { id: r.pick(w.goals).id },
      caller: AUDITOR,
    }),
  },
];
const READ_WEIGHT = READS.reduce((n, op) => n + op.weight, 0);

const INDICATORS = [
  {
    level1: 'OUTPUT',
    level2: 'QUANTITY',
    name: '完成项目数量',
    operator: 'GTE',
    targetValue: 12,
    unit: '个',
    points: 30,
    basis: 'PLAN',
  },
  {
    level1: 'OUTPUT',
    level2: 'QUALITY',
    name: '验收合格率',
    operator: 'GTE',
    targetValue: 100,
    unit: '%',
    points: 20,
    basis: 'INDUSTRY',
  },
  {
    level1: 'BENEFIT',
    level2: 'SOCIAL',
    name: '服务条件',
    operator: 'QUALITATIVE',
    targetText: '明显改善',
    points: 30,
    basis: 'OTHER',
  },
  {
    level1: 'SATISFACTION',
    level2: 'BENEFICIARY',
    name: '服务对象满意度',
    operator: 'GTE',
    targetValue: 90,
    unit: '%',
    points: 20,
    basis: 'HISTORICAL',
  },
];
const GOAL_ANSWER = 'id status version indicators { id name }';

/** One project's way through the workflow: each step is a write, the next one sent only after it answered. */
class Chain {
  private step = 0;
  private projectId = '';
  private goalId = '';
  private version = 0;
  private indicatorId = '';
  private readonly steps: ((c: Chain) => Request)[];

  constructor(
    private readonly unit: Unit,
    private readonly code: string,
    private readonly fiscalYear: number,
  ) {
    const opinion = (caller: Caller) => (c: Chain) =>
      c.write('recordReviewOpinion', 'recordReviewOpinion', 'RecordReviewOpinionInput', caller, {
        goalId: c.goalId,
        expectedVersion: c.version,
        opinion: 'APPROVE',
        comment: '同意',
      });
    this.steps = [
      (c) =>
        c.write(
          'proposeProject',
          'proposeProject',
          'ProposeProjectInput',
          officer(c.unit.id),
          {
            unitId: c.unit.id,
            code: c.code,
            name: '基层公共服务能力提升',
            category: 'ONE_OFF',
            isNew: false,
            isMajor: false,
            amountRequested: '800000.00',
            fiscalYear: c.fiscalYear,
          },
          'id',
        ),
      (c) =>
        c.write('draftGoal', 'draftGoal', 'DraftGoalInput', officer(c.unit.id), {
          projectId: c.projectId,
          overallGoal: '完成年度建设任务，改善服务条件',
          amount: '800000.00',
          indicators: INDICATORS,
        }),
      (c) =>
        c.write('reviseIndicator', 'reviseIndicator', 'ReviseIndicatorInput', officer(c.unit.id), {
          goalId: c.goalId,
          expectedVersion: c.version,
          reason: '按年度计划调整数量',
          indicator: { ...INDICATORS[0], id: c.indicatorId, targetValue: 15 },
        }),
      (c) =>
        c.write('submitDraft', 'submitDraft', 'SubmitDraftInput', officer(c.unit.id), {
          goalId: c.goalId,
          expectedVersion: c.version,
        }),
      ...(unit.parentId
        ? [
            (c: Chain) =>
              c.write('reviewGoal (department)', 'reviewGoal', 'ReviewGoalInput', department(c.unit.parentId!), {
                goalId: c.goalId,
                expectedVersion: c.version,
                result: 'APPROVE',
                comment: '同意报送',
              }),
          ]
        : []),
      opinion(BUDGET),
      opinion(SECTION),
      opinion(EXPERT),
      (c) =>
        c.write('reviewGoal (finance)', 'reviewGoal', 'ReviewGoalInput', SECTION, {
          goalId: c.goalId,
          expectedVersion: c.version,
          result: 'APPROVE',
          comment: '联审通过',
        }),
    ];
  }

  private write(
    name: string,
    mutation: string,
    input: string,
    caller: Caller,
    fields: Record<string, unknown>,
    answer = GOAL_ANSWER,
  ): Request {
    return {
      name,
      kind: 'write',
      query: `mutation($input: ${input}!) { ${mutation}(input: $input) { ${answer} } }`,
      variables: { input: { commandId: randomUUID(), ...fields } },
      caller,
    };
  }

  next(): Request {
    return this.steps[this.step]!(this);
  }

  /** Takes in a step's answer; false when the chain is done (or cannot go on). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers vary per mutation
  advance(data: Record<string, any>): boolean {
    const result = Object.values(data)[0] as { id: string; version?: number; indicators?: { id: string }[] };
    if (this.step === 0) this.projectId = result.id;
    else {
      this.goalId = result.id;
      this.version = result.version!;
      this.indicatorId ||= result.indicators?.[0]?.id ?? '';
    }
    return ++this.step < this.steps.length;
  }
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface MixedFigures {
  /** The arrival rate asked for, req/s, and for how long. */
  rate: number;
  seconds: number;
  sent: number;
  /** Answered with data and no error, per second of the run (until the last answer). */
  achieved: number;
  /** Latency from when each request was due, errors and timeouts included (at when they ended). */
  reads: Percentiles;
  writes: Percentiles;
  all: Percentiles;
  operations: (Percentiles & { name: string; kind: 'read' | 'write'; errors: number })[];
  errors: Record<string, number>;
  /** The first error message seen for each code. */
  errorMessages: Record<string, string>;
  maxInFlight: number;
  workflows: { started: number; completed: number; broken: number };
  rss: { startMiB: number; endMiB: number; peakMiB: number; slopeMiBPerMinute: number; afterSeconds: number } | null;
  /** Per interval of the run: req/s answered in it; p50/p99 and errors of the requests due in it; RSS at its end. */
  intervals: {
    fromSecond: number;
    achieved: number;
    p50: number;
    p99: number;
    errors: number;
    rssMiB: number | null;
  }[];
  /** p99 over the whole run at most 300 ms, and fewer than 0.1 % errors. */
  holds: boolean;
  loadAverage: { start: number[]; end: number[] };
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

function percentiles(ms: number[]): Percentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Least-squares slope of (second, bytes) samples, in MiB a minute. */
function slope(samples: { second: number; bytes: number }[]): number {
  if (samples.length < 2) return NaN;
  const mx = samples.reduce((n, s) => n + s.second, 0) / samples.length;
  const my = samples.reduce((n, s) => n + s.bytes, 0) / samples.length;
  const sxy = samples.reduce((n, s) => n + (s.second - mx) * (s.bytes - my), 0);
  const sxx = samples.reduce((n, s) => n + (s.second - mx) ** 2, 0);
  return round(((sxy / sxx) * 60) / 2 ** 20, 2);
}

const loadAverage = () => os.loadavg().map((l) => round(l, 2));

/** The RSS (VmRSS) of a process in bytes, or null once it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * `rate` requests a second for `seconds`, open-loop: about 20 % writes (the next step of a workflow
 * whose previous step has answered, else a new project), the rest reads by the weights above.
 */
export async function mixedLoad(
  target: MixedTarget,
  world: World,
  options: { rate: number; seconds: number; seed?: number; log?: (line: string) => void },
): Promise<MixedFigures> {
  const { rate, seconds } = options;
  const r = new Rng(options.seed ?? rate);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const url = new URL(target.url);
  const run = randomUUID().slice(0, 6).toUpperCase();
  const records: { name: string; kind: 'read' | 'write'; due: number; ms: number; code: string | null }[] = [];
  const errorMessages: Record<string, string> = {};
  const ready: Chain[] = [];
  const workflows = { started: 0, completed: 0, broken: 0 };
  const rss: { second: number; bytes: number }[] = [];
  const loadStart = loadAverage();
  let inFlight = 0;
  let maxInFlight = 0;
  const started = performance.now();
  const sampleRss = () => {
    const bytes = target.rss();
    if (bytes !== null) rss.push({ second: (performance.now() - started) / 1000, bytes });
  };
  sampleRss();
  const sampler = setInterval(sampleRss, 5000);
  const interval = Math.max(5, Math.min(60, Math.round(seconds / 6)));
  const progress = setInterval(() => {
    const since = performance.now() - started - interval * 1000;
    // answered in the last interval (whenever they were due)
    const recent = records.filter((x) => x.due + x.ms >= since);
    const p = percentiles(recent.map((x) => x.ms));
    options.log?.(
      `${rate} req/s, ${Math.round((performance.now() - started) / 1000)} s: ${recent.length} answered in the last ${interval} s, p50 ${p.p50} p99 ${p.p99} ms, ${recent.filter((x) => x.code).length} errors, ${inFlight} in flight`,
    );
  }, interval * 1000);

  const fire = async (request: Request, due: number, chain?: Chain) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const answer = await send(agent, url, target, request, due);
    inFlight--;
    records.push({ name: request.name, kind: request.kind, due: due - started, ms: answer.ms, code: answer.code });
    if (answer.code && !(answer.code in errorMessages))
      errorMessages[answer.code] = `${request.name}: ${answer.message}`;
    if (!chain) return;
    if (answer.code) workflows.broken++;
    else if (chain.advance(answer.data!)) ready.push(chain);
    else workflows.completed++;
  };

  const pending: Promise<void>[] = [];
  const total = Math.round(seconds * rate);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (r.next() < 0.2) {
      let chain = ready.shift();
      if (!chain) {
        workflows.started++;
        chain = new Chain(r.pick(world.units), `MX-${run}-${workflows.started}`, world.fiscalYear);
      }
      pending.push(fire(chain.next(), due, chain));
    } else {
      let x = r.next() * READ_WEIGHT;
      const op = READS.find((o) => (x -= o.weight) < 0) ?? READS[READS.length - 1]!;
      pending.push(fire(op.make(world, r), due));
    }
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  clearInterval(progress);
  sampleRss();
  agent.destroy();

  const errors: Record<string, number> = {};
  for (const x of records) if (x.code) errors[x.code] = (errors[x.code] ?? 0) + 1;
  const names = [...new Set(records.map((x) => x.name))];
  const operations = names.map((name) => {
    const of = records.filter((x) => x.name === name);
    return { name, kind: of[0]!.kind, errors: of.filter((x) => x.code).length, ...percentiles(of.map((x) => x.ms)) };
  });
  const intervals = [];
  for (let from = 0; from < seconds; from += interval) {
    const of = records.filter((x) => x.due >= from * 1000 && x.due < (from + interval) * 1000);
    const p = percentiles(of.map((x) => x.ms));
    const last = rss.filter((s) => s.second <= from + interval).pop();
    intervals.push({
      fromSecond: from,
      // throughput by when answers came, latency by when requests were due
      achieved: round(
        records.filter((x) => !x.code && x.due + x.ms >= from * 1000 && x.due + x.ms < (from + interval) * 1000)
          .length / Math.min(interval, seconds - from),
      ),
      p50: p.p50,
      p99: p.p99,
      errors: of.filter((x) => x.code).length,
      rssMiB: last ? round(last.bytes / 2 ** 20) : null,
    });
  }
  // the slope after warm-up: past the first minute, or the first quarter of a shorter run
  const warmUp = Math.min(60, seconds / 4);
  const all = percentiles(records.map((x) => x.ms));
  const failed = records.filter((x) => x.code).length;
  return {
    rate,
    seconds,
    sent: records.length,
    achieved: round((records.length - failed) / elapsed),
    reads: percentiles(records.filter((x) => x.kind === 'read').map((x) => x.ms)),
    writes: percentiles(records.filter((x) => x.kind === 'write').map((x) => x.ms)),
    all,
    operations: operations.sort((a, b) => (a.kind === b.kind ? b.count - a.count : a.kind === 'read' ? -1 : 1)),
    errors,
    errorMessages,
    maxInFlight,
    workflows,
    rss: rss.length
      ? {
          startMiB: round(rss[0]!.bytes / 2 ** 20),
          endMiB: round(rss[rss.length - 1]!.bytes / 2 ** 20),
          peakMiB: round(Math.max(...rss.map((s) => s.bytes)) / 2 ** 20),
          slopeMiBPerMinute: slope(rss.filter((s) => s.second >= warmUp)),
          afterSeconds: warmUp,
        }
      : null,
    intervals,
    holds: all.p99 <= 300 && failed <= records.length / 1000,
    loadAverage: { start: loadStart, end: loadAverage() },
  };
}
