import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { daysSince, when } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { DocumentsTable } from '../../execution/disbursement/documents-field';
import { GradeTag } from '../self-evaluation/score-sheet';
import { AssignForm } from './assign-form';
import { EvidencePanel } from './evidence-panel';
import { KeyEvaluationQuery, NotifyKeyEvaluationResultsMutation } from './key-evaluation.documents';
import { ReportsPanel } from './reports-panel';
import { ScoresPanel } from './scores-panel';

/**
 * 评价工作台: one key (or department) evaluation — its assignment and split, the evidence, the
 * scores per dimension and indicator, report versions with feedback and answers, and the final
 * result. The assigned evaluator works here; the evaluated unit gives its feedback; the bureau
 * notifies the results.
 */
export function KeyEvaluationWorkspacePage() {
  const { id = '' } = useParams();
  const { role, unitId } = currentSession()!.identity;
  const evaluation = useGql(KeyEvaluationQuery, { id });
  const notify = useCommand(NotifyKeyEvaluationResultsMutation, '评价结果已通知被评价单位');
  if (evaluation.error) return <QueryError error={evaluation.error} />;
  const e = evaluation.data?.keyEvaluation;
  if (!e) return <Card loading />;
  const evaluates = !!e.evaluatorId && e.evaluatorId === unitId && can(role, 'Mutation.recordEvaluationEvidence');
  const working = evaluates && !e.final;
  // an invited expert (the platform shows an expert only the evaluations invited to) scores from fieldwork to the final report
  const expertScoring =
    role === 'EXPERT' &&
    can(role, 'Mutation.giveExpertEvaluationScores') &&
    ['FIELDWORK', 'DRAFT_REPORT', 'UNIT_FEEDBACK'].includes(e.stage);
  const givesFeedback = role === 'BUDGET_UNIT' && e.unitId === unitId && can(role, 'Mutation.giveEvaluationFeedback');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            评价工作台：{e.subject}
          </Typography.Title>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="评价类型">
            {label('KeyEvaluationKind', e.kind)} · {label('KeyEvaluationObject', e.object)}
          </Descriptions.Item>
          <Descriptions.Item label="阶段">
            <StatusTag of="KeyEvaluationStage" status={e.stage} />（{daysSince(e.stageEnteredAt)} 天）
          </Descriptions.Item>
          <Descriptions.Item label="年度">{e.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label="委托合同">{e.contractNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="委托范围" span={2}>
            {e.assignmentScope ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="维度分值" span={3}>
            {e.split.map((s) => `${label('EvaluationDimension', s.dimension)} ${s.points}`).join(' · ')}
          </Descriptions.Item>
        </Descriptions>
        {e.stage === 'PLANNED' && can(role, 'Mutation.assignKeyEvaluation') && <AssignForm evaluation={e} />}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'evidence',
              label: `评价证据（${e.evidence.length}）`,
              children: <EvidencePanel evaluation={e} records={working} />,
            },
            {
              key: 'scores',
              label: `评分（${e.scores.length}）`,
              children: <ScoresPanel evaluation={e} scores={working || expertScoring} expert={expertScoring} />,
            },
            {
              key: 'reports',
              label: `报告与意见（${e.reports.length} 版）`,
              children: <ReportsPanel evaluation={e} rights={{ evaluates: working, givesFeedback }} />,
            },
            {
              key: 'result',
              label: '评价结果',
              children: e.final ? (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Table
                    rowKey="dimension"
                    size="small"
                    pagination={false}
                    aria-label="各维度得分"
                    dataSource={e.final.dimensions}
                    columns={[
                      {
                        title: '一级维度',
                        dataIndex: 'dimension',
                        render: (d: string) => label('EvaluationDimension', d),
                      },
                      { title: '分值', dataIndex: 'maxPoints', align: 'right' as const },
                      { title: '得分', dataIndex: 'awarded', align: 'right' as const },
                    ]}
                  />
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    总分 {e.final.total.toFixed(2)} <GradeTag grade={e.final.grade} />
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    评定规则 {e.final.ruleProfile} · 提交于 {when(e.final.finalizedAt)}
                    {e.notifiedAt ? ` · 已于 ${when(e.notifiedAt)} 通知被评价单位` : ''}
                  </Typography.Text>
                  <DocumentsTable documents={[e.final.report]} />
                  {!e.notifiedAt && can(role, 'Mutation.notifyKeyEvaluationResults') && (
                    <Button
                      type="primary"
                      loading={notify.isPending}
                      onClick={() => notify.mutate({ input: { commandId: commandId(), evaluationId: e.id } })}
                    >
                      通知评价结果
                    </Button>
                  )}
                </Space>
              ) : (
                <Alert type="info" showIcon message="正式报告提交后，得分与等级由平台按规则计算" />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
