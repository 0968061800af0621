import { Alert, Button, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useCommand, useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { indicatorListIssues } from '../../../../services/planning/src/goal/goal.rules';
import { toRuleIndicator, type IndicatorFields } from '../goals/goal-checks';
import { GoalRuleProfileDocument } from '../goals/goal.documents';
import { AdjustIndicatorModal } from './adjust-indicator-modal';
import { amountRule } from './approved-forms';
import { CommandModal } from './command-modal';
import { AdjustGoalDocument } from './review.documents';
import type { ReviewableGoalData } from './reviewable-goal';

interface AdjustValues {
  budgetAdjustmentRef: string;
  reason: string;
  amount: string;
}

/** Indicators added during the adjustment carry a local key until the platform gives them ids. */
const isNew = (id: string) => id.startsWith('new-');

/** The indicators as the goal has them, in the API's input shape. */
const fieldsOf = (goal: ReviewableGoalData): IndicatorFields[] =>
  goal.indicators.map(
    ({ id, level1, level2, name, operator, targetValue, targetText, unit, points, basis, core, templateId }) => ({
      id,
      level1,
      level2,
      name,
      operator,
      targetValue,
      targetText,
      unit,
      points,
      basis,
      core,
      templateId,
    }),
  );

/**
 * 目标调整: an issued goal changes only through a budget adjustment — its reference, the reason, the
 * amount after it and the whole list of indicators after it (changed, added, removed), checked as
 * typed by the platform's own list rules; the adjustment count goes up by one.
 */
export function AdjustAction({ goal }: { goal: ReviewableGoalData }) {
  const command = useCommand(AdjustGoalDocument, '目标已随预算调整');
  const profile = useGql(GoalRuleProfileDocument, { fiscalYear: goal.fiscalYear, divisionCode: goal.divisionCode });
  const [indicators, setIndicators] = useState<IndicatorFields[]>(() => fieldsOf(goal));
  const [editing, setEditing] = useState<{ indicator?: IndicatorFields } | null>(null);
  const version = profile.data?.ruleProfile.indicatorCatalogueVersion.replace(/^V/, '') as '2020' | '2021' | undefined;
  const problems = indicatorListIssues(indicators.map(toRuleIndicator), version);
  const nameOf = (path: string) => {
    const index = /^indicators\[(\d+)\]/.exec(path)?.[1];
    return index === undefined ? '' : `「${indicators[Number(index)]?.name ?? ''}」`;
  };
  return (
    <>
      <CommandModal<AdjustValues>
        name="adjust-goal"
        label="随预算调整目标"
        title={`目标调整：${goal.projectName}`}
        width={960}
        initialValues={{ amount: goal.amount }}
        onOpen={() => setIndicators(fieldsOf(goal))}
        onSubmit={(values, commandId) =>
          command.mutateAsync({
            input: {
              goalId: goal.id,
              commandId,
              expectedVersion: goal.version,
              budgetAdjustmentRef: values.budgetAdjustmentRef.trim(),
              reason: values.reason.trim(),
              amount: values.amount.trim(),
              indicators: indicators.map(({ id, ...fields }) => ({ ...fields, id: isNew(id) ? null : id })),
            },
          })
        }
      >
        {() => (
          <>
            <Form.Item
              name="budgetAdjustmentRef"
              label="预算调整文号"
              rules={[{ required: true, whitespace: true, message: '目标调整须随预算调整办理，请填写预算调整文号' }]}
            >
              <Input maxLength={100} placeholder="如：天财预调〔2023〕5 号" />
            </Form.Item>
            <Form.Item
              name="reason"
              label="调整原因"
              rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="amount" label="调整后金额（元）" rules={[amountRule('调整后金额')]}>
              <Input inputMode="decimal" suffix="元" />
            </Form.Item>
            <Space style={{ marginBottom: 8 }}>
              <Button onClick={() => setEditing({})}>新增指标</Button>
            </Space>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={indicators}
              columns={[
                {
                  title: '一级指标',
                  dataIndex: 'level1',
                  render: (v: string) => label('IndicatorLevel1', v).split('，')[0],
                },
                { title: '二级指标', dataIndex: 'level2', render: (v: string) => label('IndicatorLevel2', v) },
                { title: '三级指标', dataIndex: 'name' },
                {
                  title: '目标值',
                  key: 'target',
                  render: (_, i) =>
                    i.operator === 'QUALITATIVE' ? i.targetText : `${i.targetValue ?? ''} ${i.unit ?? ''}`,
                },
                { title: '分值', dataIndex: 'points', width: 70 },
                {
                  title: '操作',
                  key: 'act',
                  width: 140,
                  render: (_, i) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => setEditing({ indicator: i })}
                        aria-label={`修改指标 ${i.name}`}
                      >
                        修改
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => setIndicators(indicators.filter((x) => x.id !== i.id))}
                        aria-label={`删除指标 ${i.name}`}
                      >
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            {problems.length > 0 && (
              <Alert
                style={{ marginTop: 8 }}
                type="warning"
                showIcon
                message="调整后的指标尚不符合规则"
                description={
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {problems.map((p) => (
                      <li key={`${p.path}${p.zh}`}>
                        {nameOf(p.path)}
                        {p.zh}
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
          </>
        )}
      </CommandModal>
      <AdjustIndicatorModal
        open={editing !== null}
        indicator={editing?.indicator}
        onClose={() => setEditing(null)}
        onDone={(changed) => {
          const known = indicators.some((i) => i.id === changed.id);
          setIndicators(known ? indicators.map((i) => (i.id === changed.id ? changed : i)) : [...indicators, changed]);
          setEditing(null);
        }}
      />
    </>
  );
}
