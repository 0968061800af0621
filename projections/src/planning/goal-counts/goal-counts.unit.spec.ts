import type { RecordedEvent } from '@jixiao/events';
import { applyKeyedSteps, planKeyed } from '../../runner/keyed-fold';
import type { ProjectionStreamRecord } from '../../runner/stream-record.entity';
import { evolveGoal, type GoalDoc } from '../goals/goals.projection';
import type { GoalCountRow } from './goal-counts.entities';
import { goalCountKeys, goalCountsProjection, rememberGoal, type GoalCountMemo } from './goal-counts.projection';
import { passThroughCatalog, recordedEvent } from '../../runner/recorded.testing';

const catalog = passThroughCatalog;
const event = recordedEvent;

const content = (goalId: string, projectId: string | null, unitId = 'u1', fiscalYear = 2024) => ({
  goalId,
  unitId,
  projectId,
  projectCode: `P-${goalId}`,
  projectName: goalId,
  fiscalYear,
  divisionCode: '429006',
  term: 'ANNUAL',
  overallGoal: '目标',
  amountFen: 100,
  indicators: [],
});
const drafted = (id: string, v: number, projectId: string | null = `p-${id}`, unit = 'u1', year = 2024) =>
  event(`goal-${id}`, v, 'GoalDrafted', { ...content(id, projectId, unit, year), copiedFromGoalId: null });
const submitted = (id: string, v: number, departmentReview = false, unit = 'u1', year = 2024) =>
  event(`goal-${id}`, v, 'GoalSubmitted', {
    ...content(id, `p-${id}`, unit, year),
    submission: 1,
    departmentReview,
    ruleProfile: null,
    indicatorCatalogueVersion: '2021',
  });
const reviewed = (id: string, v: number, result: 'APPROVE' | 'RETURN', stage = 'FINANCE') =>
  event(`goal-${id}`, v, 'GoalReviewed', {
    goalId: id,
    round: 1,
    stage,
    result,
    reviewerRole: 'X',
    comment: '',
    indicatorComments: [],
    ruleProfile: null,
  });
const issued = (id: string, v: number) =>
  event(`goal-${id}`, v, 'GoalIssued', { goalId: id, budgetDocument: 'doc', issuedAmountFen: 100 });
const indicatorAdded = (id: string, v: number) =>
  event(`goal-${id}`, v, 'IndicatorAdded', { goalId: id, indicator: {} });

/** The documents after these events, folded from nothing (or from `records`/`docs`). */
async function countsAfter(
  events: RecordedEvent[],
  records = new Map<string, ProjectionStreamRecord>(),
  docs = new Map<string, GoalCountRow | null>(),
) {
  const steps = await planKeyed(goalCountsProjection, catalog, events, records, new Set());
  applyKeyedSteps(goalCountsProjection, steps, docs, new Set());
  return { docs, records };
}

describe('goal counts per unit and year', () => {
  it('counts goals by status across goal streams, and the projects with an approved goal', async () => {
    const { docs } = await countsAfter([
      drafted('a', 1),
      submitted('b', 1),
      submitted('c', 1),
      reviewed('c', 2, 'APPROVE'),
      submitted('d', 1, false, 'u2'),
      issued('c', 3),
    ]);
    expect(docs.get('u1|2024')).toEqual({
      key: 'u1|2024',
      unitId: 'u1',
      fiscalYear: 2024,
      counts: { DRAFT: 1, FINANCE_REVIEW: 1, ISSUED: 1 },
      goals: 3,
      approvedGoals: 1,
      projectsWithApprovedGoal: 1,
      approvedByProject: { 'p-c': 1 },
    });
    expect(docs.get('u2|2024')).toMatchObject({ counts: { FINANCE_REVIEW: 1 }, goals: 1, projectsWithApprovedGoal: 0 });
  });

  it('counts a project once when two of its goals are approved (an annual and a medium-term one)', async () => {
    const annual = { ...submitted('a', 1), data: { ...(submitted('a', 1).data as object), projectId: 'p-1' } };
    const medium = {
      ...submitted('m', 1),
      data: { ...(submitted('m', 1).data as object), projectId: 'p-1', term: 'MEDIUM_TERM' },
    };
    const { docs } = await countsAfter([annual, reviewed('a', 2, 'APPROVE'), medium, reviewed('m', 2, 'APPROVE')]);
    expect(docs.get('u1|2024')).toMatchObject({
      approvedGoals: 2,
      projectsWithApprovedGoal: 1,
      approvedByProject: { 'p-1': 2 },
    });
  });

  it('counts goals without a project (schema v1) by status, never as a covered project', async () => {
    const { docs } = await countsAfter([drafted('a', 1, null), reviewed('a', 2, 'APPROVE')]);
    expect(docs.get('u1|2024')).toMatchObject({
      counts: { APPROVED: 1 },
      approvedGoals: 1,
      projectsWithApprovedGoal: 0,
    });
  });

  it('follows the status of the goals read model, event by event', async () => {
    const history = [
      submitted('g', 1, true),
      reviewed('g', 2, 'APPROVE', 'DEPARTMENT'),
      reviewed('g', 3, 'RETURN'),
      submitted('g', 4, false),
      reviewed('g', 5, 'APPROVE'),
      issued('g', 6),
    ];
    let doc: GoalDoc | null = null;
    let memo: GoalCountMemo | null = null;
    for (const e of history) {
      doc = evolveGoal(doc, e);
      memo = rememberGoal(memo, e);
      expect(memo?.status).toBe(doc?.goal.status);
    }
  });

  it('touches no document for an event that changes no count, yet moves the stream record', async () => {
    const { docs, records } = await countsAfter([drafted('a', 1)]);
    expect(goalCountKeys(indicatorAdded('a', 2), records.get('goal-a')!.memo as GoalCountMemo)).toEqual([]);
    await countsAfter([indicatorAdded('a', 2)], records, docs);
    expect(records.get('goal-a')).toMatchObject({ lastVersion: 2, memo: { status: 'DRAFT' } });
    expect(docs.get('u1|2024')).toMatchObject({ counts: { DRAFT: 1 } });
  });

  it('ignores events of a goal it never saw created, as the goals read model does', async () => {
    expect(goalCountKeys(reviewed('x', 2, 'APPROVE'), null)).toEqual([]);
    const { docs } = await countsAfter([reviewed('x', 2, 'APPROVE')]);
    expect(docs.size).toBe(0);
  });

  it('moves a goal resubmitted under another year from one document to the other, deleting the emptied one', async () => {
    const { docs } = await countsAfter([drafted('a', 1), submitted('a', 2, false, 'u1', 2025)]);
    expect(goalCountKeys(submitted('a', 2, false, 'u1', 2025), rememberGoal(null, drafted('a', 1)))).toEqual([
      'u1|2024',
      'u1|2025',
    ]);
    expect(docs.get('u1|2024')).toBeNull();
    expect(docs.get('u1|2025')).toMatchObject({ counts: { FINANCE_REVIEW: 1 }, goals: 1 });
  });

  it('changes nothing when the same events come again (replay), and counts on after a restart', async () => {
    const first = [submitted('a', 1), reviewed('a', 2, 'APPROVE')];
    const { docs, records } = await countsAfter(first);
    const before = structuredClone(docs.get('u1|2024'));
    await countsAfter(first, records, docs);
    expect(docs.get('u1|2024')).toEqual(before);
    await countsAfter([...first, issued('a', 3)], records, docs);
    expect(docs.get('u1|2024')).toMatchObject({ counts: { ISSUED: 1 }, goals: 1, approvedGoals: 1 });
  });
});
