import { Alert, Button, Card, Form, Input, Space, Table, Typography, type FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import type { SelfEvaluationQuery } from '../../gql/graphql';
import { commandId, GqlError } from '../../shell/api';
import { yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { fenOf } from '../../planning/projects/money';
import { ResultField, TextField } from './line-fields';
import { OverallLines } from './overall-lines';
import { ScoreSheet } from './score-sheet';
import { draftOf, issuesByPath, useDebounced, type LineValues, type SheetValues } from './sheet-draft';
import {
  EvaluatedGoalQuery,
  PreviewSelfEvaluationScoreQuery,
  SubmitSelfEvaluationMutation,
} from './self-evaluation.documents';

type Evaluation = SelfEvaluationQuery['selfEvaluation'];

/** The fields of a line the person fills (name paths under `indicators.<i>`). */
const LINE_FIELDS = [
  ['name'],
  ['target'],
  ['points'],
  ['actual'],
  ['qualitative', 'level'],
  ['qualitative', 'percent'],
  ['reason'],
  ['deviationCause'],
  ['improvementMeasure'],
];

const moneyRule = (what: string) => ({
  validator: (_: unknown, value?: string) =>
    !value || fenOf(value) !== null
      ? Promise.resolve()
      : Promise.reject(new Error(`${what}应为以元计、至多两位小数的金额`)),
});

/** The lines a returned evaluation was last submitted with, so the unit corrects rather than retypes. */
const previousLines = (evaluation: Evaluation): LineValues[] =>
  evaluation.lines.map((line) => ({
    indicatorId: line.indicatorId,
    name: line.name,
    level1: line.level1,
    operator: line.operator,
    target: line.target,
    points: line.points,
    actual: line.actual,
    qualitative: line.qualitative ?? undefined,
    reason: line.reason ?? undefined,
    deviationCause: line.deviationCause ?? undefined,
    improvementMeasure: line.improvementMeasure ?? undefined,
  }));

/** The indicator an issue's path names (`indicators.2.deviationCause` → 「name」：), or nothing for the amounts. */
const lineName = (values: SheetValues | undefined, path: string): string => {
  const at = /^indicators\.(\d+)\./.exec(path);
  const line = at ? values?.indicators?.[Number(at[1])] : undefined;
  return line?.name ? `「${line.name}」：` : '';
};

/**
 * 自评填报: per indicator the actual value (or the qualitative level, its percent within the band and
 * the reason), the cause and measure of any line below full points, and the amount executed; the
 * platform scores the draft 400 ms after the last change (previewSelfEvaluationScore, nothing written);
 * what submission would still refuse (a cause, a measure, a reason) is listed under the score, and every
 * issue shows beside the field it names.
 */
export function SelfEvaluationFillForm({ evaluation }: { evaluation: Evaluation }) {
  const overall = evaluation.object === 'DEPT_OVERALL';
  const [form] = Form.useForm<SheetValues>();
  const goal = useGql(EvaluatedGoalQuery, { id: evaluation.goalId ?? '' }, { enabled: !!evaluation.goalId });
  const [submitError, setSubmitError] = useState<GqlError | null>(null);
  const submit = useCommand(SubmitSelfEvaluationMutation, '自评已提交');
  const initial = useMemo<SheetValues | null>(() => {
    const before = previousLines(evaluation);
    if (overall)
      return { indicators: before, executed: evaluation.executed ?? undefined, budget: evaluation.budget ?? undefined };
    if (!goal.data) return null;
    return {
      executed: evaluation.executed ?? undefined,
      indicators: goal.data.goal.indicators.map((i) => ({
        ...before.find((line) => line.indicatorId === i.id),
        indicatorId: i.id,
        name: i.name,
        level1: i.level1,
        operator: i.operator === 'QUALITATIVE' ? 'QUALITATIVE' : i.operator,
        target: i.targetValue,
        targetText: i.targetText,
        unit: i.unit,
        points: i.points,
      })),
    };
  }, [evaluation, goal.data, overall]);
  const values = Form.useWatch([], { form, preserve: true }) as SheetValues | undefined;
  const draft = useDebounced(draftOf(evaluation.id, overall, values ?? initial ?? undefined), 400);
  const preview = useGql(PreviewSelfEvaluationScoreQuery, { input: draft! }, { enabled: draft !== null, retry: false });
  // a line's issues show once the person has worked on that line (or the amounts), not on untouched rows
  const touched = (path: string) => {
    const fields = form as FormInstance; // paths come from the platform's issues, not the typed names
    const line = /^indicators\.(\d+)\./.exec(path);
    if (!line) return fields.isFieldTouched(path);
    const at = Number(line[1]);
    return fields.isFieldsTouched(LINE_FIELDS.map((field) => ['indicators', at, ...field]));
  };
  // what submission would still refuse (a cause, a measure, a reason): listed beside the score the preview computed
  const owed = preview.data?.previewSelfEvaluationScore.issues ?? [];
  const issues = issuesByPath([
    ...(submitError?.issues ?? []),
    ...[...(preview.error?.issues ?? []), ...owed].filter((issue) => touched(issue.path)),
  ]);
  const help = (path: string) => (issues.has(path) ? { help: issues.get(path), validateStatus: 'error' as const } : {});
  const send = () => {
    const input = draftOf(evaluation.id, overall, form.getFieldsValue(true) as SheetValues);
    if (!input) return;
    setSubmitError(null);
    submit.mutateAsync({ input: { ...input, commandId: commandId() } }).catch((error: unknown) => {
      if (error instanceof GqlError) setSubmitError(error);
    });
  };
  if (!initial) return <Card loading />;
  // a project's budget is its goal's issued amount, no field of the form: its issue shows here too
  const fieldPath = overall ? /^(indicators\.\d+\.|executed$|budget$)/ : /^(indicators\.\d+\.|executed$)/;
  const unmatched = (submitError?.issues ?? []).filter((i) => !fieldPath.test(i.path));
  return (
    <Form<SheetValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={send}
      key={evaluation.submission}
    >
      <Card size="small" title="预算执行">
        <Space wrap size="large">
          {overall ? (
            <Form.Item
              name="budget"
              label="全年预算数（元）"
              rules={[{ required: true, message: '请填写全年预算数' }, moneyRule('全年预算数')]}
              {...help('budget')}
            >
              <Input inputMode="decimal" style={{ width: 220 }} aria-label="全年预算数（元）" />
            </Form.Item>
          ) : (
            <Typography.Text>
              全年预算数（目标下达金额）：{yuan(goal.data?.goal.issuedAmount ?? goal.data?.goal.amount)}
            </Typography.Text>
          )}
          <Form.Item
            name="executed"
            label="全年执行数（元）"
            rules={[{ required: true, message: '请填写全年执行数' }, moneyRule('全年执行数')]}
            {...help('executed')}
          >
            <Input inputMode="decimal" style={{ width: 220 }} aria-label="全年执行数（元）" />
          </Form.Item>
        </Space>
      </Card>
      {overall ? (
        <OverallLines help={help} />
      ) : (
        <Table
          rowKey="indicatorId"
          size="small"
          pagination={false}
          aria-label="各指标完成情况"
          style={{ marginTop: 16 }}
          dataSource={(initial.indicators ?? []).map((line, index) => ({ ...line, index }))}
          columns={[
            {
              title: '指标',
              key: 'name',
              render: (_, line) => (
                <span>
                  {line.name}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {label('IndicatorLevel1', line.level1)} · 目标 {label('IndicatorOperator', line.operator)}{' '}
                    {line.target ?? line.targetText ?? ''} {line.unit} · {line.points} 分
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '实际完成',
              key: 'actual',
              width: 330,
              render: (_, line) => (
                <ResultField line={line} index={line.index} name={['indicators', line.index]} help={help} />
              ),
            },
            {
              title: '偏差原因',
              key: 'cause',
              width: 220,
              render: (_, line) => (
                <TextField
                  line={line}
                  index={line.index}
                  name={['indicators', line.index]}
                  field="deviationCause"
                  what="偏差原因"
                  help={help}
                />
              ),
            },
            {
              title: '改进措施',
              key: 'measure',
              width: 220,
              render: (_, line) => (
                <TextField
                  line={line}
                  index={line.index}
                  name={['indicators', line.index]}
                  field="improvementMeasure"
                  what="改进措施"
                  help={help}
                />
              ),
            },
          ]}
        />
      )}
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title="自评得分（按规则计算，随填随算）"
        loading={preview.isFetching && !preview.data}
      >
        <div role="status" aria-live="polite">
          {draft === null ? (
            <Typography.Text type="secondary">填写全年执行数和各指标完成值后显示得分</Typography.Text>
          ) : preview.error ? (
            <Alert
              type="warning"
              showIcon
              message="尚不能计算得分"
              description={preview.error.issues.map((i) => i.zh).join('；') || preview.error.message}
            />
          ) : preview.data ? (
            <>
              <ScoreSheet sheet={preview.data.previewSelfEvaluationScore} />
              {owed.length > 0 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  showIcon
                  message="提交前尚需补充"
                  description={
                    <ul aria-label="提交前尚需补充" style={{ margin: 0, paddingInlineStart: 20 }}>
                      {owed.map((issue) => (
                        <li key={issue.path}>
                          {lineName(values ?? initial ?? undefined, issue.path)}
                          {issue.zh}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </>
          ) : null}
        </div>
      </Card>
      {unmatched.length > 0 && (
        <Alert style={{ marginTop: 16 }} type="error" showIcon message={unmatched.map((i) => i.zh).join('；')} />
      )}
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 16 }}>
        {evaluation.status === 'RETURNED' ? '重新提交自评' : '提交自评'}
      </Button>
    </Form>
  );
}
