import {
  displayYuan,
  formatYuan,
  IllegalStateError,
  invalid,
  isBlank,
  issueIf,
  moneyIssues,
  NotFoundError,
  type Decider,
  type DISBURSEMENT_FACTS,
  type DISBURSEMENT_OUTCOMES,
  type Fen,
  type FieldIssue,
} from '@jixiao/events';
import type { AttachmentLimits } from '@jixiao/service-kit';
import type { DisbursementEvent, DisbursementOpinionSigned, DisbursementRequested } from './disbursement.events';

type Attachment = DisbursementRequested['data']['documents'][number];
export type DisbursementFacts = DisbursementOpinionSigned['data']['shown'];
type Fact = (typeof DISBURSEMENT_FACTS)[number];
type Outcome = (typeof DISBURSEMENT_OUTCOMES)[number];

export type { AttachmentLimits };

/** The request's content a unit fills in, first or corrected. */
export interface RequestContent {
  amountFen: Fen;
  purpose: string;
  batch: string;
  documents: Attachment[];
}

/** What the read models say when a request is submitted or resubmitted. */
export interface RequestContext {
  /** The goal named, as planning's read model holds it; null if there is none (or none the unit may see). */
  goal: { unitId: string; projectId: string; fiscalYear: number } | null;
  /** Allocated to the project and not yet paid or asked for by another open request. */
  availableFen: Fen;
  limits: AttachmentLimits;
}

/** 提交拨款申请. */
export interface SubmitDisbursementRequest extends RequestContent {
  type: 'SubmitDisbursementRequest';
  requestId: string;
  unitId: string;
  projectId: string;
  goalId: string;
  fiscalYear: number;
  context: RequestContext;
}

/** 签署审核意见: the facts as the form showed them, the signer's corrections and the outcome. */
export interface SignDisbursementOpinion {
  type: 'SignDisbursementOpinion';
  requestId: string;
  outcome: Outcome;
  shown: DisbursementFacts;
  overrides: { fact: Fact; signed: boolean | string | null; reason: string }[];
  reasons: string[];
  comment: string | null;
}

/** 修改后重新提交: only a HELD request. */
export interface ResubmitDisbursementRequest extends RequestContent {
  type: 'ResubmitDisbursementRequest';
  requestId: string;
  context: Omit<RequestContext, 'goal'>;
}

export type DisbursementCommand = SubmitDisbursementRequest | SignDisbursementOpinion | ResubmitDisbursementRequest;

export type DisbursementStatus = 'NONE' | 'REQUESTED' | 'CLEARED' | 'HELD';

export interface DisbursementState {
  status: DisbursementStatus;
  /** 1 for the first submission, then one more per correction. */
  submission: number;
  amountFen: Fen;
}

/** `disbursement-<requestId>`. */
export const disbursementStreamId = (requestId: string): string => `disbursement-${requestId}`;

const SHA256 = /^[0-9a-f]{64}$/;

function documentIssues(documents: readonly Attachment[], limits: AttachmentLimits): FieldIssue[] {
  const issues = issueIf(
    documents.length === 0,
    'documents',
    '请附上审批表等拨款依据文件',
    'Attach the approval form and the documents the request rests on',
  );
  documents.forEach((d, i) => {
    const at = `documents[${i}]`;
    issues.push(
      ...issueIf(isBlank(d.name), `${at}.name`, '附件名称不能为空', 'The attachment has no name'),
      ...issueIf(
        !Number.isSafeInteger(d.sizeBytes) || d.sizeBytes <= 0 || d.sizeBytes > limits.maxBytes,
        `${at}.sizeBytes`,
        `附件「${d.name}」大小无效，应大于 0 且不超过 ${limits.maxBytes} 字节`,
        `The attachment "${d.name}" must be more than 0 and at most ${limits.maxBytes} bytes`,
      ),
      ...issueIf(
        !limits.contentTypes.includes(d.contentType),
        `${at}.contentType`,
        `不接受「${d.contentType}」类型的附件，可上传：${limits.contentTypes.join('、')}`,
        `Attachments of type "${d.contentType}" are not accepted; accepted: ${limits.contentTypes.join(', ')}`,
      ),
      ...issueIf(
        !SHA256.test(d.sha256),
        `${at}.sha256`,
        '附件的 SHA-256 摘要格式无效',
        "The attachment's SHA-256 digest is not 64 hexadecimal digits",
      ),
    );
  });
  return issues;
}

function contentIssues(c: RequestContent, availableFen: Fen, limits: AttachmentLimits): FieldIssue[] {
  const amount = moneyIssues(c.amountFen, 'amount', { zh: '申请拨款金额', en: 'The amount' }, 'positive');
  return [
    ...amount,
    ...(amount.length === 0
      ? issueIf(
          c.amountFen > availableFen,
          'amount',
          `申请拨款金额 ${displayYuan(c.amountFen)} 元超过项目已安排且尚未拨付的预算 ${displayYuan(availableFen)} 元`,
          `The amount ${formatYuan(c.amountFen)} exceeds the budget allocated and not yet paid out (${formatYuan(availableFen)})`,
        )
      : []),
    ...issueIf(isBlank(c.purpose), 'purpose', '请填写资金用途', 'Give the purpose of the payment'),
    ...issueIf(isBlank(c.batch), 'batch', '请填写支付批次', 'Give the payment batch'),
    ...documentIssues(c.documents, limits),
  ];
}

function submit(c: SubmitDisbursementRequest, state: DisbursementState): DisbursementEvent[] {
  if (state.status !== 'NONE') {
    throw new IllegalStateError({
      zh: `拨款申请 ${c.requestId} 已提交`,
      en: `Request ${c.requestId} was already submitted`,
    });
  }
  const goal = c.context.goal;
  const issues = [
    ...issueIf(
      goal === null || goal.unitId !== c.unitId,
      'goalId',
      '所选绩效目标不存在或不属于本单位',
      'The goal does not exist or is not one of your unit’s',
    ),
    ...issueIf(
      goal !== null && goal.unitId === c.unitId && (goal.projectId !== c.projectId || goal.fiscalYear !== c.fiscalYear),
      'goalId',
      '所选绩效目标不是该项目本年度的目标',
      'The goal is not the project’s goal for this fiscal year',
    ),
    ...contentIssues(c, c.context.availableFen, c.context.limits),
  ];
  if (issues.length > 0) throw invalid(issues);
  const { requestId, unitId, projectId, goalId, fiscalYear, amountFen, purpose, batch, documents } = c;
  return [
    {
      type: 'DisbursementRequested',
      data: { requestId, unitId, projectId, goalId, fiscalYear, amountFen, purpose, batch, documents },
    },
  ];
}

function requireRequest(state: DisbursementState, requestId: string): void {
  if (state.status === 'NONE') {
    throw new NotFoundError({ zh: `拨款申请 ${requestId} 不存在`, en: `Request ${requestId} does not exist` });
  }
}

function overrideIssues(c: SignDisbursementOpinion): FieldIssue[] {
  const seen = new Set<Fact>();
  return c.overrides.flatMap((o, i) => {
    const at = `overrides[${i}]`;
    const twice = seen.has(o.fact);
    seen.add(o.fact);
    return [
      ...issueIf(twice, `${at}.fact`, '同一事实只能更正一次', 'A fact is corrected once'),
      ...issueIf(
        o.signed === c.shown[o.fact],
        `${at}.signed`,
        '更正后的值与系统显示的相同，无需更正',
        'The corrected value is the value shown; there is nothing to correct',
      ),
      ...issueIf(
        isBlank(o.reason),
        `${at}.reason`,
        '更正系统显示的事实须说明理由',
        'Give the reason for correcting a fact',
      ),
    ];
  });
}

function sign(c: SignDisbursementOpinion, state: DisbursementState): DisbursementEvent[] {
  requireRequest(state, c.requestId);
  if (state.status !== 'REQUESTED') {
    throw new IllegalStateError({
      zh: `拨款申请已审核（${state.status === 'CLEARED' ? '已同意拨付' : '已暂缓'}），不能再次签署意见`,
      en: `The request was already decided (${state.status}); it cannot be signed again`,
    });
  }
  if (c.shown.stopFunding && c.outcome === 'CLEARED') {
    throw new IllegalStateError(
      {
        zh: '该项目已被决定停止拨款，只能暂缓；须先在监控纠偏中解除停止拨款决定',
        en: 'Funding of the project was stopped: the request can only be held until that decision is lifted',
      },
      [{ path: 'outcome', zh: '停止拨款期间不能同意拨付', en: 'Cannot clear while funding is stopped' }],
    );
  }
  const issues = [
    ...overrideIssues(c),
    ...issueIf(
      c.outcome === 'HELD' && c.reasons.every(isBlank),
      'reasons',
      '暂缓拨付须说明理由',
      'Give the reasons for holding the request',
    ),
    ...issueIf(
      c.outcome === 'CLEARED' && c.reasons.length > 0,
      'reasons',
      '同意拨付不填写暂缓理由；意见写在审核意见中',
      'A cleared request has no reasons for holding; write remarks in the comment',
    ),
  ];
  if (issues.length > 0) throw invalid(issues);
  const overrides = c.overrides.map((o) => ({
    fact: o.fact,
    shown: c.shown[o.fact],
    signed: o.signed,
    reason: o.reason,
  }));
  const reasons = c.reasons.filter((r) => !isBlank(r));
  const comment = isBlank(c.comment) ? null : c.comment;
  return [
    {
      type: 'DisbursementOpinionSigned',
      data: {
        requestId: c.requestId,
        outcome: c.outcome,
        shown: c.shown,
        overrides,
        reasons,
        comment,
        submission: state.submission,
      },
    },
  ];
}

function resubmit(c: ResubmitDisbursementRequest, state: DisbursementState): DisbursementEvent[] {
  requireRequest(state, c.requestId);
  if (state.status !== 'HELD') {
    throw new IllegalStateError({
      zh: '只有被暂缓的拨款申请可以修改后重新提交',
      en: 'Only a held request can be corrected and submitted again',
    });
  }
  const issues = contentIssues(c, c.context.availableFen, c.context.limits);
  if (issues.length > 0) throw invalid(issues);
  const { requestId, amountFen, purpose, batch, documents } = c;
  return [
    {
      type: 'DisbursementResubmitted',
      data: { requestId, amountFen, purpose, batch, documents, submission: state.submission + 1 },
    },
  ];
}

function evolve(state: DisbursementState, event: DisbursementEvent): DisbursementState {
  switch (event.type) {
    case 'DisbursementRequested':
      return { status: 'REQUESTED', submission: 1, amountFen: event.data.amountFen };
    case 'DisbursementOpinionSigned':
      return { ...state, status: event.data.outcome };
    case 'DisbursementResubmitted':
      return { status: 'REQUESTED', submission: event.data.submission, amountFen: event.data.amountFen };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: DisbursementCommand, state: DisbursementState): DisbursementEvent[] {
  switch (command.type) {
    case 'SubmitDisbursementRequest':
      return submit(command, state);
    case 'SignDisbursementOpinion':
      return sign(command, state);
    case 'ResubmitDisbursementRequest':
      return resubmit(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown disbursement command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The disbursement request (stream category `disbursement`): submitted → CLEARED | HELD → corrected → … */
export const disbursementDecider: Decider<DisbursementCommand, DisbursementEvent, DisbursementState> = {
  initialState: () => ({ status: 'NONE', submission: 0, amountFen: 0 }),
  evolve,
  decide,
};
