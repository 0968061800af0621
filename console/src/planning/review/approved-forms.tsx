import { Form, Input } from 'antd';
import { useCommand } from '../../shell/hooks';
import { moneyTextProblem } from '../../shell/platform-rules';
import { CommandModal } from './command-modal';
import { IssueGoalDocument, MarkGoalExemplaryDocument } from './review.documents';
import type { ReviewableGoalData } from './reviewable-goal';

/** An antd rule: an amount of yuan the platform takes (at most two decimals, within its limit), not negative. */
export const amountRule = (what: string) => ({
  validator: async (_: unknown, value: string | undefined) => {
    const text = (value ?? '').trim();
    if (text === '') throw new Error(`请填写${what}`);
    const problem = moneyTextProblem(text);
    if (problem) throw new Error(problem.zh);
    if (text.startsWith('-')) throw new Error(`${what}应不小于 0`);
  },
});

/** 随预算下达: the budget reply's document number and the amount issued. */
export function IssueAction({ goal }: { goal: ReviewableGoalData }) {
  const command = useCommand(IssueGoalDocument, '目标已随预算下达');
  return (
    <CommandModal<{ budgetDocument: string; issuedAmount: string }>
      name="issue-goal"
      label="随预算下达"
      title={`随预算下达：${goal.projectName}`}
      button={{ type: 'primary' }}
      initialValues={{ issuedAmount: goal.amount }}
      onSubmit={(values, commandId) =>
        command.mutateAsync({
          input: {
            goalId: goal.id,
            commandId,
            expectedVersion: goal.version,
            budgetDocument: values.budgetDocument.trim(),
            issuedAmount: values.issuedAmount.trim(),
          },
        })
      }
    >
      {() => (
        <>
          <Form.Item
            name="budgetDocument"
            label="预算批复文号"
            rules={[{ required: true, whitespace: true, message: '请填写预算批复文号' }]}
          >
            <Input placeholder="如：天财预〔2023〕1 号" maxLength={100} />
          </Form.Item>
          <Form.Item name="issuedAmount" label="下达金额（元）" rules={[amountRule('下达金额')]}>
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
        </>
      )}
    </CommandModal>
  );
}

/** 评为精品样本: an approved goal goes to the sample library, with the reason. */
export function ExemplaryAction({ goal }: { goal: ReviewableGoalData }) {
  const command = useCommand(MarkGoalExemplaryDocument, '已评为精品样本');
  return (
    <CommandModal<{ reason: string }>
      name="mark-exemplary"
      label="评为精品样本"
      title={`评为精品样本：${goal.projectName}`}
      onSubmit={(values, commandId) =>
        command.mutateAsync({ input: { goalId: goal.id, commandId, reason: values.reason.trim() } })
      }
    >
      {() => (
        <Form.Item
          name="reason"
          label="理由"
          rules={[{ required: true, whitespace: true, message: '请说明评为样本的理由' }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      )}
    </CommandModal>
  );
}
