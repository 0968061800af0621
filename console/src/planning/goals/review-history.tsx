import { Card, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { when, yuan } from '../../shell/format';
import { label } from '../../shell/labels';
import { ROLE_LABELS, type Role } from '../../shell/roles';
import type { GoalDetail } from './goal.documents';

type Comments = GoalDetail['reviews'][number]['indicatorComments'];

const resultTag = (result: string) => (
  <Tag color={result === 'APPROVE' ? 'success' : 'warning'}>{label('ReviewResult', result)}</Tag>
);

/** 审核记录: per round, the joint-review opinions and the review decisions, with their per-indicator comments. */
export function ReviewHistory({ goal }: { goal: GoalDetail }) {
  const names = new Map(goal.indicators.map((i) => [i.id, i.name]));
  const rounds = [...new Set([...goal.reviews.map((r) => r.round), ...goal.opinions.map((o) => o.round)])].sort(
    (a, b) => b - a,
  );
  const comments = (list: Comments) =>
    list.map((c) => (
      <Typography.Text key={c.indicatorId} type="secondary" style={{ display: 'block' }}>
        「{names.get(c.indicatorId) ?? '已删除的指标'}」：{c.comment}
      </Typography.Text>
    ));
  return (
    <Card title="审核记录">
      {rounds.length === 0 && <Empty description="尚未提交审核" />}
      {rounds.map((round) => {
        const items = [
          ...goal.opinions
            .filter((o) => o.round === round)
            .map((o) => ({
              at: o.recordedAt,
              key: o.eventId,
              children: (
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <strong>联审意见 · {label('JointReviewerRole', o.reviewerRole)}</strong>
                    {resultTag(o.opinion)}
                    <Typography.Text type="secondary">{when(o.recordedAt)}</Typography.Text>
                  </Space>
                  {o.comment && <span>{o.comment}</span>}
                  {comments(o.indicatorComments)}
                </Space>
              ),
            })),
          ...goal.reviews
            .filter((r) => r.round === round)
            .map((r) => ({
              at: r.reviewedAt,
              key: r.eventId,
              children: (
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <strong>
                      {label('ReviewStage', r.stage)} · {ROLE_LABELS[r.reviewerRole as Role] ?? r.reviewerRole}
                    </strong>
                    {resultTag(r.result)}
                    <Typography.Text type="secondary">{when(r.reviewedAt)}</Typography.Text>
                  </Space>
                  {r.comment && <span>{r.comment}</span>}
                  {comments(r.indicatorComments)}
                </Space>
              ),
            })),
        ].sort((a, b) => a.at.localeCompare(b.at));
        return (
          <section key={round} aria-label={`第 ${round} 轮审核`}>
            <Typography.Title level={3} style={{ fontSize: 15 }}>
              第 {round} 轮审核
            </Typography.Title>
            <Timeline items={items.map(({ key, children }) => ({ key, children }))} />
          </section>
        );
      })}
    </Card>
  );
}

/** 调整记录: adjustments made through budget adjustments, once issued. */
export function AdjustmentHistory({ goal }: { goal: GoalDetail }) {
  if (goal.adjustments.length === 0) return null;
  return (
    <Card title={`调整记录（共 ${goal.adjustmentCount} 次）`}>
      <Table
        rowKey="eventId"
        size="small"
        pagination={false}
        dataSource={goal.adjustments}
        columns={[
          { title: '次数', dataIndex: 'adjustmentCount', width: 70 },
          { title: '预算调整文号', dataIndex: 'budgetAdjustmentRef', width: 200 },
          { title: '调整原因', dataIndex: 'reason' },
          { title: '调整后金额', dataIndex: 'amount', width: 160, align: 'right', render: yuan },
          { title: '调整时间', dataIndex: 'adjustedAt', width: 160, render: when },
        ]}
      />
    </Card>
  );
}
