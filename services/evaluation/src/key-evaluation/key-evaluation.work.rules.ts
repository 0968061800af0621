import {
  ForbiddenError,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  NotFoundError,
  type EVIDENCE_KINDS,
  type FEEDBACK_SOURCES,
  type FieldIssue,
  type RuleProfileRef,
  type RuleSet,
} from '@jixiao/events';
import type { AttachmentLimits } from '@jixiao/service-kit';
import { keyEvaluationIssues, scoreKeyEvaluation } from '../scoring';
import {
  notFound,
  requireEvaluator,
  type Actor,
  type KeyEvaluationState,
  type Score,
  type Stage,
} from './key-evaluation.decider';
import type { EvaluationEvidenceRecorded, KeyEvaluationEvent } from './key-evaluation.events';

export type Attachment = EvaluationEvidenceRecorded['data']['attachments'][number];
type Evidence = Omit<EvaluationEvidenceRecorded['data'], 'evaluationId'>;

/** 记录评价证据: what happened, on which day, with its attachments. */
export interface RecordEvaluationEvidence extends Evidence {
  type: 'RecordEvaluationEvidence';
  evaluationId: string;
  actor: Actor;
  kind: (typeof EVIDENCE_KINDS)[number];
  /** `YYYY-MM-DD`: evidence is of what already happened. */
  today: string;
  limits: AttachmentLimits;
}

/** 打分: indicators of dimensions, each replacing any earlier score of the same indicator. */
export interface GiveEvaluationScores {
  type: 'GiveEvaluationScores';
  evaluationId: string;
  actor: Actor;
  scores: (Score & { reason: string | null })[];
}

/** 提交报告初稿 (a new version each time). */
export interface SubmitEvaluationDraftReport {
  type: 'SubmitEvaluationDraftReport';
  evaluationId: string;
  actor: Actor;
  report: Attachment;
  summary: string | null;
  limits: AttachmentLimits;
}

/** 反馈意见: the evaluated unit's own, or a symposium's recorded by the evaluator. */
export interface GiveEvaluationFeedback {
  type: 'GiveEvaluationFeedback';
  evaluationId: string;
  feedbackId: string;
  actor: Actor;
  source: (typeof FEEDBACK_SOURCES)[number];
  text: string;
}

/** 回复意见. */
export interface AnswerEvaluationFeedback {
  type: 'AnswerEvaluationFeedback';
  evaluationId: string;
  feedbackId: string;
  actor: Actor;
  adopted: boolean;
  answer: string;
}

/** 正式报告: the score and grade are computed here, under the profile in force. */
export interface FinalizeKeyEvaluation {
  type: 'FinalizeKeyEvaluation';
  evaluationId: string;
  actor: Actor;
  report: Attachment;
  limits: AttachmentLimits;
  profile: { ref: RuleProfileRef; gradeBands: RuleSet['gradeBands'] };
}

export type WorkCommand =
  | RecordEvaluationEvidence
  | GiveEvaluationScores
  | SubmitEvaluationDraftReport
  | GiveEvaluationFeedback
  | AnswerEvaluationFeedback
  | FinalizeKeyEvaluation;

const SHA256 = /^[0-9a-f]{64}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const REPORTING: readonly Stage[] = ['DRAFT_REPORT', 'UNIT_FEEDBACK'];

/** Attachments named in a command, checked as disbursement documents are (name, size, type, digest). */
export function attachmentIssues(files: readonly Attachment[], at: string, limits: AttachmentLimits): FieldIssue[] {
  return files.flatMap((f, i) => {
    const path = `${at}[${i}]`;
    return [
      ...issueIf(isBlank(f.name), `${path}.name`, '附件名称不能为空', 'The attachment has no name'),
      ...issueIf(
        !Number.isSafeInteger(f.sizeBytes) || f.sizeBytes <= 0 || f.sizeBytes > limits.maxBytes,
        `${path}.sizeBytes`,
        `附件「${f.name}」大小无效，应大于 0 且不超过 ${limits.maxBytes} 字节`,
        `The attachment "${f.name}" must be more than 0 and at most ${limits.maxBytes} bytes`,
      ),
      ...issueIf(
        !limits.contentTypes.includes(f.contentType),
        `${path}.contentType`,
        `不接受「${f.contentType}」类型的附件`,
        `Attachments of type "${f.contentType}" are not accepted`,
      ),
      ...issueIf(!SHA256.test(f.sha256), `${path}.sha256`, '附件的 SHA-256 摘要格式无效', 'Malformed SHA-256 digest'),
    ];
  });
}

export function requireStage(state: KeyEvaluationState, allowed: readonly Stage[], zh: string, en: string): void {
  if (!allowed.includes(state.stage as Stage)) {
    throw new IllegalStateError({ zh: `${zh}（当前阶段：${state.stage}）`, en: `${en} (stage now: ${state.stage})` });
  }
}

function evidenceIssues(c: RecordEvaluationEvidence): FieldIssue[] {
  const q = c.questionnaire;
  return [
    ...issueIf(
      !DAY.test(c.date) || c.date > c.today,
      'date',
      '日期无效或晚于今天',
      'The date is malformed or later than today',
    ),
    ...issueIf(
      c.kind === 'SITE_VISIT' && isBlank(c.place),
      'place',
      '现场核查须填写地点',
      'A site visit names its place',
    ),
    ...issueIf(
      c.kind === 'DOCUMENTS' && c.documents.every(isBlank),
      'documents',
      '请列出收集的资料',
      'List the documents collected',
    ),
    ...issueIf(
      c.kind === 'SYMPOSIUM' && c.participants.every(isBlank),
      'participants',
      '座谈会须填写参加人员',
      'A symposium names its participants',
    ),
    ...issueIf(
      c.kind === 'QUESTIONNAIRE' && q === null,
      'questionnaire',
      '问卷调查须填写发放数、回收数与满意度',
      'A questionnaire gives the number sent, returned and the satisfaction rate',
    ),
    ...issueIf(
      q !== null && (!Number.isInteger(q.sent) || q.sent <= 0 || !Number.isInteger(q.returned) || q.returned < 0),
      'questionnaire.sent',
      '发放数须为正整数，回收数须为非负整数',
      'The number sent is a positive whole number, returned a whole number',
    ),
    ...issueIf(
      q !== null && q.returned > q.sent,
      'questionnaire.returned',
      `回收数 ${q?.returned} 超过发放数 ${q?.sent}`,
      `Returned (${q?.returned}) exceeds sent (${q?.sent})`,
    ),
    ...issueIf(
      q !== null && !(q.satisfactionPercent >= 0 && q.satisfactionPercent <= 100),
      'questionnaire.satisfactionPercent',
      '满意度应在 0—100% 之间',
      'The satisfaction rate is from 0 to 100 %',
    ),
    ...attachmentIssues(c.attachments, 'attachments', c.limits),
  ];
}

function recordEvidence(c: RecordEvaluationEvidence, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requireEvaluator(state, c.evaluationId, c.actor);
  requireStage(
    state,
    ['AGENCY_ASSIGNED', 'FIELDWORK'],
    '现场评价阶段才能记录证据',
    'Evidence is recorded during fieldwork',
  );
  const issues = evidenceIssues(c);
  if (issues.length > 0) throw invalid(issues);
  const keep = (list: string[]) => list.filter((x) => !isBlank(x)).map((x) => x.trim());
  return [
    {
      type: 'EvaluationEvidenceRecorded',
      data: {
        evaluationId: c.evaluationId,
        evidenceId: c.evidenceId,
        kind: c.kind,
        date: c.date,
        place: c.kind === 'SITE_VISIT' ? c.place!.trim() : null,
        documents: c.kind === 'DOCUMENTS' ? keep(c.documents) : [],
        participants: c.kind === 'SYMPOSIUM' ? keep(c.participants) : [],
        questionnaire: c.kind === 'QUESTIONNAIRE' ? c.questionnaire : null,
        note: isBlank(c.note) ? null : c.note!.trim(),
        attachments: c.attachments,
      },
    },
  ];
}

/** The scores as given, each indicator's name trimmed. */
export const trimmedScores = <S extends Score>(scores: readonly S[]): S[] =>
  scores.map((s) => ({ ...s, indicator: s.indicator.trim() }));

/**
 * A score sheet's problems: each score's own at its place in the command, and the dimensions' maxima
 * with the sheet's earlier scores (`earlier`, a rescored indicator replaced) — the evaluator's sheet,
 * or one invited expert's.
 */
export function scoreSheetIssues(
  split: KeyEvaluationState['split'],
  earlier: readonly Score[],
  given: readonly Score[],
): FieldIssue[] {
  const key = (s: Score) => `${s.dimension}/${s.indicator.trim()}`;
  const merged = [...earlier.filter((s) => !given.some((g) => key(g) === key(s))), ...given];
  return [
    ...issueIf(given.length === 0, 'scores', '请至少给一个指标打分', 'Score at least one indicator'),
    ...given.flatMap((s, i) =>
      issueIf(isBlank(s.indicator), `scores[${i}].indicator`, '请填写指标名称', 'Name the indicator'),
    ),
    ...keyEvaluationIssues(split, given).filter((issue) => !issue.path.startsWith('dimensions.')),
    ...keyEvaluationIssues(split, merged).filter((issue) => issue.path.startsWith('dimensions.')),
  ];
}

function giveScores(c: GiveEvaluationScores, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requireEvaluator(state, c.evaluationId, c.actor);
  requireStage(
    state,
    ['FIELDWORK', ...REPORTING],
    '记录现场评价证据后、正式报告前才能打分',
    'Scores are given after fieldwork evidence and before the final report',
  );
  const given = trimmedScores(c.scores);
  const issues = scoreSheetIssues(state.split, state.scores, given);
  if (issues.length > 0) throw invalid(issues);
  return given.map((s) => ({
    type: 'EvaluationScoreGiven',
    data: {
      evaluationId: c.evaluationId,
      dimension: s.dimension,
      indicator: s.indicator,
      points: s.points,
      maxPoints: s.maxPoints,
      reason: isBlank(s.reason) ? null : s.reason!.trim(),
    },
  }));
}

function submitDraft(c: SubmitEvaluationDraftReport, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requireEvaluator(state, c.evaluationId, c.actor);
  requireStage(
    state,
    ['FIELDWORK', ...REPORTING],
    '现场评价后、正式报告前才能提交报告初稿',
    'A draft report is submitted after fieldwork and before the final report',
  );
  const issues = [
    ...issueIf(
      state.scores.length === 0,
      'scores',
      '请先打分再提交报告初稿',
      'Give the scores before the draft report',
    ),
    ...attachmentIssues([c.report], 'report', c.limits),
  ];
  if (issues.length > 0) throw invalid(issues);
  const summary = isBlank(c.summary) ? null : c.summary!.trim();
  return [
    {
      type: 'EvaluationDraftReportSubmitted',
      data: { evaluationId: c.evaluationId, version: state.draftVersion + 1, report: c.report, summary },
    },
  ];
}

function giveFeedback(c: GiveEvaluationFeedback, state: KeyEvaluationState): KeyEvaluationEvent[] {
  if (state.stage === 'NONE') throw notFound(c.evaluationId);
  if (c.source === 'SYMPOSIUM') requireEvaluator(state, c.evaluationId, c.actor);
  else if (c.actor.role !== 'BUDGET_UNIT' || c.actor.unitId !== state.unitId) {
    throw new ForbiddenError({
      zh: '只有被评价单位可以反馈意见',
      en: 'Only the evaluated unit gives its feedback on the draft',
    });
  }
  requireStage(
    state,
    REPORTING,
    '报告初稿提交后、正式报告前征求意见',
    'Feedback is on a draft, before the final report',
  );
  if (state.feedback.some((f) => f.feedbackId === c.feedbackId)) {
    throw new IllegalStateError({
      zh: `意见 ${c.feedbackId} 已记录`,
      en: `Feedback ${c.feedbackId} is already recorded`,
    });
  }
  const issues = issueIf(isBlank(c.text), 'text', '请填写意见内容', 'Write the feedback');
  if (issues.length > 0) throw invalid(issues);
  const { evaluationId, feedbackId, source } = c;
  return [
    {
      type: 'EvaluationFeedbackGiven',
      data: { evaluationId, feedbackId, source, onVersion: state.draftVersion, text: c.text.trim() },
    },
  ];
}

function answerFeedback(c: AnswerEvaluationFeedback, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requireEvaluator(state, c.evaluationId, c.actor);
  const item = state.feedback.find((f) => f.feedbackId === c.feedbackId);
  if (!item) {
    throw new NotFoundError({ zh: `意见 ${c.feedbackId} 不存在`, en: `Feedback ${c.feedbackId} does not exist` });
  }
  requireStage(state, REPORTING, '正式报告后不能再回复意见', 'Feedback is answered before the final report');
  if (item.answered) {
    throw new IllegalStateError({
      zh: `意见 ${c.feedbackId} 已回复`,
      en: `Feedback ${c.feedbackId} is already answered`,
    });
  }
  const issues = issueIf(isBlank(c.answer), 'answer', '请填写回复内容', 'Write the answer');
  if (issues.length > 0) throw invalid(issues);
  const { evaluationId, feedbackId, adopted } = c;
  return [{ type: 'EvaluationFeedbackAnswered', data: { evaluationId, feedbackId, adopted, answer: c.answer.trim() } }];
}

function finalize(c: FinalizeKeyEvaluation, state: KeyEvaluationState): KeyEvaluationEvent[] {
  requireEvaluator(state, c.evaluationId, c.actor);
  requireStage(
    state,
    REPORTING,
    '报告初稿征求意见后才能提交正式报告',
    'The final report follows a draft and its feedback',
  );
  if (state.feedback.length === 0) {
    throw new IllegalStateError({
      zh: '报告初稿尚未征求被评价单位意见，不能提交正式报告',
      en: 'The draft has had no feedback yet: the final report follows the feedback',
    });
  }
  const open = state.feedback.filter((f) => !f.answered);
  if (open.length > 0) {
    throw new IllegalStateError(
      {
        zh: `尚有 ${open.length} 条意见未回复，回复后才能提交正式报告`,
        en: `${open.length} feedback item(s) not answered yet: answer them before the final report`,
      },
      open.map((f) => ({ path: `feedback.${f.feedbackId}`, zh: '未回复', en: 'not answered' })),
    );
  }
  const issues = attachmentIssues([c.report], 'report', c.limits);
  if (issues.length > 0) throw invalid(issues);
  const { dimensions, total, grade } = scoreKeyEvaluation(state.split, c.profile.gradeBands, state.scores);
  return [
    {
      type: 'KeyEvaluationFinalized',
      data: { evaluationId: c.evaluationId, report: c.report, dimensions, total, grade, ruleProfile: c.profile.ref },
    },
  ];
}

/** The evaluator's work and the unit's feedback, once the evaluation is planned. */
export function decideWork(command: WorkCommand, state: KeyEvaluationState): KeyEvaluationEvent[] {
  switch (command.type) {
    case 'RecordEvaluationEvidence':
      return recordEvidence(command, state);
    case 'GiveEvaluationScores':
      return giveScores(command, state);
    case 'SubmitEvaluationDraftReport':
      return submitDraft(command, state);
    case 'GiveEvaluationFeedback':
      return giveFeedback(command, state);
    case 'AnswerEvaluationFeedback':
      return answerFeedback(command, state);
    case 'FinalizeKeyEvaluation':
      return finalize(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown key-evaluation command ${JSON.stringify(_exhaustive)}`);
    }
  }
}
