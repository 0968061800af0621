import { Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { daysSince, yuan } from '../../shell/format';
import { QueryError } from '../../shell/errors';
import { useGql } from '../../shell/hooks';
import { useLive } from '../../shell/live';
import { scopeOf } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { QueueGoalDrawer, type QueueGoal } from './queue-goal-drawer';
import { MyReviewQueueChangedDocument, ReviewQueueDocument } from './review-queue.documents';

/** Since when a goal waits: its latest submission; a draft never submitted, since it last changed. */
const waitingSince = (goal: QueueGoal): string => goal.submittedAt ?? goal.updatedAt;

/**
 * 审核待办: the goals waiting for the person, by role (the department's submissions, the joint
 * review's goals, the unit's drafts and returns), the longest-waiting first. It follows the platform
 * live: a goal submitted or reviewed by someone else enters or leaves the list without a reload.
 */
export function ReviewQueuePage() {
  const { role } = currentSession()!.identity;
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const [openId, setOpenId] = useState<string | null>(null);
  const [lastChange, setLastChange] = useState<string | null>(null);
  const queue = useGql(ReviewQueueDocument, { page: { first: pageSize, offset: (page - 1) * pageSize } });
  useLive(MyReviewQueueChangedDocument, {}, true, (data) =>
    setLastChange(
      `${new Date().toLocaleTimeString('zh-CN', { hour12: false })} 待办有变动，现有 ${data.myReviewQueueChanged.totalCount} 项`,
    ),
  );
  const nodes = queue.data?.reviewQueue.nodes ?? [];
  // experts reach a goal through their queue only: the goal page would not find it for them
  const opensGoalPage = scopeOf(role, 'Query.goal') !== undefined && scopeOf(role, 'Query.goal') !== 'ASSIGNED';
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          审核待办 <Badge count={queue.data?.reviewQueue.totalCount ?? 0} showZero overflowCount={9999} />
        </Typography.Title>
      }
      extra={
        <Space>
          <Tag color="blue">实时更新</Tag>
          <Typography.Text type="secondary" role="status" aria-live="polite">
            {lastChange ?? '他人提交或审核后，待办自动刷新'}
          </Typography.Text>
        </Space>
      }
    >
      <QueryError error={queue.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={queue.isLoading}
        dataSource={nodes}
        locale={{ emptyText: '暂无待办' }}
        pagination={{
          current: page,
          pageSize,
          total: queue.data?.reviewQueue.totalCount,
          showTotal: (total) => `共 ${total} 项待办`,
          pageSizeOptions: [20, 50, 100],
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        columns={[
          {
            title: '等待天数',
            key: 'waiting',
            width: 100,
            render: (_, goal) => `${daysSince(waitingSince(goal))} 天`,
          },
          {
            title: '项目',
            key: 'project',
            render: (_, goal) =>
              opensGoalPage ? (
                <Link to={`/goals/${goal.id}`}>{goal.projectName}</Link>
              ) : (
                <Typography.Text>{goal.projectName}</Typography.Text>
              ),
          },
          { title: '预算单位', dataIndex: ['unit', 'name'], width: 200 },
          { title: '金额', dataIndex: 'amount', width: 150, align: 'right', render: yuan },
          { title: '轮次', dataIndex: 'reviewRounds', width: 80, render: (round: number) => `第 ${round} 轮` },
          {
            title: '状态',
            dataIndex: 'status',
            width: 220,
            render: (value: string, goal) => <StatusTag status={value} label={goal.statusLabel} />,
          },
          {
            title: '操作',
            key: 'act',
            width: 100,
            render: (_, goal) => (
              <Button type="link" onClick={() => setOpenId(goal.id)} aria-label={`办理：${goal.projectName}`}>
                办理
              </Button>
            ),
          },
        ]}
      />
      <QueueGoalDrawer goal={nodes.find((goal) => goal.id === openId)} onClose={() => setOpenId(null)} />
    </Card>
  );
}
