import type { PublishedContent } from './disclosure.events';

type Shown = PublishedContent['indicators'][number];

/** An issued goal as its read model or its decider state holds it: enough to say what is published. */
export interface IssuedGoal {
  projectCode: string;
  projectName: string;
  term: PublishedContent['term'];
  overallGoal: string;
  /** The goal's amount: as requested, or as set by its last adjustment. */
  amountFen: number;
  /** The amount issued with the budget reply. */
  issuedAmountFen: number | null;
  adjustmentCount: number;
  budgetDocument: string;
}

/**
 * What the public reads of an issued goal (the fields its content hash covers): its text, the amount
 * in force — as last adjusted, else as issued — the budget reply, and each indicator's target.
 */
export function publishedContentOf(goal: IssuedGoal, indicators: readonly Shown[]): PublishedContent {
  return {
    projectCode: goal.projectCode,
    projectName: goal.projectName,
    term: goal.term,
    overallGoal: goal.overallGoal,
    amountFen: goal.adjustmentCount > 0 ? goal.amountFen : (goal.issuedAmountFen ?? goal.amountFen),
    budgetDocument: goal.budgetDocument,
    indicators: indicators.map(({ level1, level2, name, operator, targetValue, targetText, unit }) => ({
      level1,
      level2,
      name,
      operator,
      targetValue,
      targetText,
      unit,
    })),
  };
}
