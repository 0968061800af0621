import type { Fen } from '@jixiao/events';
import { MoneyScalar } from '@jixiao/service-kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  CompletionLikelihood,
  MonitoringCorrectionKind,
  MonitoringWarningKind,
  MonitoringWarningSeverity,
} from './monitoring.enums';

@ObjectType({ description: '预警依据的数字 (One of the numbers that raised a warning)' })
export class WarningFigure {
  @Field({ description: '名称，如 executionRate、expectedRate、target、forecast (what the number is)' })
  name!: string;

  @Field({ description: '数值，按记录原样 (the value, as recorded)' })
  value!: string;
}

@ObjectType({ description: '纠偏措施 (A correction decided on a warning)' })
export class MonitoringCorrection {
  @Field(() => ID, { description: '纠偏措施标识 (correction id)' })
  id!: string;

  @Field(() => ID, { description: '所针对的预警 (the warning it answers)' })
  warningId!: string;

  @Field(() => ID, { description: '监控轮次 (round)' })
  roundId!: string;

  @Field(() => ID, { description: '绩效目标 (goal)' })
  goalId!: string;

  @Field(() => ID, { description: '预算单位 (unit)' })
  unitId!: string;

  @Field(() => ID, { nullable: true, description: '项目 (project)' })
  projectId!: string | null;

  @Field(() => MonitoringCorrectionKind, { description: '措施 (kind)' })
  kind!: MonitoringCorrectionKind;

  @Field({ description: '原因 (reason)' })
  reason!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '收回金额（元）(amount to recover, yuan)' })
  recover!: Fen | null;

  @Field({ description: '决定时间 (decided at, ISO)' })
  decidedAt!: string;

  @Field({ description: '停止拨款是否已解除 (a stop-funding correction lifted)' })
  lifted!: boolean;

  @Field(() => String, { nullable: true, description: '解除原因 (why it was lifted)' })
  liftReason!: string | null;

  @Field(() => String, { nullable: true, description: '解除时间 (lifted at, ISO)' })
  liftedAt!: string | null;

  @Field({
    description:
      '已落实：调整目标者，决定后该目标已经预算调整而调整 (carried out: for ADJUST_GOAL, the goal was adjusted through a budget adjustment after the decision; the other kinds take effect when decided)',
  })
  carriedOut!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '落实该调整的预算调整文号 (the budget adjustment that carried it out)',
  })
  budgetAdjustmentRef!: string | null;
}

@ObjectType({ description: '监控预警 (A monitoring warning, with the numbers that raised it)' })
export class MonitoringWarning {
  @Field(() => ID, { description: '预警标识 (warning id)' })
  id!: string;

  @Field(() => ID, { description: '监控轮次 (round)' })
  roundId!: string;

  @Field(() => ID, { description: '绩效目标 (goal)' })
  goalId!: string;

  @Field(() => ID, { description: '预算单位 (unit)' })
  unitId!: string;

  @Field(() => MonitoringWarningKind, { description: '预警类型 (kind)' })
  kind!: MonitoringWarningKind;

  @Field(() => MonitoringWarningSeverity, { description: '预警程度 (severity)' })
  severity!: MonitoringWarningSeverity;

  @Field(() => ID, { nullable: true, description: '所涉指标，整体预警为空 (indicator; null for the goal as a whole)' })
  indicatorId!: string | null;

  @Field(() => [WarningFigure], { description: '预警依据的数字 (the numbers that raised it)' })
  figures!: WarningFigure[];

  @Field({ description: '预警时间 (raised at, ISO)' })
  raisedAt!: string;

  @Field({ description: '是否已决定纠偏措施 (a correction was decided on it)' })
  corrected!: boolean;

  @Field(() => [MonitoringCorrection], { description: '纠偏措施 (corrections decided on it)' })
  corrections!: MonitoringCorrection[];
}

@ObjectType({ description: '预警预览：草稿将引发的预警 (A warning a draft report would raise)' })
export class MonitoringWarningPreview {
  @Field(() => MonitoringWarningKind, { description: '预警类型 (kind)' })
  kind!: MonitoringWarningKind;

  @Field(() => MonitoringWarningSeverity, { description: '预警程度 (severity)' })
  severity!: MonitoringWarningSeverity;

  @Field(() => ID, { nullable: true, description: '所涉指标 (indicator)' })
  indicatorId!: string | null;

  @Field(() => [WarningFigure], { description: '依据的数字 (the numbers)' })
  figures!: WarningFigure[];
}

@ObjectType({ description: '某一指标的监控情况 (One indicator’s line of a report)' })
export class ReportedIndicatorProgress {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field(() => Float, { nullable: true, description: '截至目前完成值 (value so far)' })
  valueSoFar!: number | null;

  @Field(() => Float, { nullable: true, description: '预计全年完成值 (full-year forecast)' })
  forecast!: number | null;

  @Field(() => CompletionLikelihood, { description: '完成可能性 (likelihood)' })
  likelihood!: CompletionLikelihood;

  @Field(() => String, { nullable: true, description: '偏差原因 (cause of the deviation)' })
  deviationCause!: string | null;
}

@ObjectType({ description: '绩效监控填报 (A goal’s monitoring report in a round)' })
export class MonitoringReport {
  @Field(() => ID, { description: '监控轮次 (round)' })
  roundId!: string;

  @Field(() => ID, { description: '绩效目标 (goal)' })
  goalId!: string;

  @Field(() => ID, { description: '预算单位 (unit)' })
  unitId!: string;

  @Field(() => ID, { nullable: true, description: '项目 (project)' })
  projectId!: string | null;

  @Field(() => MoneyScalar, { description: '预算金额（元）(budget, yuan)' })
  budget!: Fen;

  @Field(() => MoneyScalar, { description: '已执行金额（元）(executed, yuan)' })
  executed!: Fen;

  @Field(() => String, { nullable: true, description: '预算执行率（%，两位小数）(execution rate, percent)' })
  executionRate!: string | null;

  @Field(() => [ReportedIndicatorProgress], { description: '各指标 (per indicator)' })
  indicators!: ReportedIndicatorProgress[];

  @Field({ description: '逾期填报 (filed after the due date)' })
  late!: boolean;

  @Field({ description: '填报时间 (filed at, ISO)' })
  filedAt!: string;

  @Field(() => [MonitoringWarning], { description: '本次填报及逾期的预警 (its warnings)' })
  warnings!: MonitoringWarning[];
}

@ObjectType({ description: '监控轮次 (A monitoring round, with its progress counts)' })
export class MonitoringRound {
  @Field(() => ID, { description: '监控轮次标识 (round id)' })
  id!: string;

  @Field({ description: '行政区划代码 (division code)' })
  divisionCode!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '名称 (name)' })
  name!: string;

  @Field(() => Int, { description: '监控期间截至月份 (the period’s last month)' })
  throughMonth!: number;

  @Field({ description: '填报截止日期 (due date)' })
  dueDate!: string;

  @Field(() => Float, { description: '启动时适用的执行进度容差（百分点）(tolerance in force, percentage points)' })
  executionTolerancePoints!: number;

  @Field({ description: '启动时间 (opened at, ISO)' })
  openedAt!: string;

  @Field({ description: '填报截止日已过，逾期预警已发出 (the due date has passed: overdue warnings raised)' })
  duePassed!: boolean;

  @Field(() => Int, { description: '应填报的已下达目标数 (issued goals of the round’s year and division)' })
  goals!: number;

  @Field(() => Int, { description: '已填报 (reported)' })
  reported!: number;

  @Field(() => Int, { description: '其中逾期填报 (of them filed late)' })
  late!: number;

  @Field(() => Int, { description: '逾期未填报预警数 (overdue warnings)' })
  overdue!: number;

  @Field(() => Int, { description: '预警总数 (warnings of every kind)' })
  warnings!: number;
}

@ObjectType({ description: '单位填报进度 (One unit’s progress in a round)' })
export class UnitMonitoringProgress {
  @Field(() => ID, { description: '预算单位 (unit)' })
  unitId!: string;

  @Field({ description: '单位名称 (unit name)' })
  unitName!: string;

  @Field(() => Int, { description: '应填报目标数 (goals to report)' })
  goals!: number;

  @Field(() => Int, { description: '已填报 (reported)' })
  reported!: number;

  @Field(() => Int, { description: '逾期填报 (filed late)' })
  late!: number;

  @Field(() => Int, { description: '逾期未填报 (overdue, not reported)' })
  overdue!: number;

  @Field(() => [ID], { description: '尚未填报的目标 (goals not reported yet)' })
  unreportedGoalIds!: string[];
}

@ObjectType({ description: '监控轮次进度 (A round’s progress: who has reported, who is overdue)' })
export class MonitoringRoundProgress {
  @Field(() => MonitoringRound, { description: '监控轮次 (the round)' })
  round!: MonitoringRound;

  @Field(() => [UnitMonitoringProgress], { description: '各单位 (per unit)' })
  units!: UnitMonitoringProgress[];
}

@ObjectType({ description: '一页监控预警 (A page of warnings)' })
export class MonitoringWarningPage {
  @Field(() => [MonitoringWarning], { description: '本页 (this page)' })
  nodes!: MonitoringWarning[];

  @Field(() => Int, { description: '总数 (total)' })
  totalCount!: number;
}

@ObjectType({ description: '绩效目标在一轮监控中的情况 (A goal in one round: its report, warnings, corrections)' })
export class GoalMonitoringEntry {
  @Field(() => MonitoringRound, { description: '监控轮次 (round)' })
  round!: MonitoringRound;

  @Field(() => MonitoringReport, { nullable: true, description: '填报，未填报为空 (report; null if none)' })
  report!: MonitoringReport | null;

  @Field(() => [MonitoringWarning], { description: '预警 (warnings)' })
  warnings!: MonitoringWarning[];
}
