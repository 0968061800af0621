import type { DataOf, RecordedEvent } from '@jixiao/events';
import type * as E from '@jixiao/events';

/**
 * Pure: a goal's status after one of its events, as the goal read model shows it; null while the
 * goal does not exist and the event does not create it. Events that leave the status alone return it.
 */
export function goalStatusAfter(status: string | null, event: RecordedEvent): string | null {
  if (event.type === 'GoalDrafted') return 'DRAFT';
  if (event.type === 'GoalSubmitted') {
    return (event.data as DataOf<typeof E.GoalSubmitted>).departmentReview ? 'SUBMITTED' : 'FINANCE_REVIEW';
  }
  if (status === null) return null;
  switch (event.type) {
    case 'GoalReviewed': {
      const d = event.data as DataOf<typeof E.GoalReviewed>;
      return d.result === 'RETURN' ? 'RETURNED' : d.stage === 'DEPARTMENT' ? 'FINANCE_REVIEW' : 'APPROVED';
    }
    case 'GoalIssued':
      return 'ISSUED';
    case 'GoalAdjusted':
      return 'ADJUSTED';
    default:
      return status;
  }
}
