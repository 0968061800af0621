import { Button, Card, Form, Input, Radio } from 'antd';
import type { SelfEvaluationDecision, SelfEvaluationQuery } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { showIssues } from '../../planning/projects/form-issues';
import { DecideSpotCheckMutation, ReviewSelfEvaluationMutation } from './self-evaluation.documents';

type Evaluation = SelfEvaluationQuery['selfEvaluation'];

interface DecisionValues {
  decision: SelfEvaluationDecision;
  comment?: string;
}

/**
 * 审核: the department's review of a filled evaluation, or the bureau's spot check of a drawn one —
 * accept, or return with comments (the comment is required for a return, as the platform requires).
 * Shown only to the role whose turn it is.
 */
export function ReviewCard({ evaluation }: { evaluation: Evaluation }) {
  const { role } = currentSession()!.identity;
  const [form] = Form.useForm<DecisionValues>();
  const departmentTurn = evaluation.status === 'FILLED' && can(role, 'Mutation.reviewSelfEvaluation');
  const spotCheckTurn =
    evaluation.drawn === true &&
    (evaluation.status === 'DEPARTMENT_REVIEWED' || (evaluation.status === 'FILLED' && !evaluation.departmentReview)) &&
    can(role, 'Mutation.decideSpotCheck');
  const review = useCommand(ReviewSelfEvaluationMutation, '审核意见已提交');
  const spotCheck = useCommand(DecideSpotCheckMutation, '抽查结论已提交');
  const decision = Form.useWatch('decision', form);
  if (!departmentTurn && !spotCheckTurn) return null;
  const command = departmentTurn ? review : spotCheck;
  const send = (values: DecisionValues) =>
    command
      .mutateAsync({
        input: {
          commandId: commandId(),
          evaluationId: evaluation.id,
          decision: values.decision,
          comment: values.comment?.trim() ?? '',
        },
      })
      .catch((error: unknown) => showIssues(form, error));
  return (
    <Card size="small" title={departmentTurn ? '主管部门审核' : '财政抽查'}>
      <Form<DecisionValues> form={form} layout="vertical" initialValues={{ decision: 'ACCEPT' }} onFinish={send}>
        <Form.Item name="decision" label="结论">
          <Radio.Group
            aria-label="结论"
            options={[
              { value: 'ACCEPT', label: departmentTurn ? '审核通过' : '认定' },
              { value: 'RETURN', label: '退回修改' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label="意见"
          rules={[{ required: decision === 'RETURN', whitespace: true, message: '退回须填写意见' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} aria-label="意见" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={command.isPending}>
          提交{departmentTurn ? '审核' : '抽查'}结论
        </Button>
      </Form>
    </Card>
  );
}
