import { ISSUED_GOAL_STATUSES } from '@jixiao/events';
import type { Actor, Streams, Unit } from '@jixiao/generator';
import { publishedContentOf } from '../disclosure/disclosure.content';
import { disclosureDecider, disclosureStreamId, type GoalOfYear } from '../disclosure/disclosure.decider';
import type { GoalPath } from './goal-path';

const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };
const LATER = '年中追加下达目标，补充公开';

/**
 * 公开 in the generated year: two units in every three publish their issued goals — once when most of
 * the year's budget is out (the first publication), and again at the year's end for the goals issued
 * since (a second publication, with its reason). The others never publish, so the public page shows
 * some unit-years and not all.
 */
export class Disclosures {
  private readonly publishing: ReadonlySet<string>;
  private readonly issued = new Map<string, { unit: Unit; goals: GoalOfYear[]; published: number }>();

  constructor(
    private readonly streams: Streams,
    private readonly fiscalYear: number,
    units: readonly Unit[],
  ) {
    this.publishing = new Set(units.filter((_, i) => i % 3 !== 2).map((u) => u.unitId));
  }

  /** Remembers a goal of a publishing unit once it is issued with budget, as its stream stands now. */
  remember(unit: Unit, goal: GoalPath, issue: { budgetDocument: string; issuedAmountFen: number } | null): void {
    const state = goal.state;
    const issuedNow = (ISSUED_GOAL_STATUSES as readonly string[]).includes(goal.status);
    if (!issue || !state?.content || !issuedNow || !this.publishing.has(unit.unitId)) return;
    const content = publishedContentOf(
      { ...state.content, ...issue, adjustmentCount: state.adjustmentCount },
      state.indicators,
    );
    const entry = this.issued.get(unit.unitId) ?? { unit, goals: [], published: 0 };
    const version = this.streams.versionOf(goal.streamId);
    entry.goals.push({ goalId: goal.goalId, version, status: goal.status, budgetAllocated: true, content });
    this.issued.set(unit.unitId, entry);
  }

  /** Publishes each publishing unit that has goals issued since its last publication. */
  publish(): void {
    for (const entry of this.issued.values()) {
      if (entry.goals.length === entry.published) continue;
      const command = {
        type: 'PublishGoals' as const,
        unitId: entry.unit.unitId,
        fiscalYear: this.fiscalYear,
        unit: { code: entry.unit.code, name: entry.unit.name },
        reason: entry.published > 0 ? LATER : '',
        goals: entry.goals,
      };
      const stream = disclosureStreamId(entry.unit.unitId, this.fiscalYear);
      this.streams.run(disclosureDecider, stream, command, PERFORMANCE_SECTION);
      entry.published = entry.goals.length;
    }
  }
}
