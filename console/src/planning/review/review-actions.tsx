import { Alert, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { AdjustAction } from './adjust-form';
import { ExemplaryAction, IssueAction } from './approved-forms';
import { JointReviewState, useJointReviewRoles } from './joint-review-state';
import { DecisionAction, OpinionAction } from './review-forms';
import { currentRoundOpinions, type ReviewableGoalData } from './reviewable-goal';

/** Who concludes each review stage (the decider's rule, to show the button only to them). */
const DECIDES: Record<string, string> = { SUBMITTED: 'DEPARTMENT', FINANCE_REVIEW: 'PERFORMANCE_SECTION' };
const APPROVED = ['APPROVED', 'ISSUED', 'ADJUSTED'];

/**
 * The review side of a goal, by the person's role and the goal's state: the joint review's progress,
 * the opinion form, the department's and the performance section's conclusion, issue, adjust and
 * exemplary sample. Buttons follow the policy (`can`) and the state; the platform decides each command.
 * The page passes a goal read with `...ReviewableGoal` (./reviewable-goal).
 */
export function GoalReviewActions({ goal }: { goal: ReviewableGoalData }) {
  const identity = currentSession()?.identity;
  const inJointReview = goal.status === 'FINANCE_REVIEW';
  const required = useJointReviewRoles(goal, inJointReview);
  if (!identity) return null;
  const { role, userId } = identity;
  const actions: ReactNode[] = [];
  let note: ReactNode = null;

  if (inJointReview && can(role, 'Mutation.recordReviewOpinion')) {
    const mine = currentRoundOpinions(goal).find((o) => o.reviewerId === userId);
    if (mine) note = <Alert type="info" showIcon message={`您已提出第 ${goal.reviewRounds} 轮联审意见`} />;
    else actions.push(<OpinionAction key="opinion" goal={goal} />);
  }
  if (DECIDES[goal.status] === role && can(role, 'Mutation.reviewGoal')) {
    actions.push(<DecisionAction key="decision" goal={goal} required={required} />);
  }
  if (goal.status === 'APPROVED' && can(role, 'Mutation.issueGoal')) {
    actions.push(<IssueAction key="issue" goal={goal} />);
  }
  if ((goal.status === 'ISSUED' || goal.status === 'ADJUSTED') && can(role, 'Mutation.adjustGoal')) {
    actions.push(<AdjustAction key="adjust" goal={goal} />);
  }
  if (APPROVED.includes(goal.status) && !goal.exemplary && can(role, 'Mutation.markGoalExemplary')) {
    actions.push(<ExemplaryAction key="exemplary" goal={goal} />);
  }

  if (!inJointReview && actions.length === 0) return null;
  return (
    <Card title="审核与办理" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {inJointReview && <JointReviewState goal={goal} required={required} />}
        {note}
        {actions.length > 0 && <Space wrap>{actions}</Space>}
      </Space>
    </Card>
  );
}
