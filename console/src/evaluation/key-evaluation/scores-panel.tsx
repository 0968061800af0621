import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography, type FormInstance } from 'antd';
import type { KeyEvaluationQuery } from '../../gql/graphql';
import { commandId, GqlError } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { GiveEvaluationScoresMutation, GiveExpertEvaluationScoresMutation } from './key-evaluation.documents';

type Evaluation = KeyEvaluationQuery['keyEvaluation'];

interface ScoreRow {
  dimension?: string;
  indicator?: string;
  maxPoints?: number;
  points?: number;
  reason?: string;
}

/** Hundredths summed as integers, shown to two places (sums of points like 13.5 + 17). */
const sum = (values: number[]): string => (values.reduce((a, v) => a + Math.round(v * 100), 0) / 100).toFixed(2);

/**
 * 评分: the split in force per dimension with the indicators scored so far (maximum and points, the
 * reason for any deduction), and a sheet where the evaluator scores more — a rescored indicator
 * replaces the earlier one; the platform checks points against the maximum and the dimension's share.
 * An invited expert scores on the same sheet (`expert`): beside the evaluator's, never in the total;
 * the experts' scores are listed under the dimensions.
 */
export function ScoresPanel({
  evaluation,
  scores,
  expert = false,
}: {
  evaluation: Evaluation;
  scores: boolean;
  expert?: boolean;
}) {
  const [form] = Form.useForm<{ rows: ScoreRow[] }>();
  const byEvaluator = useCommand(GiveEvaluationScoresMutation, '评分已记录', () => form.resetFields());
  const byExpert = useCommand(GiveExpertEvaluationScoresMutation, '专家评分已记录', () => form.resetFields());
  const give = expert ? byExpert : byEvaluator;
  const send = ({ rows }: { rows: ScoreRow[] }) =>
    give
      .mutateAsync({
        input: {
          commandId: commandId(),
          evaluationId: evaluation.id,
          scores: rows.map((row) => ({
            dimension: row.dimension ?? '',
            indicator: row.indicator?.trim() ?? '',
            maxPoints: row.maxPoints ?? 0,
            points: row.points ?? 0,
            reason: row.reason?.trim() || null,
          })),
        },
      })
      .catch((error: unknown) => {
        if (!(error instanceof GqlError)) return;
        // the platform names `scores.<i>.<field>`: the sheet's row i
        (form as FormInstance).setFields(
          error.issues.flatMap((issue) => {
            const at = /^scores\.(\d+)\.(\w+)$/.exec(issue.path);
            return at ? [{ name: ['rows', Number(at[1]), at[2]], errors: [issue.zh] }] : [];
          }),
        );
      });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="dimension"
        size="small"
        pagination={false}
        aria-label="各维度得分"
        dataSource={evaluation.split}
        columns={[
          {
            title: '一级维度',
            dataIndex: 'dimension',
            width: 110,
            render: (d: string) => label('EvaluationDimension', d),
          },
          { title: '分值', dataIndex: 'points', width: 80, align: 'right' as const },
          {
            title: '已评指标',
            key: 'indicators',
            render: (_, share) => {
              const own = evaluation.scores.filter((s) => s.dimension === share.dimension);
              if (own.length === 0) return <Typography.Text type="secondary">尚未评分</Typography.Text>;
              return (
                <Space direction="vertical" size={0}>
                  {own.map((s) => (
                    <Typography.Text key={s.indicator}>
                      {s.indicator}：{s.points} / {s.maxPoints}
                      {s.reason ? `（${s.reason}）` : ''}
                    </Typography.Text>
                  ))}
                </Space>
              );
            },
          },
          {
            title: '满分合计 / 得分合计',
            key: 'sum',
            width: 170,
            align: 'right' as const,
            render: (_, share) => {
              const own = evaluation.scores.filter((s) => s.dimension === share.dimension);
              return `${sum(own.map((s) => s.maxPoints))} / ${sum(own.map((s) => s.points))}`;
            },
          },
        ]}
      />
      {evaluation.expertScores.length > 0 && (
        <Table
          rowKey={(s) => `${s.expertId}/${s.dimension}/${s.indicator}`}
          size="small"
          pagination={false}
          aria-label="专家评分"
          title={() => '受邀专家评分（供参考，不计入总分）'}
          dataSource={evaluation.expertScores}
          columns={[
            { title: '专家', dataIndex: 'expertId', width: 120 },
            {
              title: '一级维度',
              dataIndex: 'dimension',
              width: 110,
              render: (d: string) => label('EvaluationDimension', d),
            },
            { title: '指标', dataIndex: 'indicator' },
            {
              title: '得分 / 满分',
              key: 'points',
              width: 120,
              align: 'right' as const,
              render: (_, s) => `${s.points} / ${s.maxPoints}`,
            },
            { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '' },
          ]}
        />
      )}
      {scores && (
        <Card size="small" title={expert ? '专家按指标评分（不计入总分）' : '按指标打分'}>
          <Form<{ rows: ScoreRow[] }> form={form} onFinish={send} initialValues={{ rows: [{}] }}>
            <Form.List name="rows">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} wrap align="start">
                      <Form.Item name={[field.name, 'dimension']} rules={[{ required: true, message: '请选择维度' }]}>
                        <Select
                          aria-label={`第 ${field.name + 1} 行维度`}
                          placeholder="一级维度"
                          style={{ width: 120 }}
                          options={optionsOf('EvaluationDimension')}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'indicator']}
                        rules={[{ required: true, whitespace: true, message: '请填写指标' }]}
                      >
                        <Input aria-label={`第 ${field.name + 1} 行指标`} placeholder="指标" style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'maxPoints']} rules={[{ required: true, message: '请填写满分' }]}>
                        <InputNumber aria-label={`第 ${field.name + 1} 行满分`} placeholder="满分" min={0} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'points']} rules={[{ required: true, message: '请填写得分' }]}>
                        <InputNumber aria-label={`第 ${field.name + 1} 行得分`} placeholder="得分" min={0} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'reason']}>
                        <Input
                          aria-label={`第 ${field.name + 1} 行扣分理由`}
                          placeholder="扣分理由"
                          style={{ width: 240 }}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button type="link" onClick={() => remove(field.name)}>
                          删除
                        </Button>
                      )}
                    </Space>
                  ))}
                  <Space>
                    <Button onClick={() => add({})}>添加一行</Button>
                    <Button type="primary" htmlType="submit" loading={give.isPending}>
                      提交评分
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        </Card>
      )}
    </Space>
  );
}
