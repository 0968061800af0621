import { Button, Form, Input, Select, Space } from 'antd';
import type { KeyEvaluationQuery } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand, useGql } from '../../shell/hooks';
import { showIssues } from '../../planning/projects/form-issues';
import { UnitSelect } from '../../planning/projects/unit-select';
import { AgencyContractsQuery, AssignKeyEvaluationMutation } from './key-evaluation.documents';

type Evaluation = KeyEvaluationQuery['keyEvaluation'];

interface AssignValues {
  /** `<agency id>|<contract number>`: an agency under one of its contracts. */
  contract?: string;
  /** A department evaluation's evaluator: the supervising department. */
  department?: string;
  scope?: string;
}

/**
 * 委托评价: the performance section assigns a planned key evaluation to an agency under one of its
 * contracts (the platform checks the contract is in force); the scope written is the assignment.
 */
export function AssignForm({ evaluation }: { evaluation: Evaluation }) {
  const [form] = Form.useForm<AssignValues>();
  const agencies = useGql(AgencyContractsQuery, {}, { enabled: evaluation.kind !== 'DEPARTMENT' });
  const assign = useCommand(AssignKeyEvaluationMutation, '已委托评价机构');
  const send = (v: AssignValues) => {
    const [agencyId = '', contractNumber = ''] = (v.contract ?? '').split('|');
    const byDepartment = evaluation.kind === 'DEPARTMENT';
    return assign
      .mutateAsync({
        input: {
          commandId: commandId(),
          evaluationId: evaluation.id,
          expectedVersion: evaluation.version,
          evaluatorId: byDepartment ? (v.department ?? '') : agencyId,
          contractNumber: byDepartment ? null : contractNumber,
          scope: v.scope?.trim() ?? '',
        },
      })
      .catch((error: unknown) => showIssues(form, error));
  };
  return (
    <Form<AssignValues> form={form} layout="inline" onFinish={send}>
      <Space wrap align="start">
        {evaluation.kind === 'DEPARTMENT' ? (
          <Form.Item name="department" rules={[{ required: true, message: '请选择主管部门' }]}>
            <UnitSelect ariaLabel="主管部门" placeholder="主管部门" allowClear={false} />
          </Form.Item>
        ) : (
          <Form.Item name="contract" rules={[{ required: true, message: '请选择评价机构及合同' }]}>
            <Select
              aria-label="评价机构及合同"
              placeholder="评价机构及委托合同"
              style={{ width: 420 }}
              loading={agencies.isLoading}
              options={(agencies.data?.agencies.nodes ?? []).flatMap((a) =>
                a.contracts.map((c) => ({
                  value: `${a.id}|${c.contractNumber}`,
                  label: `${a.name} · ${c.contractNumber}（${c.from} 至 ${c.to}）`,
                })),
              )}
            />
          </Form.Item>
        )}
        <Form.Item name="scope" rules={[{ required: true, whitespace: true, message: '请填写委托范围' }]}>
          <Input aria-label="委托范围" placeholder="委托范围" style={{ width: 280 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={assign.isPending}>
          委托
        </Button>
      </Space>
    </Form>
  );
}
