import {
  ErrorCode,
  EventCatalog,
  executionEvents,
  given,
  IllegalStateError,
  MAX_FEN,
  NotFoundError,
  ValidationError,
  type DomainError,
} from '@jixiao/events';
import {
  disbursementDecider,
  disbursementStreamId,
  type DisbursementFacts,
  type ResubmitDisbursementRequest,
  type SignDisbursementOpinion,
  type SubmitDisbursementRequest,
} from './disbursement.decider';
import type { DisbursementEvent } from './disbursement.events';

const catalog = new EventCatalog(executionEvents);
const limits = { maxBytes: 20 * 1024 * 1024, contentTypes: ['application/pdf', 'image/jpeg'] };
const approvalForm = {
  attachmentId: 'a1',
  name: '拨款审批表.pdf',
  sizeBytes: 182_044,
  contentType: 'application/pdf',
  sha256: 'b'.repeat(64),
};

/** 3,000,000.00 yuan asked of 5,000,000.00 yuan allocated and not yet paid. */
const submit: SubmitDisbursementRequest = {
  type: 'SubmitDisbursementRequest',
  requestId: 'r1',
  unitId: 'u-edu',
  projectId: 'p1',
  goalId: 'g1',
  fiscalYear: 2023,
  amountFen: 300_000_000,
  purpose: '薄弱学校改造工程第二期进度款',
  batch: '2023年第3批',
  documents: [approvalForm],
  context: { goal: { unitId: 'u-edu', projectId: 'p1', fiscalYear: 2023 }, availableFen: 500_000_000, limits },
};
const requested: DisbursementEvent = {
  type: 'DisbursementRequested',
  data: {
    requestId: 'r1',
    unitId: 'u-edu',
    projectId: 'p1',
    goalId: 'g1',
    fiscalYear: 2023,
    amountFen: 300_000_000,
    purpose: '薄弱学校改造工程第二期进度款',
    batch: '2023年第3批',
    documents: [approvalForm],
  },
};
const shown: DisbursementFacts = {
  goalSet: true,
  goalStatus: 'ISSUED',
  inGoalManagement: true,
  executionRate: '41.20',
  latestLikelihood: 'ON_TRACK',
  stopFunding: false,
  heldBefore: 0,
};
const clear: SignDisbursementOpinion = {
  type: 'SignDisbursementOpinion',
  requestId: 'r1',
  outcome: 'CLEARED',
  shown,
  overrides: [],
  reasons: [],
  comment: '目标已下达，进度正常，同意拨付',
};
const hold: SignDisbursementOpinion = { ...clear, outcome: 'HELD', reasons: ['缺少工程进度监理报告'], comment: null };
const cleared = (submission = 1): DisbursementEvent => ({
  type: 'DisbursementOpinionSigned',
  data: { requestId: 'r1', outcome: 'CLEARED', shown, overrides: [], reasons: [], comment: clear.comment, submission },
});
const held: DisbursementEvent = {
  type: 'DisbursementOpinionSigned',
  data: { requestId: 'r1', outcome: 'HELD', shown, overrides: [], reasons: hold.reasons, comment: null, submission: 1 },
};
const resubmit: ResubmitDisbursementRequest = {
  type: 'ResubmitDisbursementRequest',
  requestId: 'r1',
  amountFen: 250_000_000,
  purpose: submit.purpose,
  batch: submit.batch,
  documents: [approvalForm, { ...approvalForm, attachmentId: 'a2', name: '监理报告.pdf', sha256: 'c'.repeat(64) }],
  context: { availableFen: 500_000_000, limits },
};
const resubmitted: DisbursementEvent = {
  type: 'DisbursementResubmitted',
  data: {
    requestId: 'r1',
    amountFen: 250_000_000,
    purpose: submit.purpose,
    batch: submit.batch,
    documents: resubmit.documents,
    submission: 2,
  },
};

const request = (history: DisbursementEvent[]) => given(disbursementDecider, history);
/** What a client sees of a refusal: the stable code and the paths of its issues. */
const refusal = (error: DomainError) => ({ code: error.code, paths: error.issues.map((i) => i.path) });
const refused = (history: DisbursementEvent[], command: Parameters<typeof disbursementDecider.decide>[0]) =>
  refusal(request(history).when(command).thenThrows(ValidationError));

describe('a disbursement request (拨款申请)', () => {
  it('lives in disbursement-<id>, and its events fit the catalog', () => {
    expect(disbursementStreamId('r1')).toBe('disbursement-r1');
    const events = [
      ...request([]).when(submit).then([requested]),
      ...request([requested]).when(hold).then([held]),
      ...request([requested, held]).when(resubmit).then([resubmitted]),
      ...request([requested, held, resubmitted])
        .when(clear)
        .then([cleared(2)]),
    ];
    events.forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  it('is submitted once', () => {
    const error = request([requested])
      .when(submit)
      .thenThrows(IllegalStateError, /已提交/);
    expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: [] });
  });

  describe('its amount', () => {
    it.each([
      ['zero', 0],
      ['negative', -100],
      ['a fraction of a fen', 0.5],
      ['not a number', Number.NaN],
      ['above the limit', MAX_FEN + 1],
    ])('is refused when %s', (_name, amountFen) => {
      expect(refused([], { ...submit, amountFen })).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount'] });
    });

    it('is named in the refusal, once, and not also compared with what is available', () => {
      const error = request([])
        .when({ ...submit, amountFen: -100 })
        .thenThrows(ValidationError);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]!.zh).toBe('申请拨款金额 -1.00 元无效，应大于 0');
    });

    it('may take all that is allocated and not yet paid, and not a fen more', () => {
      request([])
        .when({ ...submit, amountFen: 500_000_000 })
        .then([{ ...requested, data: { ...requested.data, amountFen: 500_000_000 } } as DisbursementEvent]);
      const error = request([])
        .when({ ...submit, amountFen: 500_000_001 })
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount'] });
      expect(error.issues[0]!.zh).toBe('申请拨款金额 5,000,000.01 元超过项目已安排且尚未拨付的预算 5,000,000.00 元');
    });
  });

  describe('its goal', () => {
    it('of another unit is refused for that alone, whichever project it belongs to', () => {
      const other = { ...submit.context, goal: { unitId: 'u-health', projectId: 'p9', fiscalYear: 2023 } };
      const error = request([])
        .when({ ...submit, context: other })
        .thenThrows(ValidationError);
      expect(error.issues).toHaveLength(1);
    });

    it('must be one of the unit’s own: another unit’s goal reads as no goal at all', () => {
      const other = { ...submit.context, goal: { unitId: 'u-health', projectId: 'p1', fiscalYear: 2023 } };
      expect(refused([], { ...submit, context: other })).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['goalId'] });
      const none = { ...submit.context, goal: null };
      const error = request([])
        .when({ ...submit, context: none })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.zh)).toEqual(['所选绩效目标不存在或不属于本单位']);
    });

    it('must be the project’s goal for the year', () => {
      for (const goal of [
        { unitId: 'u-edu', projectId: 'p2', fiscalYear: 2023 },
        { unitId: 'u-edu', projectId: 'p1', fiscalYear: 2022 },
      ]) {
        const error = request([])
          .when({ ...submit, context: { ...submit.context, goal } })
          .thenThrows(ValidationError);
        expect(refusal(error)).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['goalId'] });
        expect(error.issues[0]!.en).toBe('The goal is not the project’s goal for this fiscal year');
      }
    });
  });

  it('needs a purpose and a payment batch', () => {
    expect(refused([], { ...submit, purpose: ' ', batch: '' })).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: ['purpose', 'batch'],
    });
  });

  describe('its documents', () => {
    const withDocument = (change: Partial<typeof approvalForm>) => ({
      ...submit,
      documents: [{ ...approvalForm, ...change }],
    });

    it('must include at least one (the approval form)', () => {
      expect(refused([], { ...submit, documents: [] })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['documents'],
      });
    });

    it('may be as large as the limit, not a byte more, and not empty', () => {
      request([])
        .when(withDocument({ sizeBytes: limits.maxBytes }))
        .then([
          {
            ...requested,
            data: { ...requested.data, documents: [{ ...approvalForm, sizeBytes: limits.maxBytes }] },
          } as DisbursementEvent,
        ]);
      for (const sizeBytes of [limits.maxBytes + 1, 0, 1.5]) {
        expect(refused([], withDocument({ sizeBytes }))).toEqual({
          code: ErrorCode.BAD_USER_INPUT,
          paths: ['documents[0].sizeBytes'],
        });
      }
    });

    it('must be of an accepted type, named, and carry a SHA-256 digest', () => {
      const error = request([])
        .when(withDocument({ contentType: 'application/x-msdownload', name: ' ', sha256: 'B'.repeat(64) }))
        .thenThrows(ValidationError);
      expect(refusal(error)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['documents[0].name', 'documents[0].contentType', 'documents[0].sha256'],
      });
      expect(error.issues[1]!.zh).toBe(
        '不接受「application/x-msdownload」类型的附件，可上传：application/pdf、image/jpeg',
      );
      expect(refused([], withDocument({ sha256: 'b'.repeat(63) })).paths).toEqual(['documents[0].sha256']);
    });

    it('names each document at fault by its place', () => {
      const documents = [approvalForm, { ...approvalForm, attachmentId: 'a2', contentType: 'text/html' }];
      expect(refused([], { ...submit, documents }).paths).toEqual(['documents[1].contentType']);
    });
  });
});

describe('the performance section’s opinion (审核意见)', () => {
  it('clears a request with the facts as shown and a comment', () => {
    request([requested]).when(clear).then([cleared()]);
  });

  it('holds it with its reasons, blank ones left out', () => {
    request([requested])
      .when({ ...hold, reasons: ['缺少工程进度监理报告', '  '] })
      .then([held]);
  });

  it('keeps no blank comment', () => {
    const [event] = request([requested])
      .when({ ...clear, comment: '  ' })
      .then([{ ...cleared(), data: { ...cleared().data, comment: null } } as DisbursementEvent]);
    expect(event!.data).toMatchObject({ comment: null });
  });

  it('cannot be signed on a request that was never submitted', () => {
    const error = request([])
      .when(clear)
      .thenThrows(NotFoundError, /不存在/);
    expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
  });

  it('is signed once: a cleared or held request cannot be signed again', () => {
    request([requested, cleared()])
      .when(hold)
      .thenThrows(IllegalStateError, /已同意拨付/);
    request([requested, held])
      .when(clear)
      .thenThrows(IllegalStateError, /已暂缓/);
  });

  it('must give reasons to hold, and none to clear', () => {
    expect(refused([requested], { ...hold, reasons: [] })).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      paths: ['reasons'],
    });
    expect(refused([requested], { ...hold, reasons: [' '] }).paths).toEqual(['reasons']);
    expect(refused([requested], { ...clear, reasons: ['x'] }).paths).toEqual(['reasons']);
  });

  it('only holds a project whose funding was stopped, and names the outcome', () => {
    const stopped = { ...shown, stopFunding: true };
    const error = request([requested])
      .when({ ...clear, shown: stopped })
      .thenThrows(IllegalStateError, /停止拨款/);
    expect(refusal(error)).toEqual({ code: ErrorCode.ILLEGAL_STATE, paths: ['outcome'] });
    request([requested])
      .when({ ...hold, shown: stopped })
      .then([{ ...held, data: { ...held.data, shown: stopped } } as DisbursementEvent]);
  });

  describe('a fact corrected by the signer', () => {
    const corrected = { fact: 'executionRate' as const, signed: '55.00', reason: '财政一体化系统 7 月末执行数已更新' };

    it('is recorded with the value shown, the value signed and the reason', () => {
      const [event] = request([requested])
        .when({ ...clear, overrides: [corrected] })
        .then([
          {
            ...cleared(),
            data: {
              ...cleared().data,
              overrides: [{ fact: 'executionRate', shown: '41.20', signed: '55.00', reason: corrected.reason }],
            },
          } as DisbursementEvent,
        ]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it('needs a reason', () => {
      expect(refused([requested], { ...clear, overrides: [{ ...corrected, reason: ' ' }] })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['overrides[0].reason'],
      });
    });

    it('must differ from what was shown, and is corrected once', () => {
      expect(refused([requested], { ...clear, overrides: [{ ...corrected, signed: '41.20' }] }).paths).toEqual([
        'overrides[0].signed',
      ]);
      const falseGoal = { fact: 'goalSet' as const, signed: false, reason: '目标系误关联' };
      expect(refused([requested], { ...hold, overrides: [falseGoal, { ...falseGoal }] }).paths).toEqual([
        'overrides[1].fact',
      ]);
    });
  });
});

describe('a held request, corrected (修改后重新提交)', () => {
  it('is submitted again as the next submission and waits for a new opinion', () => {
    request([requested, held]).when(resubmit).then([resubmitted]);
    request([requested, held, resubmitted])
      .when(hold)
      .then([{ ...held, data: { ...held.data, submission: 2 } } as DisbursementEvent]);
  });

  it('counts on: a third submission after a second hold', () => {
    const heldAgain = { ...held, data: { ...held.data, submission: 2 } } as DisbursementEvent;
    request([requested, held, resubmitted, heldAgain])
      .when(resubmit)
      .then([{ ...resubmitted, data: { ...resubmitted.data, submission: 3 } } as DisbursementEvent]);
  });

  it('is only a held one: not one waiting, cleared, or never submitted', () => {
    request([requested])
      .when(resubmit)
      .thenThrows(IllegalStateError, /只有被暂缓/);
    request([requested, cleared()]).when(resubmit).thenThrows(IllegalStateError, /held/);
    const error = request([]).when(resubmit).thenThrows(NotFoundError);
    expect(refusal(error)).toEqual({ code: ErrorCode.NOT_FOUND, paths: [] });
  });

  it('is checked like the first: amount against what is available, documents', () => {
    expect(
      refused([requested, held], { ...resubmit, amountFen: 500_000_001, documents: [], purpose: ' ', batch: ' ' }),
    ).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['amount', 'purpose', 'batch', 'documents'] });
    expect(refused([requested, held], { ...resubmit, amountFen: 0 }).paths).toEqual(['amount']);
  });
});
