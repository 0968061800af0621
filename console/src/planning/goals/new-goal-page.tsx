import { Alert, Button, Card, Form, Input, Radio, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { GoalTerm } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { DraftGoalDocument, DraftGoalFromSampleDocument } from './goal.documents';

const ChoicesDocument = graphql(`
  query NewGoalChoices($fiscalYear: Int!) {
    projects(filter: { fiscalYear: $fiscalYear }, page: { first: 200 }) {
      nodes {
        id
        code
        name
        amountRequested
        unit {
          id
          name
        }
      }
    }
    goals(filter: { fiscalYear: $fiscalYear }, page: { first: 200 }) {
      nodes {
        id
        projectId
        term
      }
    }
    samples: goals(filter: { exemplary: true }, page: { first: 200 }) {
      nodes {
        id
        projectName
        fiscalYear
        term
        exemplaryReason
        unit {
          name
        }
      }
    }
  }
`);

interface DraftValues {
  projectId: string;
  term: GoalTerm;
  overallGoal: string;
  amount: string;
}

/**
 * 新建绩效目标: a draft for one of the unit's projects — written from scratch or copied from an
 * exemplary sample (?sample=<goal id>, ?project=<project id>); the indicators are added on the goal's page.
 */
export function NewGoalPage() {
  const fiscalYear = useFiscalYear();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const role = currentSession()?.identity.role;
  const choices = useGql(ChoicesDocument, { fiscalYear });
  const opened = (result: { draftGoal?: { id: string }; draftGoalFromSample?: { id: string } }) =>
    navigate(`/goals/${(result.draftGoal ?? result.draftGoalFromSample)!.id}`);
  const draft = useCommand(DraftGoalDocument, '目标草稿已建立，请添加绩效指标', opened);
  const copy = useCommand(DraftGoalFromSampleDocument, '已复制精品样本为目标草稿，请核对指标', opened);
  const [form] = Form.useForm<DraftValues>();
  const [copyForm] = Form.useForm<{ sampleGoalId: string; projectId: string }>();
  const projects = choices.data?.projects.nodes;
  const taken = useMemo(
    () => new Set(choices.data?.goals.nodes.map((g) => `${g.projectId}/${g.term}`) ?? []),
    [choices.data],
  );
  const projectOptions = (term: GoalTerm) =>
    (projects ?? []).map((p) => ({
      value: p.id,
      label: `${p.code} ${p.name}（${p.unit.name}，申请 ${yuan(p.amountRequested)}）${taken.has(`${p.id}/${term}`) ? ' — 已有目标' : ''}`,
      disabled: taken.has(`${p.id}/${term}`),
    }));
  const term = (Form.useWatch('term', form) as GoalTerm | undefined) ?? 'ANNUAL';
  const samples = choices.data?.samples.nodes ?? [];
  const sampleId = Form.useWatch('sampleGoalId', copyForm) as string | undefined;
  const sampleTerm = samples.find((s) => s.id === sampleId)?.term ?? 'ANNUAL';
  useEffect(() => {
    const project = params.get('project');
    const sample = params.get('sample');
    if (project) {
      form.setFieldValue('projectId', project);
      copyForm.setFieldValue('projectId', project);
    }
    if (sample) copyForm.setFieldValue('sampleGoalId', sample);
  }, [params, form, copyForm]);
  if (!role || !can(role, 'Mutation.draftGoal')) {
    return <Alert type="warning" showIcon message="您的角色不能建立绩效目标：目标由申请资金的预算单位设定" />;
  }
  const pickProject = (projectId: string) => {
    const project = projects?.find((p) => p.id === projectId);
    if (project && !form.getFieldValue('amount')) form.setFieldValue('amount', project.amountRequested);
  };
  const saveDraft = async () => {
    const values = await form.validateFields().catch(() => null); // shown under the fields
    if (!values) return;
    draft.mutate({
      input: {
        commandId: commandId(),
        ...values,
        amount: values.amount.trim(),
        overallGoal: values.overallGoal.trim(),
      },
    });
  };
  const saveCopy = async () => {
    const values = await copyForm.validateFields().catch(() => null);
    if (!values) return;
    copy.mutate({ input: { commandId: commandId(), ...values } });
  };
  const fromScratch = (
    <Form form={form} layout="vertical" name="draft-goal" initialValues={{ term: 'ANNUAL' }} style={{ maxWidth: 760 }}>
      <Form.Item name="term" label="目标期限">
        <Radio.Group options={optionsOf('GoalTerm')} />
      </Form.Item>
      <Form.Item name="projectId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择本单位的项目"
          options={projectOptions(term)}
          onChange={pickProject}
        />
      </Form.Item>
      <Form.Item
        name="overallGoal"
        label="总体目标"
        rules={[{ required: true, whitespace: true, message: '总体目标不能为空，请说明资金使用要达到的目标' }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount placeholder="资金使用要达到的产出和效果" />
      </Form.Item>
      <Form.Item
        name="amount"
        label="资金金额（元）"
        rules={[
          {
            validator: async (_, value?: string) => {
              // the platform's money rules, loaded with the editor's chunk
              const { amountProblem } = await import('./goal-checks');
              const problem = amountProblem(value ?? '');
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <Input inputMode="decimal" placeholder="如 5000000.00" style={{ maxWidth: 260 }} />
      </Form.Item>
      {draft.error && <Alert type="error" showIcon message="平台未接受" description={draft.error.message} />}
      <Button type="primary" loading={draft.isPending} onClick={() => void saveDraft()} style={{ marginTop: 12 }}>
        建立草稿
      </Button>
    </Form>
  );
  const fromSample = (
    <Form form={copyForm} layout="vertical" name="copy-sample" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        精品样本的总体目标和全部指标会复制到新草稿，金额取项目申请金额；复制后请按本项目修改。
      </Typography.Paragraph>
      <Form.Item name="sampleGoalId" label="精品样本" rules={[{ required: true, message: '请选择精品样本' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={samples.length ? '选择精品样本' : '暂无可见的精品样本'}
          options={samples.map((s) => ({
            value: s.id,
            label: `${s.projectName}（${s.unit.name}，${s.fiscalYear} 年）${s.exemplaryReason ? `：${s.exemplaryReason}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="projectId" label="新目标所属项目" rules={[{ required: true, message: '请选择项目' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择本单位的项目"
          options={projectOptions(sampleTerm)}
        />
      </Form.Item>
      {copy.error && <Alert type="error" showIcon message="平台未接受" description={copy.error.message} />}
      <Button type="primary" loading={copy.isPending} onClick={() => void saveCopy()} style={{ marginTop: 12 }}>
        复制为草稿
      </Button>
    </Form>
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          新建绩效目标（{fiscalYear} 年度）
        </Typography.Title>
      }
    >
      <QueryError error={choices.error} />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Tabs
          defaultActiveKey={params.get('sample') ? 'sample' : 'draft'}
          items={[
            { key: 'draft', label: '新建草稿', children: fromScratch },
            ...(can(role, 'Mutation.draftGoalFromSample')
              ? [{ key: 'sample', label: '复制精品样本', children: fromSample }]
              : []),
          ]}
        />
      </Space>
    </Card>
  );
}
