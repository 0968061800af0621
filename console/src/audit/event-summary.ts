// How an auditor reads a recorded event: a title, the state it moved the record to, and what changed
// (with the value before, where the stream's earlier events hold it). Labels are the catalog's own.
import {
  GOAL_STATUS_LABELS,
  GOAL_TERM_LABELS,
  JOINT_REVIEWER_ROLE_LABELS,
  LEVEL1_LABELS,
  LEVEL2_LABELS,
  REVIEW_RESULT_LABELS,
  REVIEW_STAGE_LABELS,
} from '../../../events/src/planning/goal.labels';

/** An event as the audit context answers it (streamHistory). */
export interface RecordedEvent {
  eventId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
}

/** One line of what changed: a field, and its value before (when known) and after. */
export interface Change {
  field: string;
  before?: string;
  after: string;
}

export interface EventSummary {
  eventId: string;
  /** 绩效目标已提交 … */
  title: string;
  /** The goal's state after this event, where the event moves it. */
  status?: { before?: string; after: string };
  changes: Change[];
  /** The reviewer's or the unit's own words (comment, reason). */
  remark?: string;
}

const TITLES: Record<string, string> = {
  GoalDrafted: '绩效目标草稿已建立',
  GoalSubmitted: '绩效目标已提交',
  IndicatorAdded: '绩效指标已添加',
  IndicatorRevised: '绩效指标已修改',
  IndicatorRemoved: '绩效指标已删除',
  GoalReviewOpinionRecorded: '联审意见已记录',
  GoalReviewed: '绩效目标已审核',
  GoalIssued: '绩效目标已随预算批复下达',
  GoalAdjusted: '绩效目标已随预算调整而调整',
  GoalMarkedExemplary: '绩效目标已评为精品样本',
  GoalsPublished: '绩效目标已公开',
  ProjectProposed: '项目已申报',
  ProjectAdmittedToLibrary: '项目已入库',
  BudgetAllocated: '预算已安排',
  PreAssessmentOpened: '事前绩效评估已启动',
  ScoreGiven: '评分已提交',
  PreAssessmentConcluded: '事前绩效评估已完成',
  AssignmentGranted: '指派已授予',
  AssignmentRevoked: '指派已撤销',
};

type Labels = Readonly<Record<string, { zh: string }>>;
const zh = (labels: Labels, value: unknown): string => (typeof value === 'string' ? (labels[value]?.zh ?? value) : '—');
/** A state's name, its first clause (已提交，待主管部门审核 → 已提交). */
const statusLabel = (status: string) => zh(GOAL_STATUS_LABELS, status).split(/[，：]/)[0] ?? status;

/** Whole fen (分) → ¥1,234.50, without floating point. */
export function fenToYuan(fen: unknown): string {
  if (typeof fen !== 'number' || !Number.isInteger(fen)) return '—';
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** An event's amount: whole fen in current events, a yuan string in the first schema's. */
const amountOf = (data: Record<string, unknown>, fenKey: string, yuanKey: string): string | undefined =>
  typeof data[fenKey] === 'number'
    ? fenToYuan(data[fenKey])
    : typeof data[yuanKey] === 'string'
      ? `¥${data[yuanKey] as string}`
      : undefined;

interface IndicatorData {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  operator: string;
  targetValue: number | null;
  targetText: string | null;
  unit: string;
  points: number;
}

/** 「≥ 12 所」, 「明显改善」: an indicator's target as one reads it. */
export function targetOf(indicator: IndicatorData): string {
  if (indicator.operator === 'QUALITATIVE') return indicator.targetText ?? '—';
  return `${indicator.operator.replace('>=', '≥').replace('<=', '≤')} ${indicator.targetValue ?? '—'}${indicator.unit ? ` ${indicator.unit}` : ''}`;
}

const describeIndicator = (indicator: IndicatorData): string =>
  `${zh(LEVEL1_LABELS, indicator.level1).replace(/，.*$/, '')} / ${zh(LEVEL2_LABELS, indicator.level2)} / ${indicator.name}：${targetOf(indicator)}（${indicator.points} 分）`;

/** What differs between two versions of one indicator, field by field. */
function indicatorChanges(before: IndicatorData | undefined, after: IndicatorData): Change[] {
  if (!before) return [{ field: '指标', after: describeIndicator(after) }];
  const changes: Change[] = [];
  if (before.name !== after.name) changes.push({ field: '指标名称', before: before.name, after: after.name });
  if (before.level1 !== after.level1 || before.level2 !== after.level2)
    changes.push({
      field: '指标类别',
      before: `${zh(LEVEL1_LABELS, before.level1)} / ${zh(LEVEL2_LABELS, before.level2)}`,
      after: `${zh(LEVEL1_LABELS, after.level1)} / ${zh(LEVEL2_LABELS, after.level2)}`,
    });
  if (targetOf(before) !== targetOf(after))
    changes.push({ field: `「${after.name}」目标值`, before: targetOf(before), after: targetOf(after) });
  if (before.points !== after.points)
    changes.push({ field: `「${after.name}」分值`, before: String(before.points), after: String(after.points) });
  return changes.length ? changes : [{ field: '指标', before: describeIndicator(before), after: '内容未变' }];
}

interface GoalView {
  status?: string;
  amount?: string;
  overallGoal?: string;
  indicators: Map<string, IndicatorData>;
}

const indicatorsOf = (data: Record<string, unknown>): IndicatorData[] =>
  Array.isArray(data.indicators) ? (data.indicators as IndicatorData[]) : [];

/** The content changes of a (re)submission or an adjustment against the goal as it stood. */
function contentChanges(view: GoalView, data: Record<string, unknown>, amount: string | undefined): Change[] {
  const changes: Change[] = [];
  if (amount && amount !== view.amount) changes.push({ field: '资金金额', before: view.amount, after: amount });
  const overall = typeof data.overallGoal === 'string' ? data.overallGoal : undefined;
  if (overall && view.overallGoal !== undefined && overall !== view.overallGoal)
    changes.push({ field: '总体目标', before: view.overallGoal, after: overall });
  const next = indicatorsOf(data);
  if (view.indicators.size > 0) {
    for (const indicator of next) {
      const before = view.indicators.get(indicator.indicatorId);
      if (!before) changes.push({ field: '新增指标', after: describeIndicator(indicator) });
      else if (JSON.stringify(before) !== JSON.stringify(indicator))
        changes.push(...indicatorChanges(before, indicator));
    }
    const kept = new Set(next.map((i) => i.indicatorId));
    for (const [id, before] of view.indicators)
      if (!kept.has(id)) changes.push({ field: '删除指标', before: describeIndicator(before), after: '—' });
  }
  return changes;
}

/**
 * Reads a stream's events in order into summaries. A goal's stream is followed as it goes, so a
 * revision shows the indicator before it, a resubmission what differs from the goal as returned, and
 * each decision the state it led to (the same transitions the goal's decider records).
 */
export function summarize(events: RecordedEvent[]): EventSummary[] {
  const view: GoalView = { indicators: new Map() };
  const remember = (data: Record<string, unknown>, amount?: string) => {
    if (amount) view.amount = amount;
    if (typeof data.overallGoal === 'string') view.overallGoal = data.overallGoal;
    if (Array.isArray(data.indicators)) view.indicators = new Map(indicatorsOf(data).map((i) => [i.indicatorId, i]));
  };
  const move = (after: string | undefined) => {
    if (!after) return undefined;
    const before = view.status;
    view.status = after;
    return { before: before && statusLabel(before), after: statusLabel(after) };
  };
  return [...events]
    .sort((a, b) => a.streamVersion - b.streamVersion)
    .map((event) => {
      const data = event.data;
      const summary: EventSummary = { eventId: event.eventId, title: TITLES[event.type] ?? event.type, changes: [] };
      const text = (key: string) => (typeof data[key] === 'string' && data[key] ? (data[key] as string) : undefined);
      switch (event.type) {
        case 'GoalDrafted': {
          const amount = amountOf(data, 'amountFen', 'amount');
          summary.status = move('DRAFT');
          summary.changes = [
            { field: '项目', after: `${text('projectCode') ?? ''} ${text('projectName') ?? ''}`.trim() },
            { field: '目标期限', after: zh(GOAL_TERM_LABELS, data.term) },
            ...(amount ? [{ field: '资金金额', after: amount }] : []),
            { field: '绩效指标', after: `${indicatorsOf(data).length} 项` },
            ...(text('copiedFromGoalId') ? [{ field: '复制自精品样本', after: text('copiedFromGoalId')! }] : []),
          ];
          remember(data, amount);
          break;
        }
        case 'GoalSubmitted': {
          const amount = amountOf(data, 'amountFen', 'amount');
          const submission = typeof data.submission === 'number' ? data.submission : 1;
          if (submission > 1) summary.title = `绩效目标已重新提交（第 ${submission} 次）`;
          const project = `${text('projectCode') ?? ''} ${text('projectName') ?? ''}`.trim();
          // submitted without a draft: what was submitted; after a draft or a return: what differs from it
          const changes =
            view.amount === undefined
              ? [{ field: '项目', after: project }, ...(amount ? [{ field: '资金金额', after: amount }] : [])]
              : contentChanges(view, data, amount);
          summary.status = move(data.departmentReview ? 'SUBMITTED' : 'FINANCE_REVIEW');
          summary.changes = [
            ...(changes.length ? changes : [{ field: '内容', after: '与上一版本相同' }]),
            { field: '绩效指标', after: `${indicatorsOf(data).length} 项` },
          ];
          remember(data, amount);
          break;
        }
        case 'IndicatorAdded': {
          const indicator = data.indicator as IndicatorData;
          summary.changes = [{ field: '新增指标', after: describeIndicator(indicator) }];
          view.indicators.set(indicator.indicatorId, indicator);
          break;
        }
        case 'IndicatorRevised': {
          const indicator = data.indicator as IndicatorData;
          summary.changes = indicatorChanges(view.indicators.get(indicator.indicatorId), indicator);
          summary.remark = text('reason');
          view.indicators.set(indicator.indicatorId, indicator);
          break;
        }
        case 'IndicatorRemoved': {
          const id = text('indicatorId') ?? '';
          const before = view.indicators.get(id);
          summary.changes = [{ field: '删除指标', before: before ? describeIndicator(before) : id, after: '—' }];
          summary.remark = text('reason');
          view.indicators.delete(id);
          break;
        }
        case 'GoalReviewOpinionRecorded':
          summary.title = `${summary.title}：${zh(JOINT_REVIEWER_ROLE_LABELS, data.reviewerRole)}`;
          summary.changes = [
            { field: '审核轮次', after: `第 ${String(data.round)} 轮` },
            { field: '意见', after: zh(REVIEW_RESULT_LABELS, data.opinion) },
            ...indicatorCommentChanges(view, data),
          ];
          summary.remark = text('comment');
          break;
        case 'GoalReviewed': {
          const returned = data.result === 'RETURN';
          summary.title = `${zh(REVIEW_STAGE_LABELS, data.stage)}：${zh(REVIEW_RESULT_LABELS, data.result)}`;
          summary.status = move(returned ? 'RETURNED' : data.stage === 'DEPARTMENT' ? 'FINANCE_REVIEW' : 'APPROVED');
          summary.changes = [
            { field: '审核轮次', after: `第 ${String(data.round)} 轮` },
            ...indicatorCommentChanges(view, data),
          ];
          summary.remark = text('comment');
          break;
        }
        case 'GoalIssued': {
          const amount = amountOf(data, 'issuedAmountFen', 'issuedAmount');
          summary.status = move('ISSUED');
          summary.changes = [
            { field: '预算批复文号', after: text('budgetDocument') ?? '—' },
            ...(amount ? [{ field: '金额（申报 → 下达）', before: view.amount, after: amount }] : []),
          ];
          break;
        }
        case 'GoalAdjusted': {
          const amount = amountOf(data, 'amountFen', 'amount');
          summary.status = move('ADJUSTED');
          summary.changes = [
            { field: '预算调整文号', after: text('budgetAdjustmentRef') ?? '—' },
            ...contentChanges(view, data, amount),
          ];
          summary.remark = text('reason');
          remember(data, amount);
          break;
        }
        case 'GoalMarkedExemplary':
          summary.changes = [{ field: '精品样本', before: '否', after: '是' }];
          summary.remark = text('reason');
          break;
        default:
          summary.changes = genericChanges(data);
      }
      return summary;
    });
}

function indicatorCommentChanges(view: GoalView, data: Record<string, unknown>): Change[] {
  const comments = Array.isArray(data.indicatorComments)
    ? (data.indicatorComments as { indicatorId: string; comment: string }[])
    : [];
  return comments.map((c) => ({
    field: `对「${view.indicators.get(c.indicatorId)?.name ?? c.indicatorId}」的意见`,
    after: c.comment,
  }));
}

/** Any other event: its plain fields, ids and long lists left out. */
function genericChanges(data: Record<string, unknown>): Change[] {
  return Object.entries(data)
    .filter(([key, value]) => !/Id$|^id$/.test(key) && value !== null && typeof value !== 'object')
    .slice(0, 8)
    .map(([key, value]) => ({
      field: key,
      after: /Fen$/.test(key) ? fenToYuan(value) : String(value),
    }));
}
