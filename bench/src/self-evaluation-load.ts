import { Agent } from 'node:http';
import type { Caller } from './child';
import { post } from './paced';
import { quantile } from './stats';

/** A platform to load: its gateway's URL and tokens for any caller. */
export interface SelfEvaluationTarget {
  url: string;
  as(caller: Caller): Promise<Record<string, string>>;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** What `results.json`'s `selfEvaluation` holds: one run of scoring and submitting at one fixed rate. */
export interface SelfEvaluationFigures {
  date: string;
  /** `npm run bench:self-evaluation` or the stage of `npm run bench`. */
  how: string;
  scale: string;
  /** The self-evaluations of the served year in the read models before the run (the tianmen year's 24,780). */
  yearEvaluations: number;
  /** The fiscal year of the bench's own goals and notice (the served year's next), and how many goals of how many indicators. */
  fiscalYear: number;
  goals: number;
  indicators: number;
  /** How long issuing those goals and the notice took through the API (not timed in the figures). */
  prepareSeconds: number;
  /** Arrivals per second asked for, and how long the arrivals lasted. */
  rate: number;
  seconds: number;
  /** Sheets started (one per task, at most rate × seconds) and those submitted without an error. */
  started: number;
  submitted: number;
  /** Submissions completed per second over the run. */
  achieved: number;
  /** From when a sheet was due to the submit mutation's answer: the score preview, then the submission. */
  total: Percentiles;
  /** The scoring query alone (previewSelfEvaluationScore), and the command alone (submitSelfEvaluation). */
  preview: Percentiles;
  submit: Percentiles;
  /** Errors by code (HTTP status or GraphQL error code). */
  errors: Record<string, number>;
  /** The grades the submitted sheets scored. */
  grades: Record<string, number>;
  caveat?: string;
}

/** The p99 the k row is held to: the bound issue 6 sets for the mixed load's writes (target i), at the rate of j. */
export const SELF_EVALUATION_TARGET_MS = 300;

/** A goal indicator as the bench submits it (planning's `IndicatorInput`). */
export interface IndicatorInput {
  level1: 'OUTPUT' | 'BENEFIT' | 'SATISFACTION';
  level2: string;
  name: string;
  operator: 'GTE' | 'LTE' | 'QUALITATIVE';
  targetValue?: number;
  targetText?: string;
  unit: string;
  points: number;
  basis: 'PLAN' | 'INDUSTRY' | 'HISTORICAL';
}

const Q = (level1: IndicatorInput['level1'], level2: string, name: string, targetValue: number, unit: string) => ({
  level1,
  level2,
  name,
  operator: 'GTE' as const,
  targetValue,
  unit,
});

/**
 * The twenty indicators of the bench's goal, five points each: twelve output (quantity, quality,
 * timeliness, two cost ceilings), five benefit (two qualitative), three satisfaction — the shape of a
 * large project's goal, every category the goal rules ask for.
 */
export function twentyIndicators(): IndicatorInput[] {
  const lines: Omit<IndicatorInput, 'points' | 'basis'>[] = [
    Q('OUTPUT', 'QUANTITY', '改造农村公路里程', 120, '公里'),
    Q('OUTPUT', 'QUANTITY', '新建桥梁数量', 8, '座'),
    Q('OUTPUT', 'QUANTITY', '安装安防设施里程', 60, '公里'),
    Q('OUTPUT', 'QUANTITY', '覆盖行政村数量', 45, '个'),
    Q('OUTPUT', 'QUANTITY', '培训养护人员人次', 300, '人次'),
    Q('OUTPUT', 'QUALITY', '工程验收合格率', 100, '%'),
    Q('OUTPUT', 'QUALITY', '路面优良率', 90, '%'),
    Q('OUTPUT', 'QUALITY', '资料归档完整率', 95, '%'),
    Q('OUTPUT', 'TIMELINESS', '按期开工率', 100, '%'),
    Q('OUTPUT', 'TIMELINESS', '按期完工率', 95, '%'),
    { ...Q('OUTPUT', 'COST', '每公里改造成本', 40, '万元'), operator: 'LTE' },
    { ...Q('OUTPUT', 'COST', '单座桥梁造价', 300, '万元'), operator: 'LTE' },
    Q('BENEFIT', 'ECONOMIC', '沿线农产品运输成本降低率', 10, '%'),
    Q('BENEFIT', 'SOCIAL', '群众出行时间缩短', 15, '分钟'),
    {
      level1: 'BENEFIT',
      level2: 'SOCIAL',
      name: '农村出行条件',
      operator: 'QUALITATIVE',
      targetText: '明显改善',
      unit: '',
    },
    Q('BENEFIT', 'ECOLOGICAL', '沿线绿化率', 80, '%'),
    {
      level1: 'BENEFIT',
      level2: 'SUSTAINABLE',
      name: '长效管护机制',
      operator: 'QUALITATIVE',
      targetText: '建立并有效运行',
      unit: '',
    },
    Q('SATISFACTION', 'BENEFICIARY', '沿线群众满意度', 90, '%'),
    Q('SATISFACTION', 'BENEFICIARY', '运输企业满意度', 85, '%'),
    Q('SATISFACTION', 'BENEFICIARY', '养护人员满意度', 85, '%'),
  ];
  const bases = ['PLAN', 'INDUSTRY', 'HISTORICAL'] as const;
  return lines.map((l, i) => ({ ...l, points: 5, basis: bases[i % 3]! }));
}

/** An issued goal indicator as the bench reads it back. */
export interface GoalIndicator {
  id: string;
  operator: string;
  targetValue: number | null;
}

/**
 * What unit `n` states on its 20-line sheet: every line met but two (which two moves with `n`) — a
 * ceiling overrun or a count short, or a qualitative one only partly achieved — each of those with a
 * deviation cause and an improvement measure, as the form requires below full points; 90 % executed.
 */
export function sheetOf(evaluationId: string, indicators: readonly GoalIndicator[], n: number, budgetYuan: number) {
  const short = new Set([n % indicators.length, (n * 7 + 3) % indicators.length]);
  return {
    evaluationId,
    executed: (Math.round(budgetYuan * 90) / 100).toFixed(2),
    indicators: indicators.map((indicator, k) => {
      const explained = short.has(k)
        ? { deviationCause: '部分路段征地拆迁滞后', improvementMeasure: '提前开展征地协调，加强进度调度' }
        : {};
      if (indicator.operator === 'QUALITATIVE') {
        const qualitative = short.has(k) ? { level: 'PARTLY', percent: 70 } : { level: 'ACHIEVED', percent: 100 };
        return { indicatorId: indicator.id, qualitative, reason: '经实地核查，群众反映良好', ...explained };
      }
      const t = indicator.targetValue!;
      const ceiling = indicator.operator === 'LTE' || indicator.operator === '<=';
      const actual = short.has(k) ? (ceiling ? t * 1.2 : t * 0.8) : t;
      return { indicatorId: indicator.id, actual: Math.round(actual * 100) / 100, ...explained };
    }),
  };
}

/** The notice's due date: 31 March after the year, or 90 days from `today` if that has passed (so no sheet is late). */
export function dueDateFor(fiscalYear: number, today: Date): string {
  const usual = `${fiscalYear + 1}-03-31`;
  const later = new Date(today.getTime() + 90 * 86_400_000).toISOString().slice(0, 10);
  return later > usual ? later : usual;
}

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(quantile(sorted, q) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

const UNITS = `query($page: PageInput) { budgetUnits(level: FIRST, page: $page) { nodes { id code } } }`;
const PROPOSE = `mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }`;
const SUBMIT_GOAL = `mutation($input: SubmitGoalInput!) { submitGoal(input: $input) {
  id status indicators { id operator targetValue } } }`;
const OPINION = `mutation($input: RecordReviewOpinionInput!) { recordReviewOpinion(input: $input) { status } }`;
const REVIEW = `mutation($input: ReviewGoalInput!) { reviewGoal(input: $input) { status } }`;
const ISSUE_GOAL = `mutation($input: IssueGoalInput!) { issueGoal(input: $input) { id } }`;
const NOTICE = `mutation($input: IssueEvaluationNoticeInput!) { issueEvaluationNotice(input: $input) { taskCount } }`;
const TASKS = `query($filter: SelfEvaluationFilter!, $page: PageInput) { selfEvaluations(filter: $filter, page: $page) {
  totalCount nodes { id object goalId } } }`;
const PREVIEW = `query($input: SubmitSelfEvaluationInput!) { previewSelfEvaluationScore(input: $input) { total grade } }`;
const SUBMIT = `mutation($input: SubmitSelfEvaluationInput!) { submitSelfEvaluation(input: $input) { id status total grade } }`;

const PERFORMANCE: Caller = { userId: 'bench.performance', role: 'PERFORMANCE_SECTION', unitId: null };
const JOINT: Caller[] = [
  { userId: 'bench.budget', role: 'BUDGET_SECTION', unitId: null },
  PERFORMANCE,
  { userId: 'bench.expert', role: 'EXPERT', unitId: null },
];
const officerOf = (unitId: string): Caller => ({ userId: `bench.officer.${unitId}`, role: 'BUDGET_UNIT', unitId });
const BUDGET_YUAN = 5_000_000;

interface Prepared {
  unitId: string;
  evaluationId: string;
  indicators: GoalIndicator[];
}

/**
 * The bench's own goals: `count` projects of the next fiscal year in the first-level units, each with
 * a goal of twenty indicators brought through the joint review and issued, then the year's notice (a
 * task for every unit's overall expenditure and each of these goals). All through the gateway, as the
 * units and the bureau would; a project's goal is the only 20-indicator one (the generated goals have 3–5).
 */
async function prepare(
  target: SelfEvaluationTarget,
  agent: Agent,
  count: number,
  fiscalYear: number,
  log?: (text: string) => void,
): Promise<Prepared[]> {
  const url = new URL(target.url);
  const must = async <T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<T> => {
    const answer = await post(agent, url, JSON.stringify({ query, variables }), await target.as(caller));
    const body = JSON.parse(answer.body || '{}') as { data?: Record<string, T>; errors?: unknown };
    if (answer.status !== 200 || body.errors || !body.data)
      throw new Error(`${query.slice(0, 50)} answered ${answer.status} ${answer.body.slice(0, 400)}`);
    return Object.values(body.data)[0]!;
  };
  const units = (await must<{ nodes: { id: string; code: string }[] }>(UNITS, { page: { first: 200 } }, PERFORMANCE))
    .nodes;
  if (units.length === 0) throw new Error('no first-level unit in the served year');
  const goals = new Map<string, { unitId: string; indicators: GoalIndicator[] }>();
  const one = async (n: number) => {
    const unit = units[n % units.length]!;
    const officer = officerOf(unit.id);
    const project = await must<{ id: string }>(
      PROPOSE,
      {
        input: {
          unitId: unit.id,
          code: `PJ-${fiscalYear}-B${String(n + 1).padStart(4, '0')}`,
          name: '农村公路提档升级与安全生命防护工程',
          category: 'ONE_OFF',
          isNew: false,
          isMajor: false,
          amountRequested: BUDGET_YUAN.toFixed(2),
          fiscalYear,
          years: 1,
        },
      },
      officer,
    );
    const goal = await must<{ id: string; status: string; indicators: GoalIndicator[] }>(
      SUBMIT_GOAL,
      {
        input: {
          projectId: project.id,
          overallGoal: '完成农村公路提档升级 120 公里，改善沿线群众出行条件',
          amount: BUDGET_YUAN.toFixed(2),
          indicators: twentyIndicators(),
        },
      },
      officer,
    );
    for (const reviewer of JOINT) await must(OPINION, { input: { goalId: goal.id, opinion: 'APPROVE' } }, reviewer);
    await must(REVIEW, { input: { goalId: goal.id, result: 'APPROVE' } }, PERFORMANCE);
    await must(
      ISSUE_GOAL,
      {
        input: {
          goalId: goal.id,
          budgetDocument: `天财预〔${fiscalYear}〕9号`,
          issuedAmount: BUDGET_YUAN.toFixed(2),
        },
      },
      PERFORMANCE,
    );
    goals.set(goal.id, { unitId: unit.id, indicators: goal.indicators });
  };
  // four at a time: the set-up is not what is measured
  for (let n = 0; n < count; n += 4) {
    await Promise.all(Array.from({ length: Math.min(4, count - n) }, (_, k) => one(n + k)));
    if ((n + 4) % 40 === 0) log?.(`${Math.min(n + 4, count)} of ${count} goals issued`);
  }
  await must(
    NOTICE,
    { input: { divisionCode: '429006', fiscalYear, dueDate: dueDateFor(fiscalYear, new Date()) } },
    PERFORMANCE,
  );
  const prepared: Prepared[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await must<{ nodes: { id: string; object: string; goalId: string | null }[] }>(
      TASKS,
      { filter: { fiscalYear }, page: { first: 200, offset } },
      PERFORMANCE,
    );
    for (const node of page.nodes) {
      const goal = node.goalId ? goals.get(node.goalId) : undefined;
      if (node.object === 'PROJECT' && goal) prepared.push({ evaluationId: node.id, ...goal });
    }
    if (page.nodes.length < 200) break;
  }
  if (prepared.length < count) throw new Error(`the notice has ${prepared.length} of the ${count} goals' tasks`);
  return prepared;
}

/**
 * Scoring and submitting self-evaluations of 20-indicator goals at a fixed arrival rate (issue 16):
 * after the bench's goals and notice are issued (not timed), sheet i is due at i / rate after the
 * start and begun then, whatever earlier ones are doing (open loop, as `paced`): the unit's score
 * preview (`previewSelfEvaluationScore`, the form's scoring as it types), then the submission
 * (`submitSelfEvaluation`, scored again by the same module, appended and read back). Its time counts
 * from when it was due to the submission's answer.
 */
export async function selfEvaluationLoad(
  target: SelfEvaluationTarget,
  options: {
    rate: number;
    seconds: number;
    scale: string;
    fiscalYear: number;
    how: string;
    log?: (text: string) => void;
  },
): Promise<SelfEvaluationFigures> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const count = Math.round(options.rate * options.seconds);
  const evaluated = options.fiscalYear - 1;
  const existing = await post(
    agent,
    url,
    JSON.stringify({ query: TASKS, variables: { filter: { fiscalYear: evaluated }, page: { first: 1 } } }),
    await target.as(PERFORMANCE),
  );
  const yearEvaluations =
    (JSON.parse(existing.body || '{}') as { data?: { selfEvaluations: { totalCount: number } } }).data?.selfEvaluations
      .totalCount ?? 0;
  const preparing = performance.now();
  const sheets = await prepare(target, agent, count, options.fiscalYear, options.log);
  const prepareSeconds = Math.round((performance.now() - preparing) / 100) / 10;
  options.log?.(
    `${sheets.length} goals of 20 indicators issued with the ${options.fiscalYear} notice in ${prepareSeconds} s`,
  );
  // every caller's token made before the clock starts, and the scoring warmed on previews (read-only)
  const headers = new Map<string, Record<string, string>>();
  for (const s of sheets) headers.set(s.unitId, await target.as(officerOf(s.unitId)));
  for (const [n, s] of sheets.slice(-Math.min(10, sheets.length)).entries()) {
    const input = sheetOf(s.evaluationId, s.indicators, n, BUDGET_YUAN);
    await post(agent, url, JSON.stringify({ query: PREVIEW, variables: { input } }), headers.get(s.unitId)!);
  }

  const totals: number[] = [];
  const previews: number[] = [];
  const submits: number[] = [];
  const errors: Record<string, number> = {};
  const grades: Record<string, number> = {};
  const fail = (code: string) => (errors[code] = (errors[code] ?? 0) + 1);
  const ask = async <T>(query: string, variables: Record<string, unknown>, unitId: string): Promise<T | null> => {
    const answer = await post(agent, url, JSON.stringify({ query, variables }), headers.get(unitId)!);
    if (answer.status !== 200) return (fail(answer.failure ?? `HTTP ${answer.status}`), null);
    const body = JSON.parse(answer.body) as { data?: T; errors?: { extensions?: { code?: string } }[] };
    if (body.errors?.length || !body.data) return (fail(body.errors?.[0]?.extensions?.code ?? 'GRAPHQL'), null);
    return body.data;
  };
  const fillOne = async (s: Prepared, n: number, due: number) => {
    const input = sheetOf(s.evaluationId, s.indicators, n, BUDGET_YUAN);
    const preview = await ask<{ previewSelfEvaluationScore: { grade: string } }>(PREVIEW, { input }, s.unitId);
    const previewed = performance.now();
    if (!preview) return;
    previews.push(previewed - due);
    const submitted = await ask<{ submitSelfEvaluation: { grade: string } }>(SUBMIT, { input }, s.unitId);
    const end = performance.now();
    if (!submitted) return;
    submits.push(end - previewed);
    totals.push(end - due);
    const grade = submitted.submitSelfEvaluation.grade;
    grades[grade] = (grades[grade] ?? 0) + 1;
  };

  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const [i, s] of sheets.entries()) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(fillOne(s, i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    date: new Date().toISOString(),
    how: options.how,
    scale: options.scale,
    yearEvaluations,
    fiscalYear: options.fiscalYear,
    goals: sheets.length,
    indicators: sheets[0]?.indicators.length ?? 0,
    prepareSeconds,
    rate: options.rate,
    seconds: Math.round((sheets.length / options.rate) * 10) / 10,
    started: sheets.length,
    submitted: totals.length,
    achieved: Math.round((totals.length / elapsed) * 10) / 10,
    total: percentiles(totals),
    preview: percentiles(previews),
    submit: percentiles(submits),
    errors,
    grades,
  };
}

const TITLE = '## k. Scoring and submitting a self-evaluation (issue 16)';
/** Below this line the section's text is written by hand and kept when the figures are replaced. */
export const SELF_EVALUATION_NOTES_MARKER = '<!-- self-evaluations: notes by hand below, kept on re-runs -->';
const ROW = '| k | scoring and submitting a self-evaluation';
const n = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '—');
const ms = (p: Percentiles) => `${n(p.p50)} / ${n(p.p95)} / ${n(p.p99)} ms`;

/** The k row of the targets table: p99 against SELF_EVALUATION_TARGET_MS, met only with every sheet submitted. */
export function selfEvaluationTargetRow(f: SelfEvaluationFigures): string {
  const met = f.total.p99 <= SELF_EVALUATION_TARGET_MS && f.submitted === f.started;
  return (
    `${ROW} of a ${f.indicators}-indicator goal (the score preview, then the submission), ${f.scale} year, at a fixed ${f.rate}/s: ` +
    `p50 / p95 / p99 | ${ms(f.total)} | p99 ≤ ${SELF_EVALUATION_TARGET_MS} ms at ${f.rate}/s | ${met ? '**met**' : '**missed**'} |`
  );
}

export function selfEvaluationSection(f: SelfEvaluationFigures): string[] {
  const errors = Object.entries(f.errors);
  return [
    TITLE,
    '',
    `${f.how} on ${f.date.slice(0, 16).replace('T', ' ')} UTC, the embedded platform serving the ${f.scale} year ` +
      `(${n(f.yearEvaluations)} self-evaluations of ${f.fiscalYear - 1} in the read models). Before the clock starts the bench issues ` +
      `its own ${n(f.goals)} goals of ${f.indicators} indicators for ${f.fiscalYear} through the gateway (project, goal, joint review, ` +
      `issue; the generated goals have 3–5) and the ${f.fiscalYear} notice, in ${n(f.prepareSeconds)} s. Sheet i is due at i / ${f.rate} s ` +
      "and begun then (open loop): the unit's score preview (`previewSelfEvaluationScore`, the form's scoring of the 20 lines), then " +
      '`submitSelfEvaluation` of the same sheet (two lines below full points with a cause and a measure, 90 % executed), scored again, ' +
      "appended and read back; its time counts from when it was due to the submission's answer, so a platform that falls behind " +
      `shows it as latency. Target: p99 ≤ ${SELF_EVALUATION_TARGET_MS} ms, the bound issue 6 sets for the mixed load's writes (i), ` +
      'at the rate of the opinion figure (j).' +
      (f.caveat ? ` **${f.caveat}**` : ''),
    '',
    '| rate | sheets | achieved | preview + submit, p50 / p95 / p99 | the preview query | the submit command | grades | errors |',
    '|---|---|---|---|---|---|---|---|',
    `| ${f.rate}/s over ${n(f.seconds)} s | ${f.submitted} of ${f.started} | ${n(f.achieved)}/s | ${ms(f.total)} | ${ms(f.preview)} | ${ms(f.submit)} | ` +
      `${Object.entries(f.grades)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} | ${errors.length ? errors.map(([k, v]) => `${k} ${v}`).join(', ') : 'none'} |`,
    '',
  ];
}

/** The section's notes by hand (from its marker to the next section), if the file has them. */
function notesIn(lines: readonly string[]): string[] {
  const marker = lines.indexOf(SELF_EVALUATION_NOTES_MARKER);
  if (marker < 0) return [];
  const end = lines.findIndex((line, i) => i > marker && line.startsWith('## '));
  return lines.slice(marker, end < 0 ? lines.length : end);
}

/**
 * Replaces the k row and section of results.md with these figures (or removes them), keeping the
 * section's notes by hand — or taking them from `previous` (the file before `npm run bench` wrote it
 * anew). The row goes after the last target row (a–j), the section before the notes on the misses.
 */
export function spliceSelfEvaluation(
  markdown: string,
  f: SelfEvaluationFigures | undefined,
  previous?: string,
): string {
  const lines = markdown.split('\n').filter((line) => !line.startsWith(ROW));
  let at = lines.indexOf(TITLE);
  let kept = notesIn(lines);
  if (kept.length === 0 && previous) kept = notesIn(previous.split('\n'));
  if (at >= 0) {
    const end = lines.findIndex((line, i) => i > at && line.startsWith('## '));
    lines.splice(at, (end < 0 ? lines.length : end) - at);
  } else {
    at = lines.findIndex((line) => line.startsWith('## What the misses come from'));
    if (at < 0) at = lines.length;
  }
  lines.splice(at, 0, ...(f ? selfEvaluationSection(f) : kept.length ? [TITLE, ''] : []), ...kept);
  if (f) {
    const lastTarget = lines.reduce((last, line, i) => (/^\| [a-j] \|/.test(line) ? i : last), -1);
    if (lastTarget >= 0) lines.splice(lastTarget + 1, 0, selfEvaluationTargetRow(f));
  }
  return lines.join('\n');
}
