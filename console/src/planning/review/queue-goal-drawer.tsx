import { Descriptions, Drawer, Table, Typography } from 'antd';
import type { ReviewQueueQuery } from '../../gql/graphql';
import { yuan } from '../../shell/format';
import { label } from '../../shell/labels';
import { StatusTag } from '../../shell/status-tag';
import { GoalReviewActions } from './review-actions';

export type QueueGoal = ReviewQueueQuery['reviewQueue']['nodes'][number];

const target = (i: QueueGoal['indicators'][number]) =>
  i.operator === 'QUALITATIVE'
    ? (i.targetText ?? '—')
    : `${label('IndicatorOperator', i.operator).split(' ')[0] ?? ''} ${i.targetValue ?? ''} ${i.unit}`;

/**
 * A goal of the queue read where the reviewer acts on it: its content, indicators and the review
 * actions. Experts reach goals only through their queue (they are not assigned to units), so this is
 * their view of a goal.
 */
export function QueueGoalDrawer({ goal, onClose }: { goal: QueueGoal | undefined; onClose: () => void }) {
  return (
    <Drawer
      open={Boolean(goal)}
      onClose={onClose}
      width={900}
      title={goal ? `审核：${goal.projectName}` : ''}
      closable={{ 'aria-label': '关闭' }}
    >
      {goal && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="项目">
              {goal.projectName}（{goal.projectCode}）
            </Descriptions.Item>
            <Descriptions.Item label="预算单位">{goal.unit.name}</Descriptions.Item>
            <Descriptions.Item label="金额">{yuan(goal.amount)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={goal.status} label={goal.statusLabel} />
            </Descriptions.Item>
            <Descriptions.Item label="总体目标" span={2}>
              {goal.overallGoal}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            绩效指标
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={goal.indicators}
            columns={[
              {
                title: '一级指标',
                dataIndex: 'level1',
                render: (v: string) => label('IndicatorLevel1', v).split('，')[0],
              },
              { title: '二级指标', dataIndex: 'level2', render: (v: string) => label('IndicatorLevel2', v) },
              { title: '三级指标', dataIndex: 'name' },
              { title: '目标值', key: 'target', render: (_, i) => target(i) },
              { title: '分值', dataIndex: 'points', width: 70 },
              { title: '依据', dataIndex: 'basis', render: (v: string) => label('TargetBasis', v) },
            ]}
          />
          <div style={{ marginTop: 16 }}>
            <GoalReviewActions goal={goal} />
          </div>
        </>
      )}
    </Drawer>
  );
}
