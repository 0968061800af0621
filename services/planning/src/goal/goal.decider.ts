import type { Decider } from '@jixiao/events';
import { adjust, issue, markExemplary } from './goal.approved';
import type { GoalCommand } from './goal.commands';
import { addIndicator, draft, removeIndicator, reviseIndicator, submitDraft, submitNew } from './goal.draft';
import type { GoalEvent } from './goal.events';
import { recordOpinion, review } from './goal.review';
import { evolveGoal, initialGoalState, type GoalState } from './goal.state';

export * from './goal.commands';
export * from './goal.state';

function decide(command: GoalCommand, state: GoalState): GoalEvent[] {
  switch (command.type) {
    case 'DraftGoal':
      return draft(command, state);
    case 'SubmitGoal':
      return submitNew(command, state);
    case 'SubmitDraft':
      return submitDraft(command, state);
    case 'AddIndicator':
      return addIndicator(command, state);
    case 'ReviseIndicator':
      return reviseIndicator(command, state);
    case 'RemoveIndicator':
      return removeIndicator(command, state);
    case 'RecordReviewOpinion':
      return recordOpinion(command, state);
    case 'ReviewGoal':
      return review(command, state);
    case 'IssueGoal':
      return issue(command, state);
    case 'AdjustGoal':
      return adjust(command, state);
    case 'MarkGoalExemplary':
      return markExemplary(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown goal command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The performance goal aggregate (stream category `goal`): DRAFT → … → APPROVED → ISSUED → ADJUSTED. */
export const goalDecider: Decider<GoalCommand, GoalEvent, GoalState> = {
  initialState: initialGoalState,
  evolve: evolveGoal,
  decide,
};
