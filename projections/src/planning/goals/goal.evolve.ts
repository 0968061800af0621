import type { DataOf, RecordedEvent } from '@jixiao/events';
import type * as E from '@jixiao/events';
import type { IndicatorRow } from './goal.entities';
import { goalStatusAfter } from './goal.status';
import type { GoalDoc, Indicator } from './goals.projection';

type Goal = GoalDoc['goal'];

const toRow = (goalId: string, i: Indicator, position: number, revisionCount = 0): IndicatorRow => ({
  goalId,
  position,
  revisionCount,
  ...i,
});
const rows = (goalId: string, indicators: Indicator[]) => indicators.map((i, n) => toRow(goalId, i, n));
const set = (values: string[]) => (values.length ? `,${values.join(',')},` : '');

function created(
  event: RecordedEvent,
  goal: Omit<Goal, 'createdAt' | 'updatedAt'>,
  indicators: IndicatorRow[],
): GoalDoc {
  const at = new Date(event.recordedAt);
  return {
    streamId: event.streamId,
    lastVersion: event.streamVersion,
    goal: { ...goal, createdAt: at, updatedAt: at },
    indicators,
  };
}

const blankGoal = {
  reviewRounds: 0,
  reviewCount: 0,
  returnCount: 0,
  reviews: [],
  opinions: [],
  opinionRoles: '',
  opinionReviewers: '',
  exemplary: false,
  exemplaryReason: null,
  adjustmentCount: 0,
  adjustments: [],
  budgetDocument: null,
  issuedAmountFen: null,
  ruleProfile: null,
  submittedAt: null,
};

/** Pure: the goal document after one event; events for a missing document change nothing. */
export function evolveGoalEvent(doc: GoalDoc | null, event: RecordedEvent): GoalDoc | null {
  const at = new Date(event.recordedAt);
  if (event.type === 'GoalDrafted') {
    const { indicators, ...d } = event.data as DataOf<typeof E.GoalDrafted>;
    const goal = { ...blankGoal, ...d, status: 'DRAFT', indicatorCount: indicators.length, departmentReview: false };
    return created(event, goal, rows(d.goalId, indicators));
  }
  if (event.type === 'GoalSubmitted') {
    const {
      indicators,
      submission,
      indicatorCatalogueVersion: _v,
      ...d
    } = event.data as DataOf<typeof E.GoalSubmitted>;
    const base = doc?.goal ?? { ...blankGoal, copiedFromGoalId: null, createdAt: at };
    const goal: Goal = {
      ...base,
      ...d,
      status: goalStatusAfter(doc?.goal.status ?? null, event)!,
      reviewRounds: submission,
      indicatorCount: indicators.length,
      opinionRoles: '',
      opinionReviewers: '',
      submittedAt: at,
      updatedAt: at,
    };
    const revisions = new Map(doc?.indicators.map((r) => [r.indicatorId, r.revisionCount]));
    const next = indicators.map((i, n) => toRow(d.goalId, i, n, revisions.get(i.indicatorId) ?? 0));
    return { streamId: event.streamId, lastVersion: event.streamVersion, goal, indicators: next };
  }
  if (!doc) return doc;
  const touched = (goal: Partial<Goal>, indicators = doc.indicators): GoalDoc => {
    const merged = { ...doc.goal, ...goal, updatedAt: at };
    return { ...doc, goal: { ...merged, indicatorCount: indicators.length }, indicators };
  };
  switch (event.type) {
    case 'IndicatorAdded': {
      const d = event.data as DataOf<typeof E.IndicatorAdded>;
      return touched({}, [...doc.indicators, toRow(d.goalId, d.indicator, doc.indicators.length)]);
    }
    case 'IndicatorRevised': {
      const d = event.data as DataOf<typeof E.IndicatorRevised>;
      const next = doc.indicators.map((r) =>
        r.indicatorId === d.indicator.indicatorId ? toRow(d.goalId, d.indicator, r.position, r.revisionCount + 1) : r,
      );
      return touched({}, next);
    }
    case 'IndicatorRemoved': {
      const d = event.data as DataOf<typeof E.IndicatorRemoved>;
      const kept = doc.indicators.filter((r) => r.indicatorId !== d.indicatorId).map((r, n) => ({ ...r, position: n }));
      return touched({}, kept);
    }
    case 'GoalReviewOpinionRecorded': {
      const d = event.data as DataOf<typeof E.GoalReviewOpinionRecorded>;
      const { goalId: _g, ...opinion } = d;
      const current = [...doc.goal.opinions.filter((o) => o.round === d.round), opinion];
      return touched({
        opinions: [...doc.goal.opinions, { ...opinion, recordedAt: event.recordedAt, eventId: event.eventId }],
        opinionRoles: set([...new Set(current.map((o) => o.reviewerRole))]),
        opinionReviewers: set(current.map((o) => o.reviewerId)),
      });
    }
    case 'GoalReviewed': {
      const d = event.data as DataOf<typeof E.GoalReviewed>;
      const { goalId: _g, ruleProfile: _r, ...review } = d;
      const status = goalStatusAfter(doc.goal.status, event)!;
      const entry = { ...review, reviewedAt: event.recordedAt, eventId: event.eventId };
      const returnCount = doc.goal.returnCount + (d.result === 'RETURN' ? 1 : 0);
      return touched({
        status,
        reviews: [...doc.goal.reviews, entry],
        reviewCount: doc.goal.reviewCount + 1,
        returnCount,
      });
    }
    case 'GoalIssued': {
      const d = event.data as DataOf<typeof E.GoalIssued>;
      return touched({ status: 'ISSUED', budgetDocument: d.budgetDocument, issuedAmountFen: d.issuedAmountFen });
    }
    case 'GoalAdjusted': {
      const d = event.data as DataOf<typeof E.GoalAdjusted>;
      const { goalId, indicators, ...adjustment } = d;
      const entry = { ...adjustment, adjustedAt: event.recordedAt, eventId: event.eventId };
      const goal = { status: 'ADJUSTED', amountFen: d.amountFen, adjustmentCount: d.adjustmentCount };
      return touched({ ...goal, adjustments: [...doc.goal.adjustments, entry] }, rows(goalId, indicators));
    }
    case 'GoalMarkedExemplary': {
      const d = event.data as DataOf<typeof E.GoalMarkedExemplary>;
      return touched({ exemplary: true, exemplaryReason: d.reason });
    }
    default:
      return doc;
  }
}
