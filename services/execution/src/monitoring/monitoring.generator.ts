import type { BatchAppend, EventMetadata, Fen, NewEvent } from '@jixiao/events';
import { clientIpOf, Rng, Streams, type Actor, type GeneratorSteps, type Unit } from '@jixiao/generator';
import {
  chinaDay,
  monitoringReportDecider,
  monitoringRoundDecider,
  reportStreamId,
  roundStreamId,
  type CorrectionKind,
  type MonitoringReportState,
} from './monitoring.decider';
import type { MonitoringReportEvent } from './monitoring.events';
import { missesTarget, type IndicatorProgress, type IndicatorTarget, type Likelihood } from './monitoring.rules';

const DAY = 86_400_000;
const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
/** The platform's own actors, as the deadline scheduler and the overdue reaction record themselves. */
const SCHEDULER: Actor = { actorId: 'system:scheduler', role: 'SYSTEM', unitId: null };
const OVERDUE_REACTION: Actor = { actorId: 'system:execution.monitoring-overdue', role: 'SYSTEM', unitId: null };

const CAUSES = [
  '项目前期手续办理滞后，开工时间推迟',
  '政府采购流程较长，合同签订晚于计划',
  '受征地拆迁影响，部分建设内容延期',
  '配套资金未及时到位',
  '实施方案调整，部分内容待重新论证',
];
const CORRECTION_REASONS: Record<CorrectionKind, readonly string[]> = {
  ADJUST_GOAL: ['目标值设定偏高，结合实际进度随预算调整下调', '实施内容变更，相应调整绩效目标'],
  STOP_FUNDING: ['执行进度严重滞后且未说明合理原因，暂停拨付后续资金', '项目无法按期实施，暂停拨款待整改'],
  RECOVER_FUNDS: ['项目预计无法完成，收回部分未使用资金统筹使用', '资金闲置，按规定收回'],
};
const LIFT_REASONS = ['单位已提交整改报告，进度恢复，恢复拨款', '问题已整改到位，恢复拨款'];

/** An ISSUED goal of the year as its report needs it: the unit, the budget and the indicators as issued. */
interface IssuedGoal {
  goalId: string;
  projectId: string;
  unit: Unit;
  budgetFen: Fen;
  indicators: IndicatorTarget[];
}

/** How a goal's report reads: on pace or behind, a forecast missed, completion judged impossible. */
type Scenario = 'ON_PACE' | 'BEHIND' | 'MISSES' | 'IMPOSSIBLE';
const SCENARIO_WEIGHTS: Record<Scenario, number> = { ON_PACE: 62, BEHIND: 22, MISSES: 11, IMPOSSIBLE: 5 };

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The goal's amount and indicators after its events in this step (drafted, submitted, revised, adjusted). */
function goalOf(appends: readonly BatchAppend[], goalId: string): { budgetFen: Fen; indicators: IndicatorTarget[] } {
  let budgetFen = 0;
  let indicators: IndicatorTarget[] = [];
  type Line = IndicatorTarget & Record<string, unknown>;
  const target = (i: Line): IndicatorTarget => ({
    indicatorId: i.indicatorId,
    name: i.name,
    operator: i.operator,
    targetValue: i.targetValue,
  });
  for (const a of appends) {
    if (a.streamId !== `goal-${goalId}`) continue;
    for (const e of a.events as NewEvent[]) {
      const d = e.data as { amountFen?: Fen; indicators?: Line[]; indicator?: Line; indicatorId?: string };
      if (e.type === 'GoalDrafted' || e.type === 'GoalSubmitted' || e.type === 'GoalAdjusted') {
        budgetFen = d.amountFen ?? budgetFen;
        indicators = (d.indicators ?? []).map(target);
      } else if (e.type === 'IndicatorAdded') {
        indicators = [...indicators, target(d.indicator!)];
      } else if (e.type === 'IndicatorRevised') {
        indicators = indicators.map((i) => (i.indicatorId === d.indicator!.indicatorId ? target(d.indicator!) : i));
      } else if (e.type === 'IndicatorRemoved') {
        indicators = indicators.filter((i) => i.indicatorId !== d.indicatorId);
      }
    }
  }
  return { budgetFen, indicators };
}

/**
 * 绩效监控 in the generated year: the bureau's January–July round (due 10 August), a report for
 * most ISSUED goals — on pace or behind, forecasts met or missed, some judged impossible — each
 * through the report decider, so every warning is computed; the rest overdue at the due date
 * (the round's "due date passed" and one overdue warning per unreported goal, as the scheduler and
 * the reaction append them), some of those filed late after; then the bureau's corrections on
 * some warnings (each kind) and a stop lifted. The demo shows every warning kind and correction
 * kind; the Tianmen scale a round over all its issued goals. Its own seeded `Rng`, streams and
 * clock, as disbursement's: planning's events stay the same with or without these steps.
 */
export function monitoringGenerator(): GeneratorSteps {
  let rng: Rng | null = null;
  let streams: Streams | null = null;
  let now = 0;
  const goals: IssuedGoal[] = [];

  const metadata = (actor: Actor): EventMetadata => ({
    actorId: actor.actorId,
    role: actor.role,
    unitId: actor.unitId,
    commandId: rng!.uuid(),
    correlationId: rng!.uuid(),
    clientIp: clientIpOf(actor.actorId),
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36',
  });

  /** One indicator's line: a forecast that meets the target, or one that misses it; the cause where it deviates. */
  function line(target: IndicatorTarget, scenario: Scenario, first: boolean): IndicatorProgress {
    const r = rng!;
    const t = target.targetValue;
    if (target.operator === 'QUALITATIVE' || t === null) {
      return {
        indicatorId: target.indicatorId,
        valueSoFar: null,
        forecast: null,
        likelihood: 'ON_TRACK',
        deviationCause: null,
      };
    }
    const miss = (scenario === 'MISSES' || scenario === 'IMPOSSIBLE') && (first || r.chance(0.3));
    const up = target.operator === '>=' || target.operator === '>';
    const down = target.operator === '<=' || target.operator === '<';
    let forecast: number;
    if (miss) forecast = up ? t * 0.8 : down ? t * 1.2 + 1 : t * 0.9;
    else forecast = target.operator === '>' ? t * 1.05 + 1 : target.operator === '<' ? t * 0.95 - 1 : t;
    forecast = round2(forecast);
    const likelihood: Likelihood =
      scenario === 'IMPOSSIBLE' && first ? 'IMPOSSIBLE' : miss ? 'AT_RISK' : r.chance(0.04) ? 'AT_RISK' : 'ON_TRACK';
    const progress: IndicatorProgress = {
      indicatorId: target.indicatorId,
      valueSoFar: round2((forecast * 7) / 12),
      forecast,
      likelihood,
      deviationCause: null,
    };
    const deviates = likelihood !== 'ON_TRACK' || missesTarget(target, progress);
    return { ...progress, deviationCause: deviates ? r.pick(CAUSES) : null };
  }

  /** Files the goal's report at `at`; returns the stream's state after it. */
  function file(
    roundId: string,
    round: { fiscalYear: number; dueDate: string },
    goal: IssuedGoal,
    scenario: Scenario,
    at: number,
  ) {
    const r = rng!;
    now = at;
    const behind = scenario === 'BEHIND' || (scenario !== 'ON_PACE' && r.chance(0.4));
    const share = behind ? 0.2 + 0.35 * r.next() : 0.6 + 0.35 * r.next();
    const numeric = goal.indicators.filter((i) => i.operator !== 'QUALITATIVE' && i.targetValue !== null);
    const firstNumeric = numeric[0]?.indicatorId;
    return streams!.run(
      monitoringReportDecider,
      reportStreamId(roundId, goal.goalId),
      {
        type: 'FileMonitoringReport',
        roundId,
        goalId: goal.goalId,
        unitId: goal.unit.unitId,
        executedFen: Math.min(goal.budgetFen, Math.round(goal.budgetFen * share)),
        indicators: goal.indicators.map((i) => line(i, scenario, i.indicatorId === firstNumeric)),
        today: chinaDay(new Date(at)),
        round: { ...round, throughMonth: 7, executionTolerancePoints: 0 },
        goal: {
          unitId: goal.unit.unitId,
          projectId: goal.projectId,
          fiscalYear: round.fiscalYear,
          status: 'ISSUED',
          budgetFen: goal.budgetFen,
          indicators: goal.indicators,
        },
        warningIds: Array.from({ length: 1 + 2 * goal.indicators.length }, () => r.uuid()),
      },
      goal.unit.officer,
    );
  }

  return {
    setup(year) {
      rng = new Rng((year.seed ^ 0x6d0a17e5) >>> 0);
      streams = new Streams(metadata, () => new Date(now));
      goals.length = 0;
    },
    project(year, n) {
      const project = year.projects[n];
      if (!project || project.goalStatus !== 'ISSUED') return;
      const { budgetFen, indicators } = goalOf(year.streams.out, project.goalId);
      if (budgetFen <= 0 || indicators.length === 0) return;
      goals.push({ goalId: project.goalId, projectId: project.projectId, unit: project.unit, budgetFen, indicators });
    },
    finish(year) {
      if (goals.length === 0) return;
      const r = rng!;
      const s = streams!;
      const fy = year.scale.fiscalYear;
      const demo = year.scale.goals <= 100;
      const roundId = r.uuid();
      const dueDate = `${fy}-08-10`;
      const round = { fiscalYear: fy, dueDate };
      now = Date.UTC(fy, 7, 1, 1, 0, 0); // 1 August, 09:00 in China
      s.run(
        monitoringRoundDecider,
        roundStreamId(roundId),
        {
          type: 'OpenMonitoringRound',
          roundId,
          divisionCode: year.scale.divisionCode,
          fiscalYear: fy,
          name: `${fy}年1—7月绩效运行监控`,
          throughMonth: 7,
          dueDate,
          executionTolerancePoints: 0,
        },
        PERFORMANCE_SECTION,
      );
      // who reports in time, late, or not at all: the demo keeps its last two goals out of time, one of them late
      const inTime: IssuedGoal[] = [];
      const late: IssuedGoal[] = [];
      const never: IssuedGoal[] = [];
      goals.forEach((g, i) => {
        if (demo ? i < goals.length - 2 : r.chance(0.92)) inTime.push(g);
        else if (demo ? i === goals.length - 2 : r.chance(0.5)) late.push(g);
        else never.push(g);
      });
      const FORCED: Scenario[] = ['BEHIND', 'MISSES', 'IMPOSSIBLE', 'BEHIND'];
      const scenarioOf = (i: number): Scenario => FORCED[i] ?? r.weighted(SCENARIO_WEIGHTS);
      const opened = now;
      const times = (count: number, from: number, span: number) =>
        Array.from({ length: count }, () => Math.round(from + r.next() * span)).sort((a, b) => a - b);
      const reports = new Map<string, MonitoringReportState>();
      times(inTime.length, opened + 3600_000, 9 * DAY - 4 * 3600_000).forEach((at, i) => {
        reports.set(inTime[i]!.goalId, file(roundId, round, inTime[i]!, scenarioOf(i), at));
      });

      // the due date passes: the scheduler's round-level event, then the reaction's overdue warnings
      now = Date.UTC(fy, 7, 10, 16, 0, 2); // just after midnight, 11 August in China
      s.run(monitoringRoundDecider, roundStreamId(roundId), { type: 'MarkRoundDuePassed', roundId }, SCHEDULER);
      for (const g of [...late, ...never]) {
        now += 20;
        s.run(
          monitoringReportDecider,
          reportStreamId(roundId, g.goalId),
          { type: 'MarkReportOverdue', roundId, goalId: g.goalId, unitId: g.unit.unitId, dueDate, warningId: r.uuid() },
          { ...OVERDUE_REACTION, unitId: null },
        );
      }
      times(late.length, Date.UTC(fy, 7, 11, 1, 0, 0), 9 * DAY).forEach((at, i) => {
        reports.set(late[i]!.goalId, file(roundId, round, late[i]!, r.weighted(SCENARIO_WEIGHTS), at));
      });

      // the bureau's corrections on warnings of filed reports
      const raised: MonitoringReportEvent[] = [];
      for (const a of s.out) {
        if (a.streamId.startsWith('monitoring-')) raised.push(...(a.events as MonitoringReportEvent[]));
      }
      const warnings = raised.flatMap((e) => (e.type === 'MonitoringWarningRaised' ? [e.data] : []));
      const kindFor = (kind: string): CorrectionKind | null => {
        if (kind === 'EXECUTION_BEHIND') return 'STOP_FUNDING';
        if (kind === 'FORECAST_MISSES_TARGET') return 'ADJUST_GOAL';
        if (kind === 'COMPLETION_IMPOSSIBLE') return 'RECOVER_FUNDS';
        return null;
      };
      const wanted: Record<CorrectionKind, number> = { STOP_FUNDING: 2, ADJUST_GOAL: 1, RECOVER_FUNDS: 1 };
      const stops: { correctionId: string; goalId: string }[] = [];
      now = Date.UTC(fy, 7, 25, 2, 0, 0);
      const decided = new Set<string>();
      for (const w of warnings) {
        const kind = kindFor(w.kind);
        const report = reports.get(w.goalId)?.report;
        if (!kind || !report || decided.has(w.goalId)) continue;
        // every year has each kind (and a second stop); the city besides a few percent of its warnings
        if (wanted[kind] <= 0 && (demo || !r.chance(0.03))) continue;
        if (kind === 'RECOVER_FUNDS' && report.executedFen < 1) continue;
        wanted[kind] -= 1;
        decided.add(w.goalId);
        now += r.int(1, 20) * 3600_000;
        const correctionId = r.uuid();
        const recoverFen = kind === 'RECOVER_FUNDS' ? Math.max(1, Math.round(report.executedFen * 0.1)) : null;
        s.run(
          monitoringReportDecider,
          reportStreamId(roundId, w.goalId),
          {
            type: 'DecideMonitoringCorrection',
            correctionId,
            roundId,
            goalId: w.goalId,
            warningId: w.warningId,
            kind,
            reason: r.pick(CORRECTION_REASONS[kind]),
            recoverFen,
            goal: { unitId: w.unitId, projectId: report.projectId },
            paidFen: null,
          },
          PERFORMANCE_SECTION,
        );
        if (kind === 'STOP_FUNDING') stops.push({ correctionId, goalId: w.goalId });
      }
      // the first stop lifted (in the demo the other stands); about half of the others in the city
      now = Date.UTC(fy, 9, 12, 2, 0, 0);
      stops.forEach((stop, i) => {
        if (i > 0 && (demo || !r.chance(0.5))) return;
        now += r.int(1, 48) * 3600_000;
        s.run(
          monitoringReportDecider,
          reportStreamId(roundId, stop.goalId),
          {
            type: 'LiftFundingStop',
            roundId,
            goalId: stop.goalId,
            correctionId: stop.correctionId,
            reason: r.pick(LIFT_REASONS),
          },
          PERFORMANCE_SECTION,
        );
      });
      year.streams.out.push(...s.drain());
      goals.length = 0;
    },
  };
}
