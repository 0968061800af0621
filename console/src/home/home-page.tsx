import { Badge, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../gql';
import { statusPieOption, useGoalStatusCounts } from '../planning/dashboards/goal-status-counts';
import { Chart } from '../shell/chart';
import { QueryError } from '../shell/errors';
import { useGql } from '../shell/hooks';
import { can } from '../shell/policy';
import { ROLE_LABELS } from '../shell/roles';
import { currentSession } from '../shell/session';
import { useFiscalYear } from '../shell/year';

const ReviewQueueCountQuery = graphql(`
  query ReviewQueueCount {
    reviewQueue(page: { first: 1 }) {
      totalCount
    }
  }
`);

const MyAssignmentsQuery = graphql(`
  query MyAssignments($userId: ID) {
    assignments(kind: PRE_ASSESSMENT, userId: $userId) {
      subjectId
    }
  }
`);

const ReviewStatisticsQuery = graphql(`
  query HomeReviewStatistics($fiscalYear: Int!) {
    reviewStatistics(fiscalYear: $fiscalYear) {
      goalsReviewed
      goalsApproved
      goalsReturned
      indicatorsReviewed
    }
  }
`);

const HomeCoverageQuery = graphql(`
  query HomeCoverage($fiscalYear: Int!) {
    goalCoverage(fiscalYear: $fiscalYear) {
      projects
      projectsWithApprovedGoal
    }
  }
`);

const DisbursementQueueCountQuery = graphql(`
  query HomeDisbursementQueueCount {
    disbursementQueue(page: { first: 1 }) {
      totalCount
    }
  }
`);

/** A unit's execution to-dos: requests held for correction, monitoring reports overdue. */
const UnitExecutionTodosQuery = graphql(`
  query HomeUnitExecutionTodos($unitId: ID, $fiscalYear: Int!) {
    disbursementRequests(filter: { unitId: $unitId, fiscalYear: $fiscalYear, status: HELD }, page: { first: 1 }) {
      totalCount
    }
    monitoringWarnings(filter: { unitId: $unitId, kind: REPORT_OVERDUE }, page: { first: 1 }) {
      totalCount
    }
  }
`);

interface Todo {
  key: string;
  title: string;
  /** Undefined for a link without a count (a page to go to). */
  count?: number;
  to: string;
}

/**
 * 工作台: what waits for this person (待办) with counts — by what their role may do, as the policy
 * says — and the year's figures with the goals by state.
 */
export function HomePage() {
  const session = currentSession()!;
  const { role, userId } = session.identity;
  const fiscalYear = useFiscalYear();
  const writesGoals = can(role, 'Mutation.submitGoal');
  const reviews = can(role, 'Mutation.reviewGoal') || can(role, 'Mutation.recordReviewOpinion');
  const issues = can(role, 'Mutation.issueGoal');
  const scores = can(role, 'Mutation.giveScore');
  const readsGoals = can(role, 'Query.goalStatusCounts');
  const byStatus = useGoalStatusCounts(fiscalYear, readsGoals);
  const queue = useGql(ReviewQueueCountQuery, {}, { enabled: reviews && can(role, 'Query.reviewQueue') });
  const toScore = useGql(MyAssignmentsQuery, { userId }, { enabled: scores });
  const statistics = useGql(ReviewStatisticsQuery, { fiscalYear }, { enabled: can(role, 'Query.reviewStatistics') });
  const coverage = useGql(HomeCoverageQuery, { fiscalYear }, { enabled: can(role, 'Query.goalCoverage') });
  const signsDisbursements = can(role, 'Mutation.signDisbursementOpinion');
  const disbursementQueue = useGql(DisbursementQueueCountQuery, {}, { enabled: signsDisbursements });
  const filesExecution =
    can(role, 'Mutation.resubmitDisbursementRequest') && can(role, 'Mutation.fileMonitoringReport');
  const unitExecution = useGql(
    UnitExecutionTodosQuery,
    { unitId: session.identity.unitId, fiscalYear },
    { enabled: filesExecution },
  );
  const countOf = (status: string) =>
    byStatus.loading ? undefined : byStatus.slices.find((s) => s.status === status)?.value;

  const todos: Todo[] = [
    ...(reviews
      ? [{ key: 'queue', title: '待我审核的绩效目标', count: queue.data?.reviewQueue.totalCount, to: '/review-queue' }]
      : []),
    ...(writesGoals
      ? [
          { key: 'drafts', title: '待提交的绩效目标草稿', count: countOf('DRAFT'), to: '/goals?status=DRAFT' },
          {
            key: 'returned',
            title: '被退回待修改的绩效目标',
            count: countOf('RETURNED'),
            to: '/goals?status=RETURNED',
          },
        ]
      : []),
    ...(issues
      ? [{ key: 'issue', title: '已批准待随预算下达的目标', count: countOf('APPROVED'), to: '/goals?status=APPROVED' }]
      : []),
    ...(scores
      ? [
          {
            key: 'score',
            title: '指派给我评分的事前绩效评估',
            count: toScore.data?.assignments.length,
            to: '/pre-assessments',
          },
        ]
      : []),
    ...(signsDisbursements
      ? [
          {
            key: 'disbursements',
            title: '待审核的拨款申请',
            count: disbursementQueue.data?.disbursementQueue.totalCount,
            to: '/disbursement-queue',
          },
        ]
      : []),
    ...(filesExecution
      ? [
          {
            key: 'held',
            title: '被暂缓待修改的拨款申请',
            count: unitExecution.data?.disbursementRequests.totalCount,
            to: '/disbursements?status=HELD',
          },
          {
            key: 'overdue',
            title: '逾期未填报的绩效监控',
            count: unitExecution.data?.monitoringWarnings.totalCount,
            to: '/monitoring-warnings?kind=REPORT_OVERDUE',
          },
        ]
      : []),
    ...(can(role, 'Query.verifyStream') ? [{ key: 'audit', title: '查阅绩效目标的记录溯源', to: '/audit' }] : []),
    ...(can(role, 'Query.goalCoverage') ? [{ key: 'dashboards', title: '查看统计分析', to: '/dashboards' }] : []),
  ];

  const covered = useMemo(() => {
    const rows = coverage.data?.goalCoverage ?? [];
    const projects = rows.reduce((sum, row) => sum + row.projects, 0);
    const withGoal = rows.reduce((sum, row) => sum + row.projectsWithApprovedGoal, 0);
    return { projects, withGoal, ratio: projects ? withGoal / projects : null };
  }, [coverage.data]);
  const pie = useMemo(() => statusPieOption(byStatus.slices, true), [byStatus.slices]);
  const review = statistics.data?.reviewStatistics;

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          工作台 · {ROLE_LABELS[role]} · {fiscalYear} 年度
        </Typography.Title>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="待办事项">
          <QueryError error={queue.error ?? toScore.error ?? byStatus.error} />
          <List
            dataSource={todos}
            locale={{ emptyText: '当前角色没有待办事项' }}
            renderItem={(todo) => (
              <List.Item
                key={todo.key}
                data-testid={`todo-${todo.key}`}
                extra={
                  todo.count !== undefined || todo.key === 'queue' || todo.key === 'score' ? (
                    <Badge
                      count={todo.count ?? 0}
                      showZero
                      overflowCount={9999}
                      color={todo.count ? 'red' : 'gray'}
                      aria-label={`${todo.count ?? 0} 项`}
                    />
                  ) : null
                }
              >
                <Link to={todo.to}>{todo.title}</Link>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="本年度概况">
          <Row gutter={[16, 16]}>
            {readsGoals && (
              <Col xs={12} md={6}>
                <Statistic title="绩效目标" value={byStatus.loading ? '—' : byStatus.total} suffix="个" />
              </Col>
            )}
            {review && (
              <>
                <Col xs={12} md={6}>
                  <Statistic title="已审核目标" value={review.goalsReviewed} suffix="个" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="评审通过" value={review.goalsApproved} suffix="个" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="曾被退回" value={review.goalsReturned} suffix="个" />
                </Col>
              </>
            )}
            {coverage.data && covered.ratio !== null && (
              <Col xs={12} md={6}>
                <Statistic
                  title={`目标覆盖率（${covered.withGoal}/${covered.projects} 个项目）`}
                  value={`${(covered.ratio * 100).toFixed(1)}%`}
                />
              </Col>
            )}
            {readsGoals && (
              <Col span={24}>
                {byStatus.total > 0 ? (
                  <Chart label="本年度绩效目标的状态分布" option={pie} height={220} />
                ) : (
                  !byStatus.loading && <Empty description="本年度暂无绩效目标" />
                )}
              </Col>
            )}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
