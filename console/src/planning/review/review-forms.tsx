import { Button, Tooltip } from 'antd';
import { useCommand } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { CommandModal } from './command-modal';
import { CommentFields, commentInput, type CommentValues } from './comment-fields';
import { RecordReviewOpinionDocument, ReviewGoalDocument } from './review.documents';
import { currentRoundOpinions, type ReviewableGoalData } from './reviewable-goal';

/** 联审意见: a member of the joint review (budget section, performance section, expert) approves or asks for a return. */
export function OpinionAction({ goal }: { goal: ReviewableGoalData }) {
  const command = useCommand(RecordReviewOpinionDocument, '联审意见已提交');
  return (
    <CommandModal<CommentValues>
      name="review-opinion"
      label="提出联审意见"
      title={`联审意见：${goal.projectName}`}
      button={{ type: 'primary' }}
      initialValues={{ result: 'APPROVE' }}
      onSubmit={(values, commandId) =>
        command.mutateAsync({
          input: { goalId: goal.id, commandId, opinion: values.result, ...commentInput(values) },
        })
      }
    >
      {(form) => <CommentFields goal={goal} form={form} resultLabel="意见" />}
    </CommandModal>
  );
}

/**
 * 审核结论: the supervising department passes a submitted goal on to the joint review or returns it;
 * the performance section concludes the joint review once every required member has given an opinion.
 */
export function DecisionAction({ goal, required }: { goal: ReviewableGoalData; required: string[] }) {
  const command = useCommand(ReviewGoalDocument, '审核结论已提交');
  const finance = goal.status === 'FINANCE_REVIEW';
  const opinions = currentRoundOpinions(goal);
  const missing = finance ? required.filter((role) => !opinions.some((o) => o.reviewerRole === role)) : [];
  const held = finance && opinions.some((o) => o.opinion === 'RETURN');
  const title = finance ? `联审结论：${goal.projectName}` : `主管部门审核：${goal.projectName}`;
  if (missing.length > 0) {
    const why = `尚缺${missing.map((r) => label('JointReviewerRole', r)).join('、')}的意见，待意见齐备后再作结论`;
    return (
      <Tooltip title={why}>
        <Button disabled aria-description={why}>
          作出联审结论
        </Button>
      </Tooltip>
    );
  }
  return (
    <CommandModal<CommentValues>
      name="review-decision"
      label={finance ? '作出联审结论' : '审核'}
      title={title}
      button={{ type: 'primary' }}
      initialValues={{ result: held ? 'RETURN' : 'APPROVE' }}
      onSubmit={(values, commandId) =>
        command.mutateAsync({
          input: {
            goalId: goal.id,
            commandId,
            expectedVersion: goal.version,
            result: values.result,
            ...commentInput(values),
          },
        })
      }
    >
      {(form) => (
        <CommentFields
          goal={goal}
          form={form}
          resultLabel={finance ? '联审结论' : '审核结论'}
          approveDisabled={held ? '联审意见中有退回意见，不能批准；请退回修改' : undefined}
        />
      )}
    </CommandModal>
  );
}
