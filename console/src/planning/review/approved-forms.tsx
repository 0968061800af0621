import { Form, Input } from 'antd';
import { useCommand } from '../../shell/hooks';
import { CommandModal } from './command-modal';
import { IssueGoalDocument, MarkGoalExemplaryDocument } from './review.documents';
import type { ReviewableGoalData } from './reviewable-goal';

/** A yuan amount as the platform's Money takes it: digits, at most two decimals, not negative. */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** 随预算下达: the budget reply's document number and the amount issued. */
export function IssueAction({ goal }: { goal: ReviewableGoalData }) {
  const command = useCommand(IssueGoalDocument, '目标已随预算下达');
  return (
    <CommandModal<{ budgetDocument: string; issuedAmount: string }>
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
          <Form.Item
            name="issuedAmount"
            label="下达金额（元）"
            rules={[
              { required: true, message: '请填写下达金额' },
              { pattern: MONEY_PATTERN, message: '下达金额须为不小于 0 的金额，最多两位小数' },
            ]}
          >
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
