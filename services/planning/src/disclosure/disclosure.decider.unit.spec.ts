import {
  ErrorCode,
  EventCatalog,
  given,
  IllegalStateError,
  planningEvents,
  publishedContentHash,
  ValidationError,
} from '@jixiao/events';
import {
  DISCLOSURE_REFUSALS,
  disclosureDecider,
  disclosureStreamId,
  type GoalOfYear,
  type PublishGoals,
} from './disclosure.decider';
import type { DisclosureEvent, PublishedContent } from './disclosure.events';

const catalog = new EventCatalog(planningEvents);

const content = (projectCode: string, overrides: Partial<PublishedContent> = {}): PublishedContent => ({
  projectCode,
  projectName: '义务教育薄弱环节改善',
  term: 'ANNUAL',
  overallGoal: '改善 12 所农村义务教育学校办学条件',
  amountFen: 500_000_000,
  budgetDocument: '天财预〔2024〕1号',
  indicators: [
    {
      level1: 'OUTPUT',
      level2: 'QUANTITY',
      name: '改造学校数量',
      operator: '>=',
      targetValue: 12,
      targetText: null,
      unit: '所',
    },
    {
      level1: 'BENEFIT',
      level2: 'SOCIAL',
      name: '办学条件',
      operator: 'QUALITATIVE',
      targetValue: null,
      targetText: '明显改善',
      unit: '',
    },
  ],
  ...overrides,
});

/** A goal of the unit-year: issued with its project's budget allocated unless told otherwise. */
const goal = (goalId: string, overrides: Partial<GoalOfYear> = {}): GoalOfYear => ({
  goalId,
  version: 9,
  status: 'ISSUED',
  budgetAllocated: true,
  content: content(`JY-${goalId}`),
  ...overrides,
});

const publish = (goals: GoalOfYear[], reason = ''): PublishGoals => ({
  type: 'PublishGoals',
  unitId: 'u1',
  fiscalYear: 2024,
  unit: { code: '901', name: '天门市教育局' },
  reason,
  goals,
});

/** The published entry of a goal, as the event holds it. */
const entry = (g: GoalOfYear) => ({
  ...g.content!,
  goalId: g.goalId,
  goalVersion: g.version,
  contentHash: publishedContentHash(g.content!),
});

const published = (goals: GoalOfYear[], publication = 1, withheldGoalIds: string[] = [], reason = '') =>
  ({
    type: 'GoalsPublished',
    data: {
      unitId: 'u1',
      unitCode: '901',
      unitName: '天门市教育局',
      fiscalYear: 2024,
      publication,
      goals: goals.map(entry),
      withheldGoalIds,
      reason,
    },
  }) satisfies DisclosureEvent;

const disclosure = (history: DisclosureEvent[]) => given(disclosureDecider, history);

describe('disclosure (公开) of a unit-year’s goals', () => {
  const [g1, g2] = [goal('g1'), goal('g2', { status: 'ADJUSTED', version: 12 })];

  it('lives in disclosure-<unitId>-<year>; a publication fits the catalog', () => {
    expect(disclosureStreamId('u1', 2024)).toBe('disclosure-u1-2024');
    disclosure([])
      .when(publish([g1, g2]))
      .then([published([g1, g2])])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
  });

  describe('what is published', () => {
    it('is every issued or adjusted goal, with the version and hash of its content, in project order', () => {
      const later = goal('g0', { content: content('JY-zz') });
      const [event] = disclosure([])
        .when(publish([later, g1, g2]))
        .then([published([g1, g2, later])]);
      expect(event!.data.goals.map((g) => g.goalVersion)).toEqual([9, 12, 9]);
    });

    it.each(['DRAFT', 'SUBMITTED', 'FINANCE_REVIEW', 'RETURNED', 'APPROVED'])(
      'never a goal that is %s, even with budget',
      (status) => {
        disclosure([])
          .when(publish([g1, goal('g9', { status })]))
          .then([published([g1])]);
      },
    );

    it('leaves out an issued goal whose project has no budget yet, and names it', () => {
      disclosure([])
        .when(publish([g1, goal('g3', { budgetAllocated: false })]))
        .then([published([g1], 1, ['g3'])]);
    });

    it('hashes exactly the content shown: one changed target changes the hash', () => {
      const changed = content('JY-g1', { indicators: [{ ...content('JY-g1').indicators[0]!, targetValue: 11 }] });
      expect(publishedContentHash(changed)).not.toBe(publishedContentHash(content('JY-g1')));
      expect(publishedContentHash({ ...content('JY-g1'), extra: 'not shown' } as PublishedContent)).toBe(
        publishedContentHash(content('JY-g1')),
      );
    });
  });

  describe('refusals', () => {
    it('nothing issued: refused, naming how many goals there are', () => {
      const error = disclosure([])
        .when(publish([goal('g1', { status: 'APPROVED' }), goal('g2', { status: 'DRAFT', content: null })]))
        .thenThrows(IllegalStateError, /没有随预算批复下达的绩效目标（共 2 个目标，均未下达）/);
      expect(error.issues.map((i) => i.path)).toEqual(['NOTHING_ISSUED']);
      disclosure([])
        .when(publish([]))
        .thenThrows(IllegalStateError, /no goal issued/);
    });

    it('budget not approved: goals issued but no project has budget allocated', () => {
      const error = disclosure([])
        .when(publish([goal('g1', { budgetAllocated: false }), goal('g2', { budgetAllocated: false })]))
        .thenThrows(IllegalStateError, /已下达的 2 个绩效目标，其项目均尚未安排预算/);
      expect(error.issues.map((i) => i.path)).toEqual(['BUDGET_NOT_APPROVED']);
    });

    it('already published and nothing changed since: refused', () => {
      const error = disclosure([published([g1, g2])])
        .when(publish([g1, g2], '再次公开'))
        .thenThrows(IllegalStateError, /已于第 1 次公开，此后没有新下达或调整的目标/);
      expect(error.issues.map((i) => i.path)).toEqual(['NOTHING_CHANGED']);
    });

    it('a goal still withheld is no change either', () => {
      const withheld = goal('g3', { budgetAllocated: false });
      disclosure([published([g1], 1, ['g3'])])
        .when(publish([g1, withheld], '再次公开'))
        .thenThrows(IllegalStateError, /无需再次公开/);
    });
  });

  describe('a later publication (第二次公开)', () => {
    const first = published([g1]);

    it('publishes the whole set again when a goal was issued later in the year, with the reason', () => {
      disclosure([first])
        .when(publish([g1, g2], '  年中追加下达目标 '))
        .then([published([g1, g2], 2, [], '年中追加下达目标')]);
    });

    it('publishes again when a published goal was adjusted: its new content and hash', () => {
      const adjusted = goal('g1', { status: 'ADJUSTED', version: 11, content: content('JY-g1', { amountFen: 1 }) });
      const [event] = disclosure([first])
        .when(publish([adjusted], '目标随预算调整'))
        .then([published([adjusted], 2, [], '目标随预算调整')]);
      expect(event!.data.goals[0]!.contentHash).not.toBe(first.data.goals[0]!.contentHash);
    });

    it('publishes again once a withheld goal’s budget is allocated', () => {
      disclosure([published([g1], 1, ['g2'])])
        .when(publish([g1, g2], '项目预算已安排'))
        .then([published([g1, g2], 2, [], '项目预算已安排')]);
    });

    it('needs a reason; the first publication does not', () => {
      const error = disclosure([first])
        .when(publish([g1, g2], ' '))
        .thenThrows(ValidationError, /第 2 次公开须说明原因.*Publication 2 needs a reason/);
      expect(error.issues.map((i) => i.path)).toEqual(['reason']);
      disclosure([])
        .when(publish([g1], ''))
        .then([published([g1])]);
    });

    it('refuses a reason longer than 2,000 characters', () => {
      const error = disclosure([])
        .when(publish([g1], '因'.repeat(2001)))
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual(['reason']);
    });
  });

  describe('boundaries', () => {
    /** The refusal's code and issue paths, as a client sees them. */
    const refusal = (
      history: DisclosureEvent[],
      command: PublishGoals,
      errorClass: typeof IllegalStateError | typeof ValidationError = IllegalStateError,
    ) => {
      const error = disclosure(history).when(command).thenThrows<IllegalStateError | ValidationError>(errorClass);
      return { code: error.code, paths: error.issues.map((i) => i.path) };
    };

    it('refuses nothing issued, budget not approved and nothing changed as ILLEGAL_STATE, each with its listed path', () => {
      const refusals = [
        refusal([], publish([goal('g1', { status: 'DRAFT' })])),
        refusal([], publish([goal('g1', { budgetAllocated: false })])),
        refusal([published([g1])], publish([g1], '再次公开')),
      ];
      expect(refusals).toEqual([
        { code: ErrorCode.ILLEGAL_STATE, paths: ['NOTHING_ISSUED'] },
        { code: ErrorCode.ILLEGAL_STATE, paths: ['BUDGET_NOT_APPROVED'] },
        { code: ErrorCode.ILLEGAL_STATE, paths: ['NOTHING_CHANGED'] },
      ]);
      // the paths clients match are the ones the decider exports
      expect(refusals.flatMap((r) => r.paths)).toEqual([...DISCLOSURE_REFUSALS]);
    });

    it('withholds an issued goal with budget but no content yet, as if its budget were not allocated', () => {
      disclosure([])
        .when(publish([g1, goal('g4', { content: null })]))
        .then([published([g1], 1, ['g4'])]);
      expect(refusal([], publish([goal('g4', { content: null })]))).toEqual({
        code: ErrorCode.ILLEGAL_STATE,
        paths: ['BUDGET_NOT_APPROVED'],
      });
    });

    it('orders by project code, then term, then goal id; and names the withheld goals in id order', () => {
      const medium = goal('g5', { content: content('JY-a', { term: 'MEDIUM_TERM' }) });
      const annualB = goal('g7', { content: content('JY-a') });
      const annualA = goal('g6', { content: content('JY-a') });
      const other = goal('g1', { content: content('JY-b') });
      const [withheldB, withheldA] = [goal('w2', { budgetAllocated: false }), goal('w1', { budgetAllocated: false })];
      disclosure([])
        .when(publish([other, withheldB, medium, annualB, withheldA, annualA]))
        .then([published([annualA, annualB, medium, other], 1, ['w1', 'w2'])]);
    });

    it('publishes again when a published goal dropped out of the set, though the rest is unchanged', () => {
      const dropped = goal('g2', { status: 'ADJUSTED', version: 12, budgetAllocated: false });
      disclosure([published([g1, g2])])
        .when(publish([g1, dropped], '项目预算撤销'))
        .then([published([g1], 2, ['g2'], '项目预算撤销')]);
    });

    it('publishes again when as many goals as before are published, one of them another goal', () => {
      const g3 = goal('g3');
      disclosure([published([g1, g2])])
        .when(publish([g1, g3], '目标调整'))
        .then([published([g1, g3], 2, [], '目标调整')]);
    });

    it('counts publications: the third follows the second, and nothing changed since the second is refused', () => {
      const second = published([g1, g2], 2, [], '年中追加下达目标');
      disclosure([published([g1]), second])
        .when(publish([g1, g2], '再次公开'))
        .thenThrows(IllegalStateError, /已于第 2 次公开/);
      const g3 = goal('g3');
      disclosure([published([g1]), second])
        .when(publish([g1, g2, g3], '追加'))
        .then([published([g1, g2, g3], 3, [], '追加')]);
    });

    it('takes a reason of exactly 2,000 characters and refuses 2,001 with BAD_USER_INPUT on reason', () => {
      const reason = '因'.repeat(2000);
      disclosure([published([g1])])
        .when(publish([g1, g2], reason))
        .then([published([g1, g2], 2, [], reason)]);
      expect(refusal([], publish([g1], '因'.repeat(2001)), ValidationError)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['reason'],
      });
    });

    it('refuses a blank reason for the second publication with BAD_USER_INPUT on reason', () => {
      expect(refusal([published([g1])], publish([g1, g2], '\n'), ValidationError)).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['reason'],
      });
    });

    it('keeps its state through an event it does not know', () => {
      const state = [published([g1])].reduce(disclosureDecider.evolve, disclosureDecider.initialState());
      expect(disclosureDecider.evolve(state, { type: 'GoalsUnpublished' } as unknown as DisclosureEvent)).toBe(state);
    });

    it('refuses a command it does not know', () => {
      expect(() =>
        disclosureDecider.decide(
          { type: 'UnpublishGoals' } as unknown as PublishGoals,
          disclosureDecider.initialState(),
        ),
      ).toThrow(/unknown disclosure command/);
    });
  });
});
