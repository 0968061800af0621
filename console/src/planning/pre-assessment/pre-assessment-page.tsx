import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { graphql } from '../../gql';
import type { PreAssessmentConclusion, PreAssessmentDimension } from '../../gql/graphql';
import { commandId, gql, type GqlError } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { when } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { showIssues } from '../projects/form-issues';
import { provisional } from './scoring';

const PreAssessmentQuery = graphql(`
  query PreAssessment($id: ID!) {
    preAssessment(id: $id) {
      id
      subject
      projectId
      policyName
      fiscalYear
      status
      passMark
      total
      passed
      conclusion
      report
      version
      scorerIds
      ruleProfile {
        profileId
        version
      }
      unit {
        id
        name
      }
      dimensions {
        dimension
        maxPoints
        score
      }
      scores {
        eventId
        scorerId
        scorerRole
        dimension
        points
        reason
        scoredAt
      }
    }
  }
`);

const PreAssessedProjectQuery = graphql(`
  query PreAssessedProject($id: ID!) {
    project(id: $id) {
      id
      code
      name
    }
  }
`);

const GiveScoreMutation = graphql(`
  mutation GiveScore($input: GiveScoreInput!) {
    giveScore(input: $input) {
      id
      version
    }
  }
`);

const ConcludePreAssessmentMutation = graphql(`
  mutation ConcludePreAssessment($input: ConcludePreAssessmentInput!) {
    concludePreAssessment(input: $input) {
      id
      status
      total
      conclusion
    }
  }
`);

const AssignScorerMutation = graphql(`
  mutation AssignPreAssessmentScorer($input: PreAssessmentScorerInput!) {
    assignPreAssessmentScorer(input: $input) {
      id
      scorerIds
    }
  }
`);

const RevokeScorerMutation = graphql(`
  mutation RevokePreAssessmentScorer($input: PreAssessmentScorerInput!) {
    revokePreAssessmentScorer(input: $input) {
      id
      scorerIds
    }
  }
`);

type Dimension = { dimension: PreAssessmentDimension; maxPoints: number; score?: number | null };
type ScoreValues = Record<string, { points?: number; reason?: string }>;

/** 事前绩效评估: the five dimensions, the scores given, the scorers, and — by role — scoring or the conclusion. */
export function PreAssessmentPage() {
  const { id = '' } = useParams();
  const { role, userId } = currentSession()!.identity;
  const assessment = useGql(PreAssessmentQuery, { id });
  const a = assessment.data?.preAssessment;
  const { means, total } = a
    ? provisional(
        a.dimensions.map((d) => d.dimension),
        a.scores,
      )
    : { means: {}, total: null };
  // a scorer reads the assessment assigned to them, not the project's record
  const readsProject = !!a?.projectId && !can(role, 'Mutation.giveScore') && can(role, 'Query.project');
  const project = useGql(PreAssessedProjectQuery, { id: a?.projectId ?? '' }, { enabled: readsProject });
  if (assessment.error) return <QueryError error={assessment.error} />;
  const isOpen = a?.status === 'OPEN';
  const myScores = a?.scores.filter((s) => s.scorerId === userId) ?? [];
  const scoresHere = isOpen && can(role, 'Mutation.giveScore') && !!a?.scorerIds.includes(userId);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        loading={assessment.isLoading}
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            事前绩效评估
          </Typography.Title>
        }
        extra={a && <StatusTag status={a.status} label={label('PreAssessmentStatus', a.status)} />}
      >
        {a && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label="评估对象">
                {a.subject === 'POLICY' ? (
                  `政策：${a.policyName ?? '—'}`
                ) : readsProject ? (
                  <Link to={`/projects/${a.projectId}`}>
                    {project.data ? `${project.data.project.name}（${project.data.project.code}）` : '查看项目'}
                  </Link>
                ) : (
                  '项目'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="申报单位">{a.unit.name}</Descriptions.Item>
              <Descriptions.Item label="预算年度">{a.fiscalYear}</Descriptions.Item>
              <Descriptions.Item label="规则配置">
                {a.ruleProfile.profileId}（第 {a.ruleProfile.version} 版）
              </Descriptions.Item>
              {a.conclusion && (
                <Descriptions.Item label="结论">
                  <StatusTag status={a.conclusion} label={label('PreAssessmentConclusion', a.conclusion)} />
                </Descriptions.Item>
              )}
              {a.report && <Descriptions.Item label="评估报告">{a.report}</Descriptions.Item>}
            </Descriptions>
            <Space size="large" wrap>
              <Statistic title="通过分数线" value={a.passMark} suffix="分" />
              <Statistic
                title={a.total === null || a.total === undefined ? '当前总分（按已给分数计算）' : '总分'}
                value={a.total ?? total ?? '尚有维度未评分'}
                suffix={(a.total ?? total) === null ? undefined : '分'}
              />
              {a.passed !== null && a.passed !== undefined && (
                <Statistic title="是否达线" value={a.passed ? '达到通过分数线' : '未达通过分数线'} />
              )}
            </Space>
          </Space>
        )}
      </Card>

      {a && (
        <Card title="评分维度">
          <Table
            rowKey="dimension"
            size="small"
            pagination={false}
            dataSource={a.dimensions}
            columns={[
              {
                title: '维度',
                dataIndex: 'dimension',
                render: (d: string) => label('PreAssessmentDimension', d),
              },
              { title: '满分', dataIndex: 'maxPoints' },
              {
                title: '得分（各评分人平均）',
                dataIndex: 'score',
                render: (score: number | null, d) => score ?? means[d.dimension] ?? '—',
              },
              {
                title: '已评分人数',
                key: 'count',
                render: (_: unknown, d) => a.scores.filter((s) => s.dimension === d.dimension).length,
              },
            ]}
          />
        </Card>
      )}

      {a && scoresHere && (
        <ScoreForm assessmentId={a.id} dimensions={a.dimensions} scored={new Set(myScores.map((s) => s.dimension))} />
      )}

      {a && isOpen && can(role, 'Mutation.concludePreAssessment') && (
        <ConclusionForm assessmentId={a.id} version={a.version} passMark={a.passMark} total={total} />
      )}

      {a && <Scorers assessmentId={a.id} scorerIds={a.scorerIds} open={isOpen} />}

      {a && (
        <Card title="评分记录">
          <Table
            rowKey="eventId"
            size="small"
            pagination={false}
            dataSource={a.scores}
            locale={{ emptyText: '尚无评分' }}
            columns={[
              { title: '评分人', dataIndex: 'scorerId' },
              { title: '评分方', dataIndex: 'scorerRole', render: (r: string) => label('ScorerRole', r) },
              {
                title: '维度',
                dataIndex: 'dimension',
                render: (d: string) => label('PreAssessmentDimension', d),
              },
              { title: '分数', dataIndex: 'points' },
              { title: '评分理由', dataIndex: 'reason' },
              { title: '评分时间', dataIndex: 'scoredAt', render: when },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/** The expert's form: each dimension not yet scored by them, at most its maximum from the rule profile, with a reason. */
function ScoreForm({
  assessmentId,
  dimensions,
  scored,
}: {
  assessmentId: string;
  dimensions: Dimension[];
  scored: Set<string>;
}) {
  const [form] = Form.useForm<ScoreValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const open = dimensions.filter((d) => !scored.has(d.dimension));
  if (open.length === 0) {
    return (
      <Card title="我的评分">
        <Alert type="success" showIcon message="您已对全部维度评分" />
      </Card>
    );
  }
  // one giveScore per dimension (a scorer scores a dimension once); the first refusal stops the rest
  const submit = async (values: ScoreValues) => {
    setFailure(null);
    setPending(true);
    let given = 0;
    for (const d of open) {
      const value = values[d.dimension];
      if (value?.points === undefined || value.points === null) continue;
      try {
        await gql(GiveScoreMutation, {
          input: {
            preAssessmentId: assessmentId,
            dimension: d.dimension,
            points: value.points,
            reason: (value.reason ?? '').trim(),
            commandId: commandId(),
          },
        });
        given += 1;
      } catch (error) {
        const issue = (error as GqlError).issues?.[0];
        const why = issue?.zh ?? (error as GqlError).message;
        form.setFields([{ name: [d.dimension, issue?.path === 'reason' ? 'reason' : 'points'], errors: [why] }]);
        setFailure(`「${label('PreAssessmentDimension', d.dimension)}」的评分未被接受：${why}`);
        break;
      }
    }
    setPending(false);
    if (given > 0) message.success(`已提交 ${given} 个维度的评分`);
    await client.invalidateQueries();
  };
  return (
    <Card title="我的评分">
      <Form<ScoreValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
        {open.map((d) => {
          const name = label('PreAssessmentDimension', d.dimension);
          return (
            <Space key={d.dimension} align="start" wrap style={{ width: '100%' }}>
              <Form.Item
                name={[d.dimension, 'points']}
                label={`${name}（满分 ${d.maxPoints} 分）`}
                rules={[
                  { required: true, message: `请给「${name}」评分` },
                  {
                    type: 'number',
                    min: 0,
                    max: d.maxPoints,
                    message: `「${name}」满分 ${d.maxPoints} 分，应在 0–${d.maxPoints} 之间`,
                  },
                ]}
                style={{ width: 240 }}
              >
                <InputNumber aria-label={`${name}得分`} step={0.5} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name={[d.dimension, 'reason']}
                label={`${name}评分理由`}
                rules={[{ required: true, whitespace: true, message: '请说明评分理由' }]}
                style={{ minWidth: 420 }}
              >
                <Input aria-label={`${name}评分理由`} />
              </Form.Item>
            </Space>
          );
        })}
        <Button type="primary" htmlType="submit" loading={pending}>
          提交评分
        </Button>
      </Form>
    </Card>
  );
}

/** The performance section's conclusion; below the pass mark only 不予支持 — the platform decides and says so. */
function ConclusionForm({
  assessmentId,
  version,
  passMark,
  total,
}: {
  assessmentId: string;
  version: number;
  passMark: number;
  total: number | null;
}) {
  const [form] = Form.useForm<{ conclusion: PreAssessmentConclusion; report: string }>();
  const conclude = useCommand(ConcludePreAssessmentMutation, '评估结论已出具');
  const below = total !== null && total < passMark;
  return (
    <Card title="出具评估结论">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>
          通过分数线 <Typography.Text strong>{passMark}</Typography.Text> 分；当前总分{' '}
          <Typography.Text strong>{total ?? '—（尚有维度未评分）'}</Typography.Text>
          {total !== null && ' 分'}
          {below && '，低于通过分数线，结论只能为「不予支持」'}。
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            conclude
              .mutateAsync({
                input: {
                  preAssessmentId: assessmentId,
                  conclusion: values.conclusion,
                  report: values.report.trim(),
                  expectedVersion: version,
                  commandId: commandId(),
                },
              })
              .catch((error: unknown) => showIssues(form, error))
          }
        >
          <Form.Item
            name="conclusion"
            label="结论"
            rules={[
              { required: true, message: '请选择结论' },
              {
                warningOnly: true,
                validator: (_, value: string | undefined) =>
                  below && value && value !== 'REJECT'
                    ? Promise.reject(new Error(`总分 ${total} 分低于通过分数线 ${passMark} 分，平台将不予接受`))
                    : Promise.resolve(),
              },
            ]}
          >
            <Radio.Group aria-label="结论" options={optionsOf('PreAssessmentConclusion')} />
          </Form.Item>
          <Form.Item
            name="report"
            label="评估报告"
            rules={[{ required: true, whitespace: true, message: '请填写评估报告' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={conclude.isPending}>
            出具结论
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

/** Who scores now; the performance section assigns or withdraws a scorer, with a reason for the audit trail. */
function Scorers({ assessmentId, scorerIds, open }: { assessmentId: string; scorerIds: string[]; open: boolean }) {
  const { role } = currentSession()!.identity;
  const [assignForm] = Form.useForm<{ userId: string; reason: string }>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const [revoking, setRevoking] = useState<string | null>(null);
  const assign = useCommand(AssignScorerMutation, '已指派评分人', () => assignForm.resetFields());
  const revoke = useCommand(RevokeScorerMutation, '已撤销评分人', () => setRevoking(null));
  const mayRevoke = open && can(role, 'Mutation.revokePreAssessmentScorer');
  return (
    <Card title="评分人">
      <Space wrap style={{ marginBottom: 16 }}>
        {scorerIds.length === 0 && <Typography.Text type="secondary">当前无评分人</Typography.Text>}
        {scorerIds.map((scorer) => (
          <Tag key={scorer} style={{ fontSize: 14, padding: '4px 8px' }}>
            {scorer}
            {mayRevoke && (
              <Button type="link" size="small" onClick={() => setRevoking(scorer)}>
                撤销
              </Button>
            )}
          </Tag>
        ))}
      </Space>
      {open && can(role, 'Mutation.assignPreAssessmentScorer') && (
        <Form
          form={assignForm}
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(values) =>
            assign
              .mutateAsync({
                input: {
                  preAssessmentId: assessmentId,
                  userId: values.userId.trim(),
                  reason: values.reason.trim(),
                  commandId: commandId(),
                },
              })
              .catch((error: unknown) => showIssues(assignForm, error))
          }
        >
          <Form.Item
            name="userId"
            label="评分人用户名"
            rules={[{ required: true, whitespace: true, message: '请填写评分人用户名' }]}
          >
            <Input placeholder="如 expert.011" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="指派理由"
            rules={[{ required: true, whitespace: true, message: '请说明指派理由' }]}
          >
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={assign.isPending}>
              指派评分人
            </Button>
          </Form.Item>
        </Form>
      )}
      <Modal
        title={`撤销评分人 ${revoking ?? ''}`}
        open={revoking !== null}
        okText="撤销"
        cancelText="取消"
        confirmLoading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onOk={() => revokeForm.submit()}
        destroyOnHidden
      >
        <Form
          form={revokeForm}
          layout="vertical"
          onFinish={(values) =>
            revoking &&
            revoke.mutate({
              input: {
                preAssessmentId: assessmentId,
                userId: revoking,
                reason: values.reason.trim(),
                commandId: commandId(),
              },
            })
          }
        >
          <Form.Item
            name="reason"
            label="撤销理由（记入审计轨迹）"
            rules={[{ required: true, whitespace: true, message: '请说明撤销理由' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
