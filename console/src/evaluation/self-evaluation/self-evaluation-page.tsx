import { Alert, Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { SelfEvaluationFillForm } from './fill-form';
import { ReviewCard } from './review-card';
import { ScoreSheet } from './score-sheet';
import { SelfEvaluationQuery } from './self-evaluation.documents';

const STAGES: Record<string, string> = { DEPARTMENT: '主管部门审核', SPOT_CHECK: '财政抽查' };

/**
 * 单位自评: one task — the unit fills it (issued or returned), the department reviews it, the bureau
 * spot-checks it if drawn; everyone else reads the recorded sheet with each line's formula and the
 * reviews so far.
 */
export function SelfEvaluationPage() {
  const { id = '' } = useParams();
  const { role } = currentSession()!.identity;
  const evaluation = useGql(SelfEvaluationQuery, { id });
  if (evaluation.error) return <QueryError error={evaluation.error} />;
  const e = evaluation.data?.selfEvaluation;
  if (!e) return <Card loading />;
  const fills = can(role, 'Mutation.submitSelfEvaluation') && (e.status === 'ISSUED' || e.status === 'RETURNED');
  const returned = [...e.reviews].reverse().find((r) => r.decision === 'RETURN' && e.status === 'RETURNED');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {e.fiscalYear} 年度绩效自评：{e.name}
          </Typography.Title>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="自评对象">{label('SelfEvaluationObject', e.object)}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag of="SelfEvaluationStatus" status={e.status} />
          </Descriptions.Item>
          <Descriptions.Item label="填报截止">
            {e.dueDate}
            {e.overdue ? '（逾期未填报）' : e.late ? '（逾期提交）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="提交次数">{e.submission}</Descriptions.Item>
          <Descriptions.Item label="最近提交">{when(e.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label="财政抽查">
            {e.drawn === null || e.drawn === undefined ? '尚未抽样' : e.drawn ? '抽中' : '未抽中'}
          </Descriptions.Item>
          {e.ruleProfile && (
            <Descriptions.Item label="计分规则">
              {e.ruleProfile.profileId} v{e.ruleProfile.version}
            </Descriptions.Item>
          )}
          {e.acceptedBasis && (
            <Descriptions.Item label="认定依据">
              {label('SelfEvaluationAcceptanceBasis', e.acceptedBasis)}
            </Descriptions.Item>
          )}
          {e.executed && (
            <Descriptions.Item label="预算 / 执行">
              {yuan(e.budget)} / {yuan(e.executed)}
            </Descriptions.Item>
          )}
        </Descriptions>
        {returned && (
          <Alert
            type="warning"
            showIcon
            message={`已退回（${STAGES[returned.stage] ?? returned.stage}）`}
            description={returned.comment}
          />
        )}
      </Card>
      {fills ? (
        <SelfEvaluationFillForm evaluation={e} />
      ) : (
        <Card size="small" title="自评得分表">
          {e.total === null || e.total === undefined || !e.budgetExecution ? (
            <Empty description="尚未填报" />
          ) : (
            <ScoreSheet sheet={{ ...e, budgetExecution: e.budgetExecution, total: e.total, grade: e.grade ?? '' }} />
          )}
        </Card>
      )}
      <ReviewCard evaluation={e} />
      {e.reviews.length > 0 && (
        <Card size="small" title="审核与抽查记录">
          <Table
            rowKey={(r) => `${r.stage}-${r.submission}-${r.decidedAt}`}
            size="small"
            pagination={false}
            dataSource={e.reviews}
            columns={[
              { title: '环节', dataIndex: 'stage', width: 140, render: (stage: string) => STAGES[stage] ?? stage },
              { title: '第几次提交', dataIndex: 'submission', width: 100 },
              {
                title: '结论',
                dataIndex: 'decision',
                width: 100,
                render: (d: string) => <StatusTag of="SelfEvaluationDecision" status={d} />,
              },
              { title: '意见', dataIndex: 'comment' },
              { title: '时间', dataIndex: 'decidedAt', width: 150, render: when },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
