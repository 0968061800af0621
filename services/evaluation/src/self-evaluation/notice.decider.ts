import {
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  type Decider,
  type FieldIssue,
  type RuleProfileRef,
} from '@jixiao/events';
import { drawSpotCheck } from '../scoring';
import type { EvaluationNoticeEvent, EvaluationNoticeIssued } from './self-evaluation.events';

/** One task of the notice. */
export type SelfEvaluationTask = EvaluationNoticeIssued['data']['tasks'][number];

/** `evaluationnotice-<divisionCode>-<fiscalYear>`: one notice per division and year evaluated. */
export const noticeStreamId = (divisionCode: string, fiscalYear: number): string =>
  `evaluationnotice-${divisionCode}-${fiscalYear}`;

/** Whether `text` is a real day of the calendar, `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // a day past the month's end rolls into the next month: the month tells
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1;
}

/** 下达绩效自评通知: the tasks are the resolver's (every first/second-level unit and its issued goals). */
export interface IssueEvaluationNotice {
  type: 'IssueEvaluationNotice';
  divisionCode: string;
  fiscalYear: number;
  dueDate: string;
  ruleProfile: RuleProfileRef;
  tasks: SelfEvaluationTask[];
}

/** 填报截止日已过 — the scheduler's, once the due date has passed. */
export interface MarkNoticeDuePassed {
  type: 'MarkNoticeDuePassed';
  divisionCode: string;
  fiscalYear: number;
}

/** 抽取抽查样本: the share is the profile's in force, the sample reproducible from the seed. */
export interface DrawSpotCheck {
  type: 'DrawSpotCheck';
  divisionCode: string;
  fiscalYear: number;
  seed: string;
  percent: number;
  ruleProfile: RuleProfileRef;
}

export type EvaluationNoticeCommand = IssueEvaluationNotice | MarkNoticeDuePassed | DrawSpotCheck;

export interface EvaluationNoticeState {
  notice: EvaluationNoticeIssued['data'] | null;
  duePassed: boolean;
  drawn: string[] | null;
}

function noticeIssues(c: IssueEvaluationNotice): FieldIssue[] {
  const validDay = isDay(c.dueDate);
  return [
    ...issueIf(
      !validDay,
      'dueDate',
      `填报截止日期「${c.dueDate}」无效`,
      `The due date "${c.dueDate}" is not a day of the calendar`,
    ),
    ...issueIf(
      validDay && c.dueDate <= `${c.fiscalYear}-12-31`,
      'dueDate',
      `自评的是 ${c.fiscalYear} 年度的支出，截止日期应在该年度结束之后`,
      `The evaluation is of ${c.fiscalYear}'s spending: the due date must come after that year ends`,
    ),
    ...issueIf(
      c.tasks.length === 0,
      'fiscalYear',
      `${c.fiscalYear} 年度该区划没有一级、二级预算单位可自评`,
      `There is no first- or second-level unit in the division to evaluate ${c.fiscalYear}`,
    ),
  ];
}

function issue(c: IssueEvaluationNotice, state: EvaluationNoticeState): EvaluationNoticeEvent[] {
  if (state.notice) {
    throw new IllegalStateError({
      zh: `${c.fiscalYear} 年度绩效自评通知已下达`,
      en: `The self-evaluation notice of ${c.fiscalYear} was already issued`,
    });
  }
  const issues = noticeIssues(c);
  if (issues.length > 0) throw invalid(issues);
  const { type: _t, ...data } = c;
  return [{ type: 'EvaluationNoticeIssued', data }];
}

function notIssued(c: { fiscalYear: number }): IllegalStateError {
  return new IllegalStateError({
    zh: `${c.fiscalYear} 年度绩效自评通知尚未下达`,
    en: `The self-evaluation notice of ${c.fiscalYear} has not been issued`,
  });
}

function draw(c: DrawSpotCheck, state: EvaluationNoticeState): EvaluationNoticeEvent[] {
  if (!state.notice) throw notIssued(c);
  if (state.drawn) {
    throw new IllegalStateError({
      zh: `${c.fiscalYear} 年度抽查样本已抽取`,
      en: `The spot-check sample of ${c.fiscalYear} was already drawn`,
    });
  }
  const issues = issueIf(isBlank(c.seed), 'seed', '请给出抽样种子', 'Give the seed the sample is drawn from');
  if (issues.length > 0) throw invalid(issues);
  const unitIds = [...new Set(state.notice.tasks.map((t) => t.unitId))].sort();
  const seed = c.seed.trim();
  const drawnUnitIds = drawSpotCheck(unitIds, c.percent, seed);
  const { divisionCode, fiscalYear, percent, ruleProfile } = c;
  return [
    { type: 'SpotCheckDrawn', data: { divisionCode, fiscalYear, seed, percent, ruleProfile, unitIds, drawnUnitIds } },
  ];
}

/** The notice (stream `evaluationnotice-<divisionCode>-<fiscalYear>`): issued once, its due date passed once, drawn once. */
export const evaluationNoticeDecider: Decider<EvaluationNoticeCommand, EvaluationNoticeEvent, EvaluationNoticeState> = {
  initialState: () => ({ notice: null, duePassed: false, drawn: null }),
  evolve(state, event) {
    switch (event.type) {
      case 'EvaluationNoticeIssued':
        return { ...state, notice: event.data };
      case 'EvaluationNoticeDuePassed':
        return { ...state, duePassed: true };
      case 'SpotCheckDrawn':
        return { ...state, drawn: event.data.drawnUnitIds };
      default:
        return state;
    }
  },
  decide(c, state) {
    switch (c.type) {
      case 'IssueEvaluationNotice':
        return issue(c, state);
      case 'MarkNoticeDuePassed': {
        if (!state.notice) throw notIssued(c);
        if (state.duePassed) return [];
        const { divisionCode, fiscalYear, dueDate } = state.notice;
        return [{ type: 'EvaluationNoticeDuePassed', data: { divisionCode, fiscalYear, dueDate } }];
      }
      case 'DrawSpotCheck':
        return draw(c, state);
    }
  },
};
