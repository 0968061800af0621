import type { Fen } from '@jixiao/events';
import { COMMAND_ID_DESCRIPTION, MoneyScalar } from '@jixiao/service-kit';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  CompletionLikelihood,
  MonitoringCorrectionKind,
  MonitoringWarningKind,
  MonitoringWarningSeverity,
} from './monitoring.enums';

@InputType({ description: '启动绩效监控 (Open a monitoring round)' })
export class OpenMonitoringRoundInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field({ description: '行政区划代码，如 429006 (division code)' })
  divisionCode!: string;

  @Field(() => Int, { description: '预算年度 (fiscal year)' })
  fiscalYear!: number;

  @Field({ description: '名称，如「2023年1—7月绩效运行监控」(name of the round)' })
  name!: string;

  @Field(() => Int, { description: '监控期间截至月份，1—7 月为 7 (the period runs from January through this month)' })
  throughMonth!: number;

  @Field({ description: '填报截止日期 YYYY-MM-DD (due date)' })
  dueDate!: string;
}

@InputType({ description: '某一指标的监控情况 (One indicator’s line of a monitoring report)' })
export class IndicatorProgressInput {
  @Field(() => ID, { description: '指标标识 (indicator id)' })
  indicatorId!: string;

  @Field(() => Float, {
    nullable: true,
    description: '截至目前完成值；定性指标不填 (value so far; none for a qualitative one)',
  })
  valueSoFar?: number | null;

  @Field(() => Float, { nullable: true, description: '预计全年完成值；定性指标不填 (full-year forecast)' })
  forecast?: number | null;

  @Field(() => CompletionLikelihood, { description: '完成可能性 (likelihood of completion)' })
  likelihood!: CompletionLikelihood;

  @Field(() => String, { nullable: true, description: '偏差原因 (cause of the deviation)' })
  deviationCause?: string | null;
}

@InputType({ description: '填报绩效监控情况 (File a goal’s monitoring report for a round)' })
export class FileMonitoringReportInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '监控轮次 (round id)' })
  roundId!: string;

  @Field(() => ID, { description: '本单位已下达的绩效目标 (the unit’s issued goal)' })
  goalId!: string;

  @Field(() => MoneyScalar, { description: '截至目前预算执行金额（元）(budget executed so far, yuan)' })
  executed!: Fen;

  @Field(() => [IndicatorProgressInput], { description: '各指标完成情况 (per indicator)' })
  indicators!: IndicatorProgressInput[];
}

@InputType({ description: '对预警决定纠偏措施 (Decide a correction on a warning)' })
export class DecideMonitoringCorrectionInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '预警标识 (warning id)' })
  warningId!: string;

  @Field(() => MonitoringCorrectionKind, { description: '纠偏措施 (kind of correction)' })
  kind!: MonitoringCorrectionKind;

  @Field({ description: '原因 (reason)' })
  reason!: string;

  @Field(() => MoneyScalar, { nullable: true, description: '收回金额（元），仅收回资金时填 (amount to recover, yuan)' })
  recover?: Fen | null;
}

@InputType({ description: '解除停止拨款 (Lift a stop-funding correction)' })
export class LiftFundingStopInput {
  @Field(() => ID, { nullable: true, description: COMMAND_ID_DESCRIPTION })
  commandId?: string | null;

  @Field(() => ID, { description: '停止拨款决定的标识 (the stop-funding correction’s id)' })
  correctionId!: string;

  @Field({ description: '解除原因 (reason)' })
  reason!: string;
}

@InputType({ description: '监控预警筛选 (Which warnings)' })
export class MonitoringWarningFilter {
  @Field(() => ID, { nullable: true, description: '监控轮次 (round)' })
  roundId?: string | null;

  @Field(() => MonitoringWarningKind, { nullable: true, description: '预警类型 (kind)' })
  kind?: MonitoringWarningKind | null;

  @Field(() => ID, { nullable: true, description: '预算单位 (unit)' })
  unitId?: string | null;

  @Field(() => MonitoringWarningSeverity, { nullable: true, description: '预警程度 (severity)' })
  severity?: MonitoringWarningSeverity | null;
}
