import { Badge, Card, Col, List, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { graphql } from '../gql';
import { useGql } from '../shell/hooks';
import { can } from '../shell/policy';
import { currentSession } from '../shell/session';
import { ROLE_LABELS } from '../shell/roles';
import { useFiscalYear } from '../shell/year';

const GoalCountQuery = graphql(`
  query GoalCount($filter: GoalFilter) {
    goals(filter: $filter, page: { first: 1 }) {
      totalCount
    }
  }
`);

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

interface Todo {
  key: string;
  title: string;
  count: number | undefined;
  to: string;
}

/** 工作台: what waits for this person (待办), with counts, and the year's figures. */
export function HomePage() {
  const session = currentSession()!;
  const { role, userId } = session.identity;
  const fiscalYear = useFiscalYear();
  const writesGoals = can(role, 'Mutation.submitGoal');
  const reviews = can(role, 'Query.reviewQueue');
  const scores = can(role, 'Mutation.giveScore');
  const drafts = useGql(GoalCountQuery, { filter: { fiscalYear, status: 'DRAFT' } }, { enabled: writesGoals });
  const returned = useGql(GoalCountQuery, { filter: { fiscalYear, status: 'RETURNED' } }, { enabled: writesGoals });
  const queue = useGql(ReviewQueueCountQuery, {}, { enabled: reviews });
  const toScore = useGql(MyAssignmentsQuery, { userId }, { enabled: scores });
  const all = useGql(GoalCountQuery, { filter: { fiscalYear } }, { enabled: can(role, 'Query.goals') });
  const statistics = useGql(ReviewStatisticsQuery, { fiscalYear }, { enabled: can(role, 'Query.reviewStatistics') });

  const todos: Todo[] = [
    ...(writesGoals
      ? [
          {
            key: 'drafts',
            title: '待提交的绩效目标草稿',
            count: drafts.data?.goals.totalCount,
            to: '/goals?status=DRAFT',
          },
          {
            key: 'returned',
            title: '被退回待修改的绩效目标',
            count: returned.data?.goals.totalCount,
            to: '/goals?status=RETURNED',
          },
        ]
      : []),
    ...(reviews
      ? [{ key: 'queue', title: '待审核的绩效目标', count: queue.data?.reviewQueue.totalCount, to: '/review-queue' }]
      : []),
    ...(scores
      ? [
          {
            key: 'score',
            title: '待评分的事前绩效评估',
            count: toScore.data?.assignments.length,
            to: '/pre-assessments',
          },
        ]
      : []),
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          工作台 · {ROLE_LABELS[role]} · {fiscalYear} 年度
        </Typography.Title>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="待办事项">
          <List
            dataSource={todos}
            locale={{ emptyText: '当前角色没有待办事项' }}
            renderItem={(todo) => (
              <List.Item
                key={todo.key}
                extra={
                  <Badge count={todo.count ?? 0} showZero overflowCount={9999} color={todo.count ? 'red' : 'gray'} />
                }
              >
                <Link to={todo.to}>{todo.title}</Link>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="本年度概况">
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title="绩效目标" value={all.data?.goals.totalCount ?? '—'} suffix="个" />
            </Col>
            {statistics.data && (
              <>
                <Col span={12}>
                  <Statistic title="已评审目标" value={statistics.data.reviewStatistics.goalsReviewed} suffix="个" />
                </Col>
                <Col span={12}>
                  <Statistic title="评审通过" value={statistics.data.reviewStatistics.goalsApproved} suffix="个" />
                </Col>
                <Col span={12}>
                  <Statistic title="退回修改" value={statistics.data.reviewStatistics.goalsReturned} suffix="次" />
                </Col>
              </>
            )}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
