import {
  IllegalStateError,
  invalid,
  ISSUED_GOAL_STATUSES,
  issueIf,
  isBlank,
  publishedContentHash,
  type Decider,
} from '@jixiao/events';
import type { DisclosureEvent, PublishedContent, PublishedGoalData } from './disclosure.events';

/** One goal of the unit-year as the read model holds it when the performance section publishes. */
export interface GoalOfYear {
  goalId: string;
  /** The goal stream's version the content below was read at. */
  version: number;
  status: string;
  /** Whether the goal's project has budget allocated (预算已安排) for the fiscal year. */
  budgetAllocated: boolean;
  /** What the public would read; null while the goal has no budget reply (not issued). */
  content: PublishedContent | null;
}

/** 公开: publish the unit-year's goals issued with an approved budget. */
export interface PublishGoals {
  type: 'PublishGoals';
  unitId: string;
  fiscalYear: number;
  /** The unit as the directory names it now: the publication keeps this name. */
  unit: { code: string; name: string };
  /** Why it is published again; may be blank for the first publication. */
  reason: string;
  /** Every goal of the unit and year, whatever its state. */
  goals: readonly GoalOfYear[];
}

export type DisclosureCommand = PublishGoals;

export interface DisclosureState {
  /** Publications so far (0: never published). */
  publication: number;
  /** Content hash per goal id, as last published. */
  published: Readonly<Record<string, string>>;
}

/** Why a publication is refused: the `path` of the refusal's one issue, for clients to match. */
export const DISCLOSURE_REFUSALS = ['NOTHING_ISSUED', 'BUDGET_NOT_APPROVED', 'NOTHING_CHANGED'] as const;
type Refusal = (typeof DISCLOSURE_REFUSALS)[number];

/** `disclosure-<unitId>-<fiscalYear>`: one stream per unit and year. */
export const disclosureStreamId = (unitId: string, fiscalYear: number): string => `disclosure-${unitId}-${fiscalYear}`;

const REASON_MAX = 2000;

function refuse(condition: Refusal, zh: string, en: string): IllegalStateError {
  return new IllegalStateError({ zh, en }, [{ path: condition, zh, en }]);
}

const byProjectThenGoal = (a: PublishedGoalData, b: PublishedGoalData) =>
  a.projectCode.localeCompare(b.projectCode) || a.term.localeCompare(b.term) || a.goalId.localeCompare(b.goalId);

/** The goals to publish: issued, with the project's budget allocated; and the issued ones left out. */
function partition(goals: readonly GoalOfYear[]) {
  const issued = goals.filter((g) => (ISSUED_GOAL_STATUSES as readonly string[]).includes(g.status));
  const ready = issued.filter((g) => g.budgetAllocated && g.content);
  const published = ready
    .map(({ goalId, version, content }) => ({
      ...content!,
      goalId,
      goalVersion: version,
      contentHash: publishedContentHash(content!),
    }))
    .sort(byProjectThenGoal);
  const withheldGoalIds = issued.filter((g) => !ready.includes(g)).map((g) => g.goalId);
  return { issued, published, withheldGoalIds: withheldGoalIds.sort() };
}

const unchanged = (state: DisclosureState, goals: PublishedGoalData[]) =>
  goals.length === Object.keys(state.published).length &&
  goals.every((g) => state.published[g.goalId] === g.contentHash);

function publish(c: PublishGoals, state: DisclosureState): DisclosureEvent[] {
  const who = `${c.unit.name} ${c.fiscalYear} 年度`;
  const whoEn = `${c.unit.name} (${c.fiscalYear})`;
  const { issued, published, withheldGoalIds } = partition(c.goals);
  if (issued.length === 0) {
    throw refuse(
      'NOTHING_ISSUED',
      `${who}没有随预算批复下达的绩效目标（共 ${c.goals.length} 个目标，均未下达），无可公开`,
      `${whoEn} has no goal issued with the budget to publish (${c.goals.length} goals, none issued)`,
    );
  }
  if (published.length === 0) {
    throw refuse(
      'BUDGET_NOT_APPROVED',
      `${who}已下达的 ${issued.length} 个绩效目标，其项目均尚未安排预算；预算批复后方可公开`,
      `The budget of the projects of ${whoEn}'s ${issued.length} issued goals is not allocated yet; publish once it is`,
    );
  }
  if (state.publication > 0 && unchanged(state, published)) {
    throw refuse(
      'NOTHING_CHANGED',
      `${who}绩效目标已于第 ${state.publication} 次公开，此后没有新下达或调整的目标，无需再次公开`,
      `${whoEn}'s goals were published (publication ${state.publication}) and none was issued or adjusted since`,
    );
  }
  const issues = [
    ...issueIf(
      state.publication > 0 && isBlank(c.reason),
      'reason',
      `第 ${state.publication + 1} 次公开须说明原因（如：年中追加下达目标、目标随预算调整）`,
      `Publication ${state.publication + 1} needs a reason (goals issued later in the year, an adjustment)`,
    ),
    ...issueIf(
      c.reason.length > REASON_MAX,
      'reason',
      `原因不能超过 ${REASON_MAX} 字`,
      `The reason is longer than ${REASON_MAX} characters`,
    ),
  ];
  if (issues.length > 0) throw invalid(issues);
  const data = {
    unitId: c.unitId,
    unitCode: c.unit.code,
    unitName: c.unit.name,
    fiscalYear: c.fiscalYear,
    publication: state.publication + 1,
    goals: published,
    withheldGoalIds,
    reason: c.reason.trim(),
  };
  return [{ type: 'GoalsPublished', data }];
}

function evolve(state: DisclosureState, event: DisclosureEvent): DisclosureState {
  switch (event.type) {
    case 'GoalsPublished':
      return {
        publication: event.data.publication,
        published: Object.fromEntries(event.data.goals.map((g) => [g.goalId, g.contentHash])),
      };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

function decide(command: DisclosureCommand, state: DisclosureState): DisclosureEvent[] {
  switch (command.type) {
    case 'PublishGoals':
      return publish(command, state);
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`unknown disclosure command ${JSON.stringify(command)}`);
    }
  }
}

/** The disclosure of a unit-year (stream category `disclosure`): its publications, each the whole set. */
export const disclosureDecider: Decider<DisclosureCommand, DisclosureEvent, DisclosureState> = {
  initialState: () => ({ publication: 0, published: {} }),
  evolve,
  decide,
};
