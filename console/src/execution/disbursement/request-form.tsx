import { Button, Form, Input, Select, Space } from 'antd';
import { commandId } from '../../shell/api';
import { yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { useFiscalYear } from '../../shell/year';
import { showIssues } from '../../planning/projects/form-issues';
import { moneyProblem } from '../../planning/projects/money';
import type { UploadedDocument } from './attachments';
import {
  IssuedGoalsQuery,
  ResubmitDisbursementRequestMutation,
  SubmitDisbursementRequestMutation,
} from './disbursement.documents';
import { DocumentsField } from './documents-field';

interface RequestValues {
  goalId: string;
  amount: string;
  purpose: string;
  batch: string;
  documents: UploadedDocument[];
}

/** A held request being corrected: what it asked last time. */
export interface HeldRequest {
  id: string;
  goalId: string;
  amount: string;
  purpose: string;
  batch: string;
  version: number;
  documents: readonly UploadedDocument[];
}

/**
 * 拨款申请表: the unit's goal (its goals of the year issued or adjusted after issue), the amount in
 * yuan (sent as the Money decimal string, never a float), the purpose, the payment batch and the
 * documents. With `held` it corrects a HELD request and submits it again (the goal stays).
 */
export function RequestForm({
  unitId,
  held,
  onDone,
  onCancel,
}: {
  unitId: string;
  held?: HeldRequest;
  onDone: (requestId: string) => void;
  onCancel?: () => void;
}) {
  const fiscalYear = useFiscalYear();
  const [form] = Form.useForm<RequestValues>();
  const issued = useGql(IssuedGoalsQuery, { filter: { unitId, fiscalYear, status: 'ISSUED' } });
  const adjusted = useGql(IssuedGoalsQuery, { filter: { unitId, fiscalYear, status: 'ADJUSTED' } });
  const goals = [...(issued.data?.goals.nodes ?? []), ...(adjusted.data?.goals.nodes ?? [])];
  const submit = useCommand(SubmitDisbursementRequestMutation, '拨款申请已提交，等待绩效科审核', (result) =>
    onDone(result.submitDisbursementRequest.id),
  );
  const resubmit = useCommand(ResubmitDisbursementRequestMutation, '已修改并重新提交', (result) =>
    onDone(result.resubmitDisbursementRequest.id),
  );
  const send = async (values: RequestValues) => {
    const common = {
      amount: values.amount.trim(),
      purpose: values.purpose.trim(),
      batch: values.batch.trim(),
      attachmentIds: values.documents.map((d) => d.attachmentId),
      commandId: commandId(),
    };
    const goal = goals.find((g) => g.id === values.goalId);
    try {
      if (held) {
        await resubmit.mutateAsync({ input: { ...common, requestId: held.id, expectedVersion: held.version } });
      } else {
        await submit.mutateAsync({
          input: { ...common, unitId, fiscalYear, goalId: values.goalId, projectId: goal?.projectId ?? '' },
        });
      }
    } catch (error) {
      // the platform names the documents' fields attachmentIds / attachmentIds[i]
      showIssues(form, error);
    }
  };
  return (
    <Form<RequestValues>
      form={form}
      layout="horizontal"
      labelCol={{ span: 5 }}
      wrapperCol={{ span: 14 }}
      initialValues={
        held
          ? {
              goalId: held.goalId,
              amount: held.amount,
              purpose: held.purpose,
              batch: held.batch,
              documents: [...held.documents],
            }
          : { documents: [] }
      }
      onFinish={send}
    >
      <Form.Item
        name="goalId"
        label="项目及绩效目标"
        extra="本单位本年度已下达（含调整）的绩效目标"
        rules={[{ required: true, message: '请选择项目' }]}
      >
        <Select
          aria-label="项目及绩效目标"
          disabled={!!held}
          showSearch={{ optionFilterProp: 'label' }}
          loading={issued.isLoading || adjusted.isLoading}
          placeholder="选择项目"
          notFoundContent="本年度没有已下达的绩效目标"
          options={goals.map((goal) => ({
            value: goal.id,
            label: `${goal.projectName}（${goal.projectCode}）下达 ${yuan(goal.issuedAmount ?? goal.amount)}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label="申请金额（元）"
        extra="以元计，至多两位小数，不得超过已安排未拨付的预算"
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const problem = moneyProblem(value, '申请金额');
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input inputMode="decimal" style={{ width: 240 }} aria-label="申请金额（元）" />
      </Form.Item>
      <Form.Item
        name="purpose"
        label="资金用途"
        rules={[{ required: true, whitespace: true, message: '请填写资金用途' }]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount aria-label="资金用途" />
      </Form.Item>
      <Form.Item
        name="batch"
        label="支付批次"
        extra="如「2023年第3批」"
        rules={[{ required: true, whitespace: true, message: '请填写支付批次' }]}
      >
        <Input maxLength={100} style={{ width: 240 }} aria-label="支付批次" />
      </Form.Item>
      <Form.Item
        name="documents"
        label="依据文件"
        rules={[
          {
            validator: (_, value: UploadedDocument[] | undefined) =>
              value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error('请上传拨款审批表等依据文件')),
          },
        ]}
      >
        <DocumentsField />
      </Form.Item>
      <Form.Item wrapperCol={{ offset: 5 }}>
        <Space>
          <Button type="primary" htmlType="submit" loading={submit.isPending || resubmit.isPending}>
            {held ? '修改后重新提交' : '提交申请'}
          </Button>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
        </Space>
      </Form.Item>
    </Form>
  );
}
