import { Button, Card, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MonitoringCorrectionKind, MonitoringWarningKind, MonitoringWarningSeverity } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useUrlParams } from '../../shell/url-params';
import { useFiscalYear } from '../../shell/year';
import { moneyProblem } from '../../planning/projects/money';
import { ProjectName, UnitName } from '../disbursement/request-goal';
import {
  DecideMonitoringCorrectionMutation,
  LiftFundingStopMutation,
  MonitoringRoundsQuery,
  MonitoringWarningsQuery,
} from './monitoring.documents';
import { figuresText, SeverityTag, warningKind } from './warning-text';

interface CorrectionValues {
  kind: MonitoringCorrectionKind;
  reason: string;
  recover?: string;
}

/** 纠偏: the bureau decides a correction on a warning — adjust the goal, stop funding, recover funds — with its reason. */
function DecideCorrection({ warningId, onClose }: { warningId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<CorrectionValues>();
  const kind = Form.useWatch('kind', form);
  const decide = useCommand(DecideMonitoringCorrectionMutation, '纠偏措施已记录', onClose);
  return (
    <Modal
      title="决定纠偏措施"
      open={warningId !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form<CorrectionValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'ADJUST_GOAL' }}
        onFinish={(values) =>
          decide
            .mutateAsync({
              input: {
                warningId: warningId!,
                kind: values.kind,
                reason: values.reason.trim(),
                recover: values.kind === 'RECOVER_FUNDS' ? values.recover?.trim() : null,
                commandId: commandId(),
              },
            })
            .catch(() => undefined)
        }
      >
        <Form.Item name="kind" label="纠偏措施">
          <Radio.Group optionType="button" options={optionsOf('MonitoringCorrectionKind')} />
        </Form.Item>
        {kind === 'ADJUST_GOAL' && (
          <Typography.Paragraph type="secondary">调整目标须经预算调整落实：在绩效目标页发起调整。</Typography.Paragraph>
        )}
        {kind === 'STOP_FUNDING' && (
          <Typography.Paragraph type="secondary">停止拨款后，该项目的拨款申请在解除前均应暂缓。</Typography.Paragraph>
        )}
        {kind === 'RECOVER_FUNDS' && (
          <Form.Item
            name="recover"
            label="收回金额（元）"
            rules={[
              {
                validator: (_, value?: string) => {
                  const problem = moneyProblem(value, '收回金额');
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请说明原因' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 解除停止拨款, with the reason. */
function LiftStop({ correctionId, onClose }: { correctionId: string | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const lift = useCommand(LiftFundingStopMutation, '已解除停止拨款', onClose);
  return (
    <Modal
      title="解除停止拨款"
      open={correctionId !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="解除"
      confirmLoading={lift.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          lift
            .mutateAsync({
              input: { correctionId: correctionId!, reason: values.reason.trim(), commandId: commandId() },
            })
            .catch(() => undefined)
        }
      >
        <Form.Item name="reason" label="解除原因" rules={[{ required: true, whitespace: true, message: '请说明原因' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 监控预警: the warnings the platform computed (and the overdue ones), by round, kind and severity, each
 * with the numbers that raised it and the corrections decided on it. The performance section decides
 * corrections here; a budget unit sees its own unit's warnings.
 */
export function MonitoringWarningsPage() {
  const { role, unitId } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const [params, setParams] = useUrlParams();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [lifting, setLifting] = useState<string | null>(null);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const rounds = useGql(MonitoringRoundsQuery, { fiscalYear });
  const warnings = useGql(MonitoringWarningsQuery, {
    filter: {
      roundId: params.get('round') ?? undefined,
      kind: (params.get('kind') ?? undefined) as MonitoringWarningKind | undefined,
      severity: (params.get('severity') ?? undefined) as MonitoringWarningSeverity | undefined,
      unitId: role === 'BUDGET_UNIT' ? (unitId ?? undefined) : undefined,
    },
    page: { first: pageSize, offset: (page - 1) * pageSize },
  });
  const decides = can(role, 'Mutation.decideMonitoringCorrection');
  const lifts = can(role, 'Mutation.liftFundingStop');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          监控预警
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="按监控轮次筛选"
          allowClear
          placeholder="全部轮次"
          style={{ width: 240 }}
          value={params.get('round') ?? undefined}
          options={(rounds.data?.monitoringRounds ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(round?: string) => setParams({ round, page: undefined })}
        />
        <Select
          aria-label="按预警类型筛选"
          allowClear
          placeholder="全部类型"
          style={{ width: 200 }}
          value={params.get('kind') ?? undefined}
          options={optionsOf('MonitoringWarningKind')}
          onChange={(kind?: string) => setParams({ kind, page: undefined })}
        />
        <Select
          aria-label="按预警程度筛选"
          allowClear
          placeholder="全部程度"
          style={{ width: 140 }}
          value={params.get('severity') ?? undefined}
          options={optionsOf('MonitoringWarningSeverity')}
          onChange={(severity?: string) => setParams({ severity, page: undefined })}
        />
      </Space>
      <QueryError error={warnings.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={warnings.isLoading}
        dataSource={warnings.data?.monitoringWarnings.nodes ?? []}
        locale={{ emptyText: '暂无预警' }}
        pagination={{
          current: page,
          pageSize,
          total: warnings.data?.monitoringWarnings.totalCount,
          showTotal: (total) => `共 ${total} 条预警`,
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        expandable={{
          rowExpandable: (w) => w.corrections.length > 0,
          expandedRowRender: (w) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={w.corrections}
              columns={[
                { title: '纠偏措施', dataIndex: 'kind', render: (k: string) => label('MonitoringCorrectionKind', k) },
                { title: '原因', dataIndex: 'reason' },
                { title: '收回金额', dataIndex: 'recover', render: (v?: string | null) => (v ? yuan(v) : '—') },
                { title: '决定时间', dataIndex: 'decidedAt', render: when },
                {
                  title: '落实',
                  key: 'state',
                  render: (_, c) =>
                    c.lifted ? (
                      <Tag>已解除：{c.liftReason}</Tag>
                    ) : c.kind === 'ADJUST_GOAL' ? (
                      c.carriedOut ? (
                        <Tag color="success">已调整 {c.budgetAdjustmentRef}</Tag>
                      ) : (
                        <Tag color="processing">待预算调整</Tag>
                      )
                    ) : (
                      <Tag color="success">已生效</Tag>
                    ),
                },
                ...(lifts
                  ? [
                      {
                        title: '操作',
                        key: 'act',
                        render: (_: unknown, c: { id: string; kind: string; lifted: boolean }) =>
                          c.kind === 'STOP_FUNDING' && !c.lifted ? (
                            <Button type="link" size="small" onClick={() => setLifting(c.id)}>
                              解除停止拨款
                            </Button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          ),
        }}
        columns={[
          { title: '程度', dataIndex: 'severity', width: 100, render: (s: string) => <SeverityTag severity={s} /> },
          { title: '预警类型', dataIndex: 'kind', width: 170, render: warningKind },
          { title: '项目', key: 'project', render: (_, w) => <ProjectName goalId={w.goalId} /> },
          {
            title: '预算单位',
            key: 'unit',
            width: 180,
            render: (_, w) => <UnitName goalId={w.goalId} unitId={w.unitId} />,
          },
          { title: '依据', key: 'figures', render: (_, w) => figuresText(w.figures) },
          { title: '预警时间', dataIndex: 'raisedAt', width: 150, render: when },
          {
            title: '纠偏',
            key: 'corrected',
            width: 130,
            render: (_, w) =>
              decides ? (
                <Button
                  type="link"
                  onClick={() => setDeciding(w.id)}
                  aria-label={`${w.corrected ? `再决定纠偏（已有 ${w.corrections.length} 项）` : '决定纠偏'}：${warningKind(w.kind)}`}
                >
                  {w.corrected ? `再决定纠偏（已有 ${w.corrections.length} 项）` : '决定纠偏'}
                </Button>
              ) : w.corrected ? (
                <Tag color="success">已纠偏</Tag>
              ) : (
                <Tag>未纠偏</Tag>
              ),
          },
        ]}
      />
      <DecideCorrection warningId={deciding} onClose={() => setDeciding(null)} />
      <LiftStop correctionId={lifting} onClose={() => setLifting(null)} />
    </Card>
  );
}
