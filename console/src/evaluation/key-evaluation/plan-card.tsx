import { Button, Card, Form, Input, Select, Space } from 'antd';
import type { KeyEvaluationKind, KeyEvaluationObject } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand, useGql } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';
import { UnitSelect } from '../../planning/projects/unit-select';
import { showIssues } from '../../planning/projects/form-issues';
import { PlanKeyEvaluationMutation, UnitProjectsQuery } from './key-evaluation.documents';

interface PlanValues {
  kind: KeyEvaluationKind;
  object: KeyEvaluationObject;
  unitId?: string;
  projectId?: string;
  subject?: string;
}

/**
 * 列入评价计划: the performance section adds a unit's project, policy or overall expenditure to the
 * year's plan; the split is the rule profile's (the platform fills it in and checks it).
 */
export function PlanCard({ fiscalYear }: { fiscalYear: number }) {
  const [form] = Form.useForm<PlanValues>();
  const object = Form.useWatch('object', form);
  const unitId = Form.useWatch('unitId', form);
  const projects = useGql(
    UnitProjectsQuery,
    { filter: { unitId, fiscalYear } },
    { enabled: !!unitId && object === 'PROJECT' },
  );
  const plan = useCommand(PlanKeyEvaluationMutation, '已列入评价计划', () => form.resetFields());
  const send = (v: PlanValues) =>
    plan
      .mutateAsync({
        input: {
          commandId: commandId(),
          kind: v.kind,
          object: v.object,
          unitId: v.unitId ?? '',
          projectId: v.object === 'PROJECT' ? (v.projectId ?? null) : null,
          subject: v.subject?.trim() ?? '',
          fiscalYear,
        },
      })
      .catch((error: unknown) => showIssues(form, error));
  return (
    <Card size="small" title="列入评价计划">
      <Form<PlanValues>
        form={form}
        layout="inline"
        initialValues={{ kind: 'FINANCE_KEY', object: 'PROJECT' }}
        onFinish={send}
      >
        <Space wrap align="start">
          <Form.Item name="kind">
            <Select aria-label="评价类型" style={{ width: 170 }} options={optionsOf('KeyEvaluationKind')} />
          </Form.Item>
          <Form.Item name="object">
            <Select aria-label="评价对象类型" style={{ width: 170 }} options={optionsOf('KeyEvaluationObject')} />
          </Form.Item>
          <Form.Item name="unitId" rules={[{ required: true, message: '请选择被评价单位' }]}>
            <UnitSelect ariaLabel="被评价单位" placeholder="被评价单位" allowClear={false} />
          </Form.Item>
          {object === 'PROJECT' && (
            <Form.Item name="projectId" rules={[{ required: true, message: '请选择项目' }]}>
              <Select
                aria-label="项目"
                placeholder="项目"
                style={{ width: 260 }}
                showSearch={{ optionFilterProp: 'label' }}
                loading={projects.isLoading}
                options={(projects.data?.projects.nodes ?? []).map((p) => ({
                  value: p.id,
                  label: `${p.name}（${p.code}）`,
                }))}
                onChange={(id: string) => {
                  const chosen = projects.data?.projects.nodes.find((p) => p.id === id);
                  if (chosen && !form.getFieldValue('subject')) form.setFieldValue('subject', chosen.name);
                }}
              />
            </Form.Item>
          )}
          <Form.Item name="subject" rules={[{ required: true, whitespace: true, message: '请填写评价对象名称' }]}>
            <Input aria-label="评价对象名称" placeholder="评价对象名称" style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={plan.isPending}>
            列入计划
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
