import { pickRuleProfile, type BatchAppend, type EventMetadata, type NewEvent } from '@jixiao/events';
import { clientIpOf, Rng, Streams, type Actor, type GeneratorSteps, type Unit } from '@jixiao/generator';
import { drawSpotCheck } from '../scoring';
import { evaluationNoticeDecider, noticeStreamId, type SelfEvaluationTask } from './notice.decider';
import {
  scoreSheet,
  selfEvaluationDecider,
  selfEvaluationStreamId,
  type ScoringProfile,
  type SelfEvaluationState,
} from './self-evaluation.decider';
import type { IndicatorDefinition, SheetLineInput } from './self-evaluation.rules';

const DAY = 86_400_000;
const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
const SCHEDULER: Actor = { actorId: 'system:scheduler', role: 'SYSTEM', unitId: null };
const DRAW_REACTION: Actor = { actorId: 'system:evaluation.self-evaluation-draw', role: 'SYSTEM', unitId: null };

const CAUSES = ['项目实施进度滞后，部分内容延至次年', '受市场价格变动影响，实际成本高于预期', '配套资金到位较晚'];
const MEASURES = ['加强项目前期论证，合理安排实施进度', '完善资金拨付与跟踪机制', '强化绩效运行监控，及时纠偏'];
const REASONS = ['经实地核查与资料比对，目标基本实现', '受益群众反映良好，效果明显', '对照年度计划逐项核实'];
const RETURN_COMMENTS = ['佐证材料不足，请补充完善后重新提交', '偏差原因分析不充分，请补充'];

/**
 * A city-sized year's shares (the demo shows one of each instead): of the evaluations a department
 * reviews, those it has not reviewed yet and those it returned; of the spot-checked ones, those the
 * bureau has not decided yet and those it returned; of the returned ones, those not yet corrected.
 * The rest are accepted. (Submissions: 95 % in time, 2.5 % late, 2.5 % never.)
 */
export const CITY_SHARES = {
  reviewPending: 0.01,
  reviewReturned: 0.04,
  checkPending: 0.03,
  checkReturned: 0.1,
  returnLeft: 0.2,
} as const;

/** A goal of the year as the sheet needs it: its indicators and amount after the year's planning events. */
function goalSheet(appends: readonly BatchAppend[], goalId: string) {
  let budgetFen = 0;
  let projectName = '';
  let indicators: IndicatorDefinition[] = [];
  type Line = {
    indicatorId: string;
    name: string;
    level1: string;
    operator: string;
    targetValue: number | null;
    points: number;
  };
  const definition = (i: Line): IndicatorDefinition => ({
    indicatorId: i.indicatorId,
    name: i.name,
    level1: i.level1 as IndicatorDefinition['level1'],
    operator: i.operator as IndicatorDefinition['operator'],
    target: i.operator === 'QUALITATIVE' ? null : i.targetValue,
    points: i.points,
  });
  for (const a of appends) {
    if (a.streamId !== `goal-${goalId}`) continue;
    for (const e of a.events as NewEvent[]) {
      const d = e.data as {
        amountFen?: number;
        issuedAmountFen?: number;
        projectName?: string;
        indicators?: Line[];
        indicator?: Line;
        indicatorId?: string;
      };
      projectName = d.projectName ?? projectName;
      if (e.type === 'GoalDrafted' || e.type === 'GoalSubmitted' || e.type === 'GoalAdjusted') {
        budgetFen = d.amountFen ?? budgetFen;
        if (d.indicators) indicators = d.indicators.map(definition);
      } else if (e.type === 'GoalIssued') budgetFen = d.issuedAmountFen ?? budgetFen;
      else if (e.type === 'IndicatorAdded') indicators = [...indicators, definition(d.indicator!)];
      else if (e.type === 'IndicatorRevised') {
        indicators = indicators.map((i) => (i.indicatorId === d.indicator!.indicatorId ? definition(d.indicator!) : i));
      } else if (e.type === 'IndicatorRemoved') indicators = indicators.filter((i) => i.indicatorId !== d.indicatorId);
    }
  }
  return { budgetFen, projectName, indicators };
}

/** A task with what the unit will state for it. */
interface Job {
  task: SelfEvaluationTask;
  unit: Unit;
  budgetFen: number;
  indicators: IndicatorDefinition[] | null;
}

/**
 * 单位自评 in the generated year: early the next year the bureau issues the notice (every unit's
 * overall expenditure, each project with an issued goal), the units fill their sheets — scored by
 * the same `scoreSheet` as the platform — mostly in time, one late and one never (overdue at the due
 * date); the departments review (one returned and resubmitted, one left unreviewed); the bureau draws
 * the spot check (the seed recorded), the draw is noted on every evaluation (as the reaction does,
 * accepting the undrawn ones that are ready), and the drawn units' evaluations are checked: one
 * returned and resubmitted then accepted, one returned and left, one left waiting, the rest accepted.
 * The demo shows every status. A city-sized year (tianmen: 200 overall-expenditure tasks and about
 * 24,600 projects) has 2.5 % late and 2.5 % never submitted, and the departments' and the bureau's
 * decisions spread over days at their own moments, a share of each state (`CITY_SHARES`). Its own
 * seeded `Rng`, streams and clock.
 */
export function selfEvaluationGenerator(): GeneratorSteps {
  let rng: Rng | null = null;
  let streams: Streams | null = null;
  let now = 0;
  const issued: { goalId: string; projectId: string; unit: Unit; goal: ReturnType<typeof goalSheet> }[] = [];

  const metadata = (actor: Actor): EventMetadata => ({
    actorId: actor.actorId,
    role: actor.role,
    unitId: actor.unitId,
    commandId: rng!.uuid(),
    correlationId: rng!.uuid(),
    clientIp: clientIpOf(actor.actorId),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
  });

  /** The unit's value for one indicator: met most often, short of it sometimes. */
  function line(d: IndicatorDefinition): SheetLineInput {
    const r = rng!;
    const base = { indicatorId: d.indicatorId, reason: null, deviationCause: null, improvementMeasure: null };
    if (d.operator === 'QUALITATIVE' || d.target === null) {
      const partly = r.chance(0.2);
      const percent = partly ? r.int(55, 79) : r.int(85, 100);
      const level = partly ? ('PARTLY' as const) : ('ACHIEVED' as const);
      return { ...base, actual: null, qualitative: { level, percent }, reason: r.pick(REASONS) };
    }
    const t = d.target;
    const short = r.chance(0.25);
    const up = d.operator === '>=' || d.operator === '>';
    const down = d.operator === '<=' || d.operator === '<';
    let actual = t;
    if (up) actual = short ? t * (0.7 + 0.25 * r.next()) : d.operator === '>' ? t * 1.05 + 1 : t;
    else if (down) actual = short ? t * 1.15 + 1 : d.operator === '<' ? t * 0.9 : t;
    else actual = short ? t * 0.95 : t;
    return { ...base, actual: Math.max(0, Math.round(actual * 100) / 100), qualitative: null };
  }

  /** The sheet of a job: values, then a cause and a measure where a line fell short of full points. */
  function sheet(job: Job, profile: ScoringProfile) {
    const r = rng!;
    const lines: SheetLineInput[] = job.indicators
      ? job.indicators.map(line)
      : overallIndicators().map(({ name, level1, operator, target, points, ...d }) => ({
          ...line({ ...d, name, level1, operator, target, points }),
          name,
          level1,
          operator,
          target,
          points,
        }));
    const executedFen = Math.round(job.budgetFen * (0.8 + 0.2 * r.next()));
    const figures = { task: job.task, goalIndicators: job.indicators, budgetFen: job.budgetFen, executedFen, profile };
    const explained = lines.map((l) => ({
      ...l,
      deviationCause: r.pick(CAUSES),
      improvementMeasure: r.pick(MEASURES),
    }));
    const { score } = scoreSheet({ ...figures, lines: explained });
    const final = explained.map((l, i) =>
      score?.lines[i]?.full ? { ...l, deviationCause: null, improvementMeasure: null } : l,
    );
    return { ...figures, lines: final };
  }

  /** What a unit states for its overall expenditure (整体支出): output, benefit and satisfaction. */
  function overallIndicators(): IndicatorDefinition[] {
    return [
      {
        indicatorId: 'overall-1',
        name: '年度重点工作任务完成率',
        level1: 'OUTPUT',
        operator: '>=',
        target: 100,
        points: 30,
      },
      {
        indicatorId: 'overall-2',
        name: '预算项目按期完成率',
        level1: 'OUTPUT',
        operator: '>=',
        target: 95,
        points: 20,
      },
      {
        indicatorId: 'overall-3',
        name: '履职效益',
        level1: 'BENEFIT',
        operator: 'QUALITATIVE',
        target: null,
        points: 30,
      },
      {
        indicatorId: 'overall-4',
        name: '服务对象满意度',
        level1: 'SATISFACTION',
        operator: '>=',
        target: 90,
        points: 20,
      },
    ];
  }

  return {
    setup(year) {
      rng = new Rng((year.seed ^ 0x5e1fe7a1) >>> 0);
      streams = new Streams(metadata, () => new Date(now));
      issued.length = 0;
    },
    project(year, n) {
      const p = year.projects[n];
      if (!p || (p.goalStatus !== 'ISSUED' && p.goalStatus !== 'ADJUSTED')) return;
      // the goal's events are in this project's output only (the year's output is drained as it goes)
      issued.push({
        goalId: p.goalId,
        projectId: p.projectId,
        unit: p.unit,
        goal: goalSheet(year.streams.out, p.goalId),
      });
    },
    finish(year) {
      const r = rng!;
      const s = streams!;
      const fy = year.scale.fiscalYear;
      const divisionCode = year.scale.divisionCode;
      const demo = year.scale.goals <= 100;
      const profileInForce = pickRuleProfile(divisionCode, fy, []);
      const profile: ScoringProfile = {
        ref: profileInForce.ref,
        weights: profileInForce.rules.selfEvaluationWeights,
        bands: profileInForce.rules.gradeBands,
      };
      const jobs: Job[] = [];
      for (const unit of year.units) {
        const departmentReview = unit.parent !== null;
        const id = () => r.uuid();
        jobs.push({
          task: {
            evaluationId: id(),
            unitId: unit.unitId,
            object: 'DEPT_OVERALL',
            goalId: null,
            projectId: null,
            name: unit.name,
            departmentReview,
          },
          unit,
          budgetFen: r.int(200, 5000) * 1_000_000,
          indicators: null,
        });
        for (const g of issued.filter((x) => x.unit.unitId === unit.unitId)) {
          const goal = g.goal;
          // a target of 0 has no ratio to score by (DOMAIN.md's formulas divide by it): such goals are left out here
          const scorable = goal.indicators.every((i) => i.operator === 'QUALITATIVE' || (i.target ?? 0) > 0);
          if (goal.indicators.length === 0 || goal.budgetFen <= 0 || !scorable) continue;
          jobs.push({
            task: {
              evaluationId: id(),
              unitId: unit.unitId,
              object: 'PROJECT',
              goalId: g.goalId,
              projectId: g.projectId,
              name: goal.projectName || unit.name,
              departmentReview,
            },
            unit,
            budgetFen: goal.budgetFen,
            indicators: goal.indicators,
          });
        }
      }
      if (jobs.length === 0) return;
      const stream = noticeStreamId(divisionCode, fy);
      const dueDate = `${fy + 1}-03-31`;
      now = Date.UTC(fy + 1, 0, 15, 2, 0, 0);
      const tasks = jobs.map((j) => j.task);
      s.run(
        evaluationNoticeDecider,
        stream,
        { type: 'IssueEvaluationNotice', divisionCode, fiscalYear: fy, dueDate, ruleProfile: profile.ref, tasks },
        PERFORMANCE_SECTION,
      );

      const states = new Map<string, SelfEvaluationState>();
      const submit = (job: Job, at: number) => {
        now = at;
        const state = s.run(
          selfEvaluationDecider,
          selfEvaluationStreamId(job.task.evaluationId),
          {
            type: 'SubmitSelfEvaluation',
            evaluationId: job.task.evaluationId,
            divisionCode,
            fiscalYear: fy,
            dueDate,
            today: new Date(at + 8 * 3600_000).toISOString().slice(0, 10),
            ...sheet(job, profile),
          },
          job.unit.officer,
        );
        states.set(job.task.evaluationId, state);
      };
      const decide = (
        job: Job,
        type: 'ReviewSelfEvaluation' | 'DecideSpotCheck',
        decision: 'ACCEPT' | 'RETURN',
        actor: Actor,
        at?: number,
      ) => {
        // the demo's decisions come one after another; a city's at their own moments (`at`), across the departments at once
        now = at ?? now + r.int(1, 30) * 3600_000;
        const comment = decision === 'RETURN' ? r.pick(RETURN_COMMENTS) : '';
        const state = s.run(
          selfEvaluationDecider,
          selfEvaluationStreamId(job.task.evaluationId),
          { type, evaluationId: job.task.evaluationId, decision, comment },
          actor,
        );
        states.set(job.task.evaluationId, state);
      };
      const departmentOf = (job: Job): Actor => ({
        actorId: `dept.${job.unit.parent!.code}`,
        role: 'DEPARTMENT',
        unitId: job.unit.parent!.unitId,
      });

      // the units fill their sheets: the demo's last task never, the one before late; the city a few of each
      const inTime: Job[] = [];
      const late: Job[] = [];
      jobs.forEach((job, i) => {
        if (demo ? i < jobs.length - 2 : r.chance(0.95)) inTime.push(job);
        else if (demo ? i === jobs.length - 2 : r.chance(0.5)) late.push(job);
      });
      inTime.forEach((job) => submit(job, Date.UTC(fy + 1, 1, 1, 1) + Math.round(r.next() * 50 * DAY)));
      now = Date.UTC(fy + 1, 2, 31, 16, 0, 2); // just after midnight, 1 April in China
      s.run(evaluationNoticeDecider, stream, { type: 'MarkNoticeDuePassed', divisionCode, fiscalYear: fy }, SCHEDULER);
      late.forEach((job) => submit(job, Date.UTC(fy + 1, 3, 3, 2) + Math.round(r.next() * 5 * DAY)));

      // the departments review what their units submitted: the demo one returned (and resubmitted) and the last
      // left unreviewed; a city's over ten days from 10 April, a share of each (CITY_SHARES)
      const reviewable = [...inTime, ...late].filter((j) => j.task.departmentReview);
      now = Date.UTC(fy + 1, 3, 10, 1);
      reviewable.forEach((job, i) => {
        if (!demo) {
          const at = Date.UTC(fy + 1, 3, 10, 1) + Math.round(r.next() * 6 * DAY);
          const roll = r.next();
          if (roll < CITY_SHARES.reviewPending) return;
          if (roll < CITY_SHARES.reviewPending + CITY_SHARES.reviewReturned) {
            decide(job, 'ReviewSelfEvaluation', 'RETURN', departmentOf(job), at);
            if (r.chance(CITY_SHARES.returnLeft)) return;
            submit(job, at + r.int(1, 2) * DAY);
            return decide(job, 'ReviewSelfEvaluation', 'ACCEPT', departmentOf(job), now + r.int(2, 20) * 3600_000);
          }
          return decide(job, 'ReviewSelfEvaluation', 'ACCEPT', departmentOf(job), at);
        }
        if (i === reviewable.length - 1) return;
        if (i === 0) {
          decide(job, 'ReviewSelfEvaluation', 'RETURN', departmentOf(job));
          submit(job, now + DAY);
        }
        decide(job, 'ReviewSelfEvaluation', 'ACCEPT', departmentOf(job));
      });

      // the draw: the profile's share of the units, from a recorded seed; in the demo the first seed drawing a unit under a department with three evaluations ready
      const pool = [...new Set(tasks.map((t) => t.unitId))].sort();
      const percent = profileInForce.rules.evaluation.spotCheckPercent;
      const ready = (job: Job) => {
        const st = states.get(job.task.evaluationId);
        return st?.status === 'DEPARTMENT_REVIEWED' || (st?.status === 'FILLED' && !job.task.departmentReview);
      };
      const seeds = Array.from({ length: demo ? 50 : 1 }, (_, k) => `${divisionCode}-${fy}${k === 0 ? '' : `-${k}`}`);
      const seed =
        seeds.find((sd) =>
          drawSpotCheck(pool, percent, sd).some((u) => {
            const own = jobs.filter((j) => j.unit.unitId === u && ready(j));
            return own.length >= 3 && own[0]!.task.departmentReview;
          }),
        ) ?? seeds[0]!;
      now = Date.UTC(fy + 1, 3, 20, 2);
      s.run(
        evaluationNoticeDecider,
        stream,
        { type: 'DrawSpotCheck', divisionCode, fiscalYear: fy, seed, percent, ruleProfile: profile.ref },
        PERFORMANCE_SECTION,
      );
      const drawn = new Set(drawSpotCheck(pool, percent, seed));
      for (const job of jobs) {
        now += 5;
        const { evaluationId, unitId } = job.task;
        const state = s.run(
          selfEvaluationDecider,
          selfEvaluationStreamId(evaluationId),
          { type: 'NoteDraw', evaluationId, unitId, drawn: drawn.has(unitId), seed },
          DRAW_REACTION,
        );
        states.set(evaluationId, state);
      }

      // the spot checks: returned and resubmitted then accepted, returned and left, left waiting, the rest accepted —
      // in the demo one of each; a city's over three weeks from 6 May, a share of each (CITY_SHARES)
      now = Date.UTC(fy + 1, 4, 6, 1);
      const checked = jobs.filter((j) => drawn.has(j.unit.unitId) && ready(j));
      checked.forEach((job, i) => {
        if (!demo) {
          const at = Date.UTC(fy + 1, 4, 6, 1) + Math.round(r.next() * 21 * DAY);
          const roll = r.next();
          if (roll < CITY_SHARES.checkPending) return;
          if (roll < CITY_SHARES.checkPending + CITY_SHARES.checkReturned) {
            decide(job, 'DecideSpotCheck', 'RETURN', PERFORMANCE_SECTION, at);
            if (r.chance(CITY_SHARES.returnLeft)) return;
            submit(job, at + r.int(2, 6) * DAY);
            if (job.task.departmentReview)
              decide(job, 'ReviewSelfEvaluation', 'ACCEPT', departmentOf(job), now + r.int(1, 2) * DAY);
            return decide(job, 'DecideSpotCheck', 'ACCEPT', PERFORMANCE_SECTION, now + r.int(1, 3) * DAY);
          }
          return decide(job, 'DecideSpotCheck', 'ACCEPT', PERFORMANCE_SECTION, at);
        }
        if (i === 1) return decide(job, 'DecideSpotCheck', 'RETURN', PERFORMANCE_SECTION);
        if (i === 2) return;
        if (i === 0) {
          decide(job, 'DecideSpotCheck', 'RETURN', PERFORMANCE_SECTION);
          submit(job, now + 2 * DAY);
          if (job.task.departmentReview) decide(job, 'ReviewSelfEvaluation', 'ACCEPT', departmentOf(job));
        }
        decide(job, 'DecideSpotCheck', 'ACCEPT', PERFORMANCE_SECTION);
      });
      year.streams.out.push(...s.drain());
      issued.length = 0;
    },
  };
}
