import { Alert, Button, Card, Empty, Form, Input, InputNumber, List, Select, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CompletionLikelihood, FileMonitoringReportInput } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { showIssues } from '../../planning/projects/form-issues';
import { fenOf } from '../../planning/projects/money';
import { IssuedGoalsQuery } from '../disbursement/disbursement.documents';
import {
  FileMonitoringReportMutation,
  MonitoredGoalQuery,
  MonitoringRoundsQuery,
  PreviewMonitoringWarningsQuery,
} from './monitoring.documents';
import { figuresText, SeverityTag, warningKind } from './warning-text';

interface Line {
  valueSoFar?: number | null;
  forecast?: number | null;
  likelihood?: CompletionLikelihood;
  deviationCause?: string;
}

interface ReportValues {
  executed?: string;
  lines?: Record<string, Line>;
}

/** The draft as the platform takes it, or null while something it needs is not filled yet. */
function draftOf(
  roundId: string | undefined,
  goalId: string | undefined,
  indicatorIds: readonly string[],
  values: ReportValues | undefined,
): FileMonitoringReportInput | null {
  if (!roundId || !goalId || !values?.executed || fenOf(values.executed) === null) return null;
  const lines = indicatorIds.map((id) => ({ id, line: values.lines?.[id] }));
  if (lines.some(({ line }) => !line?.likelihood)) return null;
  return {
    roundId,
    goalId,
    executed: values.executed.trim(),
    indicators: lines.map(({ id, line }) => ({
      indicatorId: id,
      valueSoFar: line?.valueSoFar ?? null,
      forecast: line?.forecast ?? null,
      likelihood: line!.likelihood!,
      deviationCause: line?.deviationCause?.trim() || null,
    })),
  };
}

/** A value that settles `delay` ms after it last changed (what the preview asks about while the person types). */
function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
    // the JSON key: a new object of the same content is not a change
  }, [key, delay]);
  return settled;
}

/**
 * 监控填报: the unit reports a goal in a round — the budget executed so far, and per indicator the value
 * so far, the full-year forecast, the likelihood of completion and the cause of a deviation. The
 * warnings the report would raise are computed by the platform as the person types
 * (previewMonitoringWarnings, nothing written) and shown before it is sent.
 */
export function MonitoringReportPage() {
  const { unitId, role } = currentSession()!.identity;
  const files = can(role, 'Mutation.fileMonitoringReport');
  const fiscalYear = useFiscalYear();
  const [form] = Form.useForm<ReportValues>();
  const [roundId, setRoundId] = useState<string>();
  const [goalId, setGoalId] = useState<string>();
  const [filed, setFiled] = useState<string | null>(null);
  const rounds = useGql(MonitoringRoundsQuery, { fiscalYear });
  const issued = useGql(IssuedGoalsQuery, { filter: { unitId, fiscalYear, status: 'ISSUED' } }, { enabled: !!unitId });
  const goal = useGql(MonitoredGoalQuery, { id: goalId ?? '' }, { enabled: !!goalId });
  const indicators = useMemo(() => goal.data?.goal.indicators ?? [], [goal.data]);
  const values = Form.useWatch([], form) as ReportValues | undefined;
  const draft = useDebounced(
    draftOf(
      roundId,
      goalId,
      indicators.map((i) => i.id),
      values,
    ),
    400,
  );
  const preview = useGql(PreviewMonitoringWarningsQuery, { input: draft! }, { enabled: draft !== null, retry: false });
  const file = useCommand(FileMonitoringReportMutation, '监控情况已填报', (result) =>
    setFiled(
      `已填报：执行率 ${result.fileMonitoringReport.executionRate ?? '—'}%，预警 ${result.fileMonitoringReport.warnings.length} 条`,
    ),
  );
  useEffect(() => {
    form.resetFields();
    setFiled(null);
  }, [goalId, roundId, form]);
  const nameOf = (indicatorId: string | null | undefined) =>
    indicators.find((i) => i.id === indicatorId)?.name ?? '整体';
  const send = () => {
    const input = draftOf(
      roundId,
      goalId,
      indicators.map((i) => i.id),
      form.getFieldsValue(true) as ReportValues,
    );
    if (!input) return;
    file
      .mutateAsync({ input: { ...input, commandId: commandId() } })
      .catch((error: unknown) => showIssues(form, error));
  };
  const warnings = preview.data?.previewMonitoringWarnings ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            监控填报
          </Typography.Title>
        }
      >
        <QueryError error={rounds.error} />
        <Space wrap>
          <Select
            aria-label="监控轮次"
            placeholder="选择监控轮次"
            style={{ width: 280 }}
            value={roundId}
            onChange={setRoundId}
            loading={rounds.isLoading}
            notFoundContent="本年度尚未启动监控"
            options={(rounds.data?.monitoringRounds ?? []).map((round) => ({
              value: round.id,
              label: `${round.name}（截止 ${round.dueDate}）`,
            }))}
          />
          <Select
            aria-label="绩效目标"
            placeholder="选择已下达的绩效目标"
            style={{ width: 420 }}
            value={goalId}
            onChange={setGoalId}
            showSearch={{ optionFilterProp: 'label' }}
            loading={issued.isLoading}
            notFoundContent="本年度没有已下达的绩效目标"
            options={(issued.data?.goals.nodes ?? []).map((g) => ({
              value: g.id,
              label: `${g.projectName}（${g.projectCode}）`,
            }))}
          />
        </Space>
      </Card>
      {roundId && goalId && goal.data ? (
        <Card
          title={`${goal.data.goal.projectName}：目标资金 ${yuan(goal.data.goal.amount)}${
            goal.data.goal.issuedAmount ? `，下达 ${yuan(goal.data.goal.issuedAmount)}` : ''
          }`}
          size="small"
        >
          <Form<ReportValues> form={form} layout="vertical" onFinish={send}>
            <Form.Item
              name="executed"
              label="截至目前预算执行金额（元）"
              rules={[
                { required: true, whitespace: true, message: '请填写已执行金额' },
                {
                  validator: (_, value?: string) =>
                    !value || fenOf(value) !== null
                      ? Promise.resolve()
                      : Promise.reject(new Error('已执行金额应为以元计、至多两位小数的金额')),
                },
              ]}
            >
              <Input inputMode="decimal" style={{ width: 240 }} aria-label="截至目前预算执行金额（元）" />
            </Form.Item>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={indicators}
              aria-label="各指标完成情况"
              columns={[
                {
                  title: '指标',
                  key: 'name',
                  render: (_, i) => (
                    <span>
                      {i.name}
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {label('IndicatorLevel2', i.level2)} · 目标 {label('IndicatorOperator', i.operator)}{' '}
                        {i.targetValue ?? i.targetText ?? ''} {i.unit}
                      </Typography.Text>
                    </span>
                  ),
                },
                {
                  title: '截至目前完成值',
                  key: 'valueSoFar',
                  width: 140,
                  render: (_, i) =>
                    i.targetValue === null || i.targetValue === undefined ? (
                      '定性指标'
                    ) : (
                      <Form.Item name={['lines', i.id, 'valueSoFar']} noStyle>
                        <InputNumber aria-label={`${i.name}截至目前完成值`} style={{ width: 120 }} />
                      </Form.Item>
                    ),
                },
                {
                  title: '预计全年完成值',
                  key: 'forecast',
                  width: 140,
                  render: (_, i) =>
                    i.targetValue === null || i.targetValue === undefined ? (
                      '—'
                    ) : (
                      <Form.Item name={['lines', i.id, 'forecast']} noStyle>
                        <InputNumber aria-label={`${i.name}预计全年完成值`} style={{ width: 120 }} />
                      </Form.Item>
                    ),
                },
                {
                  title: '完成可能性',
                  key: 'likelihood',
                  width: 150,
                  render: (_, i) => (
                    <Form.Item name={['lines', i.id, 'likelihood']} noStyle>
                      <Select
                        aria-label={`${i.name}完成可能性`}
                        style={{ width: 130 }}
                        options={optionsOf('CompletionLikelihood')}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '偏差原因',
                  key: 'cause',
                  width: 260,
                  render: (_, i) => (
                    <Form.Item name={['lines', i.id, 'deviationCause']} noStyle>
                      <Input aria-label={`${i.name}偏差原因`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Card
              size="small"
              style={{ marginTop: 16 }}
              title="将引发的预警（系统按填报内容计算，提交前预览）"
              loading={preview.isFetching && !preview.data}
            >
              <div role="status" aria-live="polite">
                {draft === null ? (
                  <Typography.Text type="secondary">填写已执行金额和各指标的完成可能性后显示</Typography.Text>
                ) : preview.error ? (
                  <Alert type="warning" showIcon message="尚不能计算预警" description={preview.error.message} />
                ) : warnings.length === 0 ? (
                  <Typography.Text type="success">按当前填报，不会引发预警</Typography.Text>
                ) : (
                  <List
                    size="small"
                    dataSource={warnings}
                    renderItem={(w) => (
                      <List.Item>
                        <Space wrap>
                          <SeverityTag severity={w.severity} />
                          <Typography.Text strong>{warningKind(w.kind)}</Typography.Text>
                          <Typography.Text>{nameOf(w.indicatorId)}</Typography.Text>
                          <Typography.Text type="secondary">{figuresText(w.figures)}</Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </div>
            </Card>
            {filed && <Alert style={{ marginTop: 16 }} type="success" showIcon message={filed} />}
            {files && (
              <Button type="primary" htmlType="submit" loading={file.isPending} style={{ marginTop: 16 }}>
                提交填报
              </Button>
            )}
          </Form>
        </Card>
      ) : (
        <Card size="small">
          <Empty description="选择监控轮次和绩效目标后填报" />
        </Card>
      )}
    </Space>
  );
}
