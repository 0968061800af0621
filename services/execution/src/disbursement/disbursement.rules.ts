import { APPROVED_GOAL_STATUSES, type Fen, type GOAL_STATUSES, type LIKELIHOODS } from '@jixiao/events';
import { hundredthsOfPercent, percentText } from '../monitoring/monitoring.rules';
import type { DisbursementFacts } from './disbursement.decider';

type GoalStatus = (typeof GOAL_STATUSES)[number];
type Likelihood = (typeof LIKELIHOODS)[number];

/** What the read models hold about a project when its request is opened for an opinion. */
export interface ProjectStanding {
  /** The project's goal for the year and its status; null if none was set. */
  goalStatus: GoalStatus | null;
  budgetFen: Fen;
  /** Executed so far, from the latest monitoring report or payments; null before any. */
  executedFen: Fen | null;
  /** The likelihoods of the latest monitoring report's indicators; empty before any report. */
  latestLikelihoods: readonly Likelihood[];
  stopFunding: boolean;
  heldBefore: number;
}

const WORST_FIRST: readonly Likelihood[] = ['IMPOSSIBLE', 'AT_RISK', 'ON_TRACK'];

/**
 * The opinion form's facts (DOMAIN.md "Disbursement check"), pre-filled from the read models:
 * goal set? in goal management (approved or issued)? how far executed, how the latest monitoring
 * judged the goal (its worst indicator), and any stop-funding decision or earlier hold.
 */
export function disbursementFacts(standing: ProjectStanding): DisbursementFacts {
  const rate = standing.executedFen === null ? null : hundredthsOfPercent(standing.executedFen, standing.budgetFen);
  return {
    goalSet: standing.goalStatus !== null,
    goalStatus: standing.goalStatus,
    inGoalManagement: (APPROVED_GOAL_STATUSES as readonly string[]).includes(standing.goalStatus ?? ''),
    executionRate: rate === null ? null : percentText(rate),
    latestLikelihood: WORST_FIRST.find((l) => standing.latestLikelihoods.includes(l)) ?? null,
    stopFunding: standing.stopFunding,
    heldBefore: standing.heldBefore,
  };
}
