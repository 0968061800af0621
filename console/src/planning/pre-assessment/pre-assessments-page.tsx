import { useQueries } from '@tanstack/react-query';
import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { PreAssessmentSummaryQuery } from '../../gql/graphql';
import { gql, type GqlError } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { keyOf, useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useFiscalYear } from '../../shell/year';

const MyPreAssessmentAssignmentsQuery = graphql(`
  query MyPreAssessmentAssignments {
    assignments(kind: PRE_ASSESSMENT) {
      subjectId
      reason
      grantedAt
    }
  }
`);

const PreAssessmentSummaryQuery = graphql(`
  query PreAssessmentSummary($id: ID!) {
    preAssessment(id: $id) {
      id
      subject
      policyName
      fiscalYear
      status
      passMark
      total
      conclusion
      unit {
        id
        name
      }
      dimensions {
        dimension
      }
      scores {
        scorerId
        dimension
      }
    }
  }
`);

const AwaitingPreAssessmentQuery = graphql(`
  query ProjectsAwaitingPreAssessment($fiscalYear: Int!) {
    projects(filter: { fiscalYear: $fiscalYear, blockedOnly: true }, page: { first: 200 }) {
      totalCount
      nodes {
        id
        code
        name
        amountRequested
        unit {
          id
          name
        }
        libraryBlockers {
          condition
          zh
        }
      }
    }
  }
`);

type Summary = PreAssessmentSummaryQuery['preAssessment'];

/**
 * 事前绩效评估: a scorer (expert, review centre) sees the assessments assigned to them and how far
 * they have scored; the finance bureau sees the new major projects still waiting for a passed one.
 */
export function PreAssessmentsPage() {
  const { role } = currentSession()!.identity;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        事前绩效评估
      </Typography.Title>
      {can(role, 'Mutation.giveScore') && <AssignedToMe />}
      {can(role, 'Query.projects') && role !== 'EXPERT' && role !== 'AGENCY' && <AwaitingProjects />}
    </Space>
  );
}

function AssignedToMe() {
  const { userId } = currentSession()!.identity;
  const assignments = useGql(MyPreAssessmentAssignmentsQuery, {});
  const rows = assignments.data?.assignments ?? [];
  const details = useQueries({
    queries: rows.map((row) => ({
      queryKey: keyOf(PreAssessmentSummaryQuery as never, { id: row.subjectId }),
      queryFn: () => gql(PreAssessmentSummaryQuery, { id: row.subjectId }),
    })),
  });
  const byId = new Map<string, Summary>();
  details.forEach((d) => d.data && byId.set(d.data.preAssessment.id, d.data.preAssessment));
  const failed = details.find((d) => d.error)?.error as GqlError | undefined;
  return (
    <Card title="分配给我的评估">
      <QueryError error={assignments.error ?? failed ?? null} />
      <Table
        rowKey="subjectId"
        size="middle"
        loading={assignments.isLoading || details.some((d) => d.isLoading)}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 项评估` }}
        locale={{ emptyText: '目前没有分配给您的事前评估' }}
        columns={[
          {
            title: '评估对象',
            dataIndex: 'subjectId',
            render: (id: string) => {
              const a = byId.get(id);
              const what = a ? (a.subject === 'POLICY' ? `政策：${a.policyName ?? ''}` : `${a.unit.name}的项目`) : id;
              return <Link to={`/pre-assessments/${id}`}>{what}</Link>;
            },
          },
          {
            title: '年度',
            key: 'year',
            width: 80,
            render: (_: unknown, r) => byId.get(r.subjectId)?.fiscalYear ?? '—',
          },
          {
            title: '状态',
            key: 'status',
            width: 120,
            render: (_: unknown, r) => {
              const a = byId.get(r.subjectId);
              return a ? <StatusTag status={a.status} label={label('PreAssessmentStatus', a.status)} /> : '—';
            },
          },
          {
            title: '我的进度',
            key: 'progress',
            width: 140,
            render: (_: unknown, r) => {
              const a = byId.get(r.subjectId);
              if (!a) return '—';
              const mine = new Set(a.scores.filter((s) => s.scorerId === userId).map((s) => s.dimension)).size;
              const all = a.dimensions.length;
              return mine === all ? '已全部评分' : `已评 ${mine} / ${all} 个维度`;
            },
          },
          { title: '指派理由', dataIndex: 'reason' },
          { title: '指派时间', dataIndex: 'grantedAt', width: 160, render: when },
        ]}
      />
    </Card>
  );
}

function AwaitingProjects() {
  const fiscalYear = useFiscalYear();
  const projects = useGql(AwaitingPreAssessmentQuery, { fiscalYear });
  const waiting =
    projects.data?.projects.nodes.filter((p) =>
      p.libraryBlockers.some((b) => b.condition === 'PASSED_PRE_ASSESSMENT'),
    ) ?? [];
  return (
    <Card title="等待事前评估的新增重大项目">
      <Typography.Paragraph type="secondary">
        新增重大项目须通过事前绩效评估才能入库。在项目页面启动评估、指派专家；评估页面查看评分并出具结论。
      </Typography.Paragraph>
      <QueryError error={projects.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={projects.isLoading}
        dataSource={waiting}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个项目` }}
        locale={{ emptyText: '本年度没有等待事前评估的项目' }}
        columns={[
          { title: '项目编码', dataIndex: 'code', width: 150 },
          {
            title: '项目名称',
            dataIndex: 'name',
            render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link>,
          },
          { title: '预算单位', dataIndex: ['unit', 'name'], width: 200 },
          { title: '申请金额', dataIndex: 'amountRequested', width: 160, align: 'right', render: yuan },
        ]}
      />
    </Card>
  );
}
