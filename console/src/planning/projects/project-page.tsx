import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { graphql } from '../../gql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { OpenPreAssessmentModal } from '../pre-assessment/open-pre-assessment';
import { showIssues } from './form-issues';
import { fenOf, moneyProblem, yuanOf } from './money';

const ProjectQuery = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      id
      code
      name
      category
      isNew
      isMajor
      amountRequested
      allocatedTotal
      fiscalYear
      years
      divisionCode
      libraryStatus
      admittedGoalId
      admittedPreAssessmentId
      proposedAt
      version
      unit {
        id
        name
      }
      libraryBlockers {
        condition
        zh
      }
      allocations {
        eventId
        fiscalYear
        amount
        budgetDocument
        allocatedAt
      }
    }
  }
`);

const ProjectGoalsQuery = graphql(`
  query ProjectGoals($projectId: ID!) {
    goals(filter: { projectId: $projectId }, page: { first: 50 }) {
      totalCount
      nodes {
        id
        fiscalYear
        amount
        status
        statusLabel
        exemplary
        updatedAt
      }
    }
  }
`);

const ProjectPreAssessmentsQuery = graphql(`
  query ProjectPreAssessments($projectId: ID!) {
    preAssessmentsOfProject(projectId: $projectId) {
      id
      status
      passMark
      total
      passed
      conclusion
      scorerIds
    }
  }
`);

const AdmitProjectMutation = graphql(`
  mutation AdmitProjectToLibrary($input: AdmitProjectInput!) {
    admitProjectToLibrary(input: $input) {
      id
      libraryStatus
    }
  }
`);

const AllocateBudgetMutation = graphql(`
  mutation AllocateBudget($input: AllocateBudgetInput!) {
    allocateBudget(input: $input) {
      id
      allocatedTotal
    }
  }
`);

interface Allocation {
  amount: string;
  budgetDocument: string;
}

/** One project: its details, why it cannot enter the library yet, its goals, pre-assessments and budget. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { role } = currentSession()!.identity;
  const navigate = useNavigate();
  const project = useGql(ProjectQuery, { id });
  const goals = useGql(ProjectGoalsQuery, { projectId: id }, { enabled: can(role, 'Query.goals') });
  const assessments = useGql(
    ProjectPreAssessmentsQuery,
    { projectId: id },
    { enabled: can(role, 'Query.preAssessmentsOfProject') },
  );
  const admit = useCommand(AdmitProjectMutation, '项目已入库');
  const [allocationForm] = Form.useForm<Allocation>();
  const allocate = useCommand(AllocateBudgetMutation, '预算已安排', () => allocationForm.resetFields());
  const [opening, setOpening] = useState(false);
  if (project.error) return <QueryError error={project.error} />;
  const p = project.data?.project;
  const leftFen = p ? (fenOf(p.amountRequested) ?? 0n) - (fenOf(p.allocatedTotal) ?? 0n) : 0n;
  const mayAdmit = p?.libraryStatus === 'PROPOSED' && can(role, 'Mutation.admitProjectToLibrary');
  const mayAllocate = p?.libraryStatus === 'IN_LIBRARY' && can(role, 'Mutation.allocateBudget') && leftFen > 0n;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        loading={project.isLoading}
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {p ? `${p.name}（${p.code}）` : '项目'}
          </Typography.Title>
        }
        extra={
          p && (
            <Space>
              <StatusTag status={p.libraryStatus} label={label('LibraryStatus', p.libraryStatus)} />
              {mayAdmit && p.libraryBlockers.length === 0 && (
                <Popconfirm
                  title="确认将该项目纳入项目库？"
                  okText="确认入库"
                  cancelText="取消"
                  onConfirm={() =>
                    admit.mutate({ input: { projectId: p.id, expectedVersion: p.version, commandId: commandId() } })
                  }
                >
                  <Button type="primary" loading={admit.isPending}>
                    纳入项目库
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        {p && (
          <Space direction="vertical" style={{ width: '100%' }}>
            {p.libraryStatus === 'PROPOSED' &&
              (p.libraryBlockers.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  message="该项目尚不能入库"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {p.libraryBlockers.map((b) => (
                        <li key={b.condition}>{b.zh}</li>
                      ))}
                    </ul>
                  }
                />
              ) : (
                <Alert type="success" showIcon message="已满足入库条件，可由财政局纳入项目库" />
              ))}
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label="申报单位">{p.unit.name}</Descriptions.Item>
              <Descriptions.Item label="项目类别">{label('ProjectCategory', p.category)}</Descriptions.Item>
              <Descriptions.Item label="新增/延续">{p.isNew ? '新增项目' : '延续项目'}</Descriptions.Item>
              <Descriptions.Item label="是否重大">
                {p.isMajor ? <Tag color="warning">重大项目</Tag> : '否'}
              </Descriptions.Item>
              <Descriptions.Item label="申请金额">{yuan(p.amountRequested)}</Descriptions.Item>
              <Descriptions.Item label="已安排预算">{yuan(p.allocatedTotal)}</Descriptions.Item>
              <Descriptions.Item label="预算年度">{p.fiscalYear}</Descriptions.Item>
              <Descriptions.Item label="实施年限">{p.years} 年</Descriptions.Item>
              <Descriptions.Item label="行政区划">{p.divisionCode}</Descriptions.Item>
              <Descriptions.Item label="申报时间">{when(p.proposedAt)}</Descriptions.Item>
              <Descriptions.Item label="入库依据的目标">
                {p.admittedGoalId ? <Link to={`/goals/${p.admittedGoalId}`}>查看目标</Link> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="入库依据的事前评估">
                {p.admittedPreAssessmentId ? (
                  <Link to={`/pre-assessments/${p.admittedPreAssessmentId}`}>查看评估</Link>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
          </Space>
        )}
      </Card>

      <Card title="绩效目标">
        <QueryError error={goals.error} />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={goals.isLoading}
          dataSource={goals.data?.goals.nodes}
          locale={{ emptyText: '该项目尚无绩效目标' }}
          columns={[
            { title: '年度', dataIndex: 'fiscalYear', width: 80 },
            {
              title: '目标',
              dataIndex: 'id',
              render: (goalId: string, goal) => (
                <Space>
                  <Link to={`/goals/${goalId}`}>查看目标</Link>
                  {goal.exemplary && <Tag color="gold">精品样本</Tag>}
                </Space>
              ),
            },
            { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
            {
              title: '状态',
              dataIndex: 'status',
              render: (value: string, goal) => <StatusTag status={value} label={goal.statusLabel} />,
            },
            { title: '更新时间', dataIndex: 'updatedAt', render: when },
          ]}
        />
      </Card>

      <Card
        title="事前绩效评估"
        extra={
          p && can(role, 'Mutation.openPreAssessment') && <Button onClick={() => setOpening(true)}>启动事前评估</Button>
        }
      >
        <QueryError error={assessments.error} />
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={assessments.isLoading}
          dataSource={assessments.data?.preAssessmentsOfProject}
          locale={{ emptyText: '尚未开展事前绩效评估' }}
          columns={[
            {
              title: '评估',
              dataIndex: 'id',
              render: (assessmentId: string) => <Link to={`/pre-assessments/${assessmentId}`}>查看评估</Link>,
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (value: string) => <StatusTag status={value} label={label('PreAssessmentStatus', value)} />,
            },
            { title: '评分人', dataIndex: 'scorerIds', render: (ids: string[]) => ids.join('、') || '—' },
            {
              title: '总分 / 通过分数线',
              dataIndex: 'total',
              render: (total: number | null, a) => `${total ?? '—'} / ${a.passMark}`,
            },
            {
              title: '结论',
              dataIndex: 'conclusion',
              render: (value: string | null) =>
                value ? <StatusTag status={value} label={label('PreAssessmentConclusion', value)} /> : '—',
            },
          ]}
        />
      </Card>

      {p && (p.allocations.length > 0 || mayAllocate) && (
        <Card title="预算安排">
          <Table
            rowKey="eventId"
            size="small"
            pagination={false}
            dataSource={p.allocations}
            locale={{ emptyText: '尚未安排预算' }}
            columns={[
              { title: '年度', dataIndex: 'fiscalYear', width: 80 },
              { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
              { title: '预算文号', dataIndex: 'budgetDocument' },
              { title: '安排时间', dataIndex: 'allocatedAt', render: when },
            ]}
          />
          {mayAllocate && (
            <Form<Allocation>
              form={allocationForm}
              layout="inline"
              style={{ marginTop: 16, rowGap: 8 }}
              onFinish={(values) =>
                allocate
                  .mutateAsync({
                    input: {
                      projectId: p.id,
                      amount: values.amount.trim(),
                      budgetDocument: values.budgetDocument.trim(),
                      expectedVersion: p.version,
                      commandId: commandId(),
                    },
                  })
                  .catch((error: unknown) => showIssues(allocationForm, error))
              }
            >
              <Form.Item
                name="amount"
                label="安排金额（元）"
                extra={`尚可安排 ${yuan(yuanOf(leftFen))}`}
                rules={[
                  {
                    validator: (_, value: string | undefined) => {
                      const problem = moneyProblem(value, '安排金额', leftFen);
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input inputMode="decimal" style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name="budgetDocument"
                label="预算文号"
                rules={[{ required: true, whitespace: true, message: '请填写预算文号' }]}
              >
                <Input style={{ width: 220 }} placeholder="如 天财预〔2023〕12号" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={allocate.isPending}>
                  安排预算
                </Button>
              </Form.Item>
            </Form>
          )}
        </Card>
      )}

      {p && (
        <OpenPreAssessmentModal
          open={opening}
          projectId={p.id}
          onClose={() => setOpening(false)}
          onOpened={(assessmentId) => navigate(`/pre-assessments/${assessmentId}`)}
        />
      )}
    </Space>
  );
}
