import { App, Badge, Card, Descriptions, Space, Typography } from 'antd';
import { lazy, Suspense, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { useLive } from '../../shell/live';
import { can } from '../../shell/policy';
import type { Role } from '../../shell/roles';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { GoalReviewActions } from '../review/review-actions';
import { GoalDetailDocument, GoalStateChangedDocument, type GoalDetail } from './goal.documents';
import { IndicatorTable } from './indicator-table';
import { AdjustmentHistory, ReviewHistory } from './review-history';

// the editor brings the platform's rule functions (and zod): loaded only when someone edits
const GoalEditor = lazy(() => import('./goal-editor'));

/** States in which the unit edits a goal (the decider's EDITABLE_STATUSES, services/planning/src/goal/goal.state.ts). */
const EDITABLE_STATUSES: readonly string[] = ['DRAFT', 'RETURNED'];

/** Whether `role` may edit this goal now: the policy lets it and the goal is a draft or returned. */
const canEditGoal = (role: Role, goal: GoalDetail): boolean =>
  EDITABLE_STATUSES.includes(goal.status) &&
  ['Mutation.addIndicator', 'Mutation.reviseIndicator', 'Mutation.submitDraft'].some((op) => can(role, op));

/** `goal-<id>`: the goal's stream (services/planning/src/goal/goal.state.ts, goalStreamId), for its history. */
const streamOf = (goalId: string) => `goal-${goalId}`;

/**
 * 绩效目标: the goal, its indicators in the three-level framework with the reviewers' comments beside
 * each, the review rounds, adjustments and the actions the person's role and the goal's state allow.
 * Follows the goal live: when someone else acts, the page shows the new state without a reload.
 */
export function GoalPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const goal = useGql(GoalDetailDocument, { id });
  const shown = useRef<string | undefined>(undefined);
  shown.current = goal.data?.goal.status;
  useLive(GoalStateChangedDocument, { goalId: id }, Boolean(goal.data), (data) => {
    const next = data.goalStateChanged.status;
    if (shown.current && next !== shown.current) message.info(`该目标已更新：${label('GoalStatus', next)}`);
  });
  const role = currentSession()?.identity.role;
  if (goal.error) return <QueryError error={goal.error} />;
  const g = goal.data?.goal;
  if (!g || !role) return <Card loading title="绩效目标" />;
  const editable = canEditGoal(role, g);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {g.projectName}
            </Typography.Title>
            <StatusTag status={g.status} label={g.statusLabel} />
            {g.exemplary && <StatusTag status="APPROVED" label="精品样本" />}
          </Space>
        }
        extra={
          <Space>
            <Badge status="processing" text="实时更新" />
            {can(role, 'Query.streamHistory') && <Link to={`/audit/${streamOf(g.id)}`}>查看事件历史</Link>}
          </Space>
        }
      >
        <GoalSummary goal={g} />
      </Card>
      <GoalReviewActions goal={g} />
      {editable ? (
        <Suspense fallback={<Card loading title="编辑绩效指标" />}>
          <GoalEditor goal={g} role={role} />
        </Suspense>
      ) : (
        <Card title="绩效指标">
          <IndicatorTable goal={g} />
        </Card>
      )}
      <ReviewHistory goal={g} />
      <AdjustmentHistory goal={g} />
    </Space>
  );
}

function GoalSummary({ goal: g }: { goal: GoalDetail }) {
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} bordered size="small">
      <Descriptions.Item label="总体目标" span={3}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{g.overallGoal}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label="项目">
        {g.projectId ? <Link to={`/projects/${g.projectId}`}>{g.projectCode}</Link> : g.projectCode}
      </Descriptions.Item>
      <Descriptions.Item label="预算单位">
        <Link to={`/units/${g.unit.id}`}>{g.unit.name}</Link>
      </Descriptions.Item>
      <Descriptions.Item label="预算年度">{g.fiscalYear}</Descriptions.Item>
      <Descriptions.Item label="目标期限">{label('GoalTerm', g.term)}</Descriptions.Item>
      <Descriptions.Item label="资金金额">{yuan(g.amount)}</Descriptions.Item>
      <Descriptions.Item label="审核轮次">
        {g.reviewRounds === 0 ? '未提交' : `第 ${g.reviewRounds} 轮`}
      </Descriptions.Item>
      <Descriptions.Item label="审核流程">
        {g.departmentReview ? '主管部门审核 → 财政联审' : '财政联审'}
      </Descriptions.Item>
      <Descriptions.Item label="规则配置">
        {g.ruleProfile ? `${g.ruleProfile.profileId}（第 ${g.ruleProfile.version} 版）` : '提交时确定'}
      </Descriptions.Item>
      <Descriptions.Item label="调整次数">{g.adjustmentCount}</Descriptions.Item>
      {g.budgetDocument && <Descriptions.Item label="预算批复文号">{g.budgetDocument}</Descriptions.Item>}
      {g.issuedAmount && <Descriptions.Item label="下达金额">{yuan(g.issuedAmount)}</Descriptions.Item>}
      {g.copiedFromGoalId && (
        <Descriptions.Item label="复制自精品样本">
          <Link to={`/goals/${g.copiedFromGoalId}`}>查看样本</Link>
        </Descriptions.Item>
      )}
      {g.exemplary && <Descriptions.Item label="评为样本理由">{g.exemplaryReason ?? '—'}</Descriptions.Item>}
      <Descriptions.Item label="建立时间">{when(g.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="最近提交">{when(g.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label="最近更新">{when(g.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}
