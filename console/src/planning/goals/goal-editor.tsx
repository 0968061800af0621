import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { commandId } from '../../shell/api';
import { useCommand, useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import type { Role } from '../../shell/roles';
import { submissionCheck } from './goal-checks';
import {
  GoalRuleProfileDocument,
  RemoveIndicatorDocument,
  SubmitDraftDocument,
  type GoalDetail,
  type GoalIndicator,
} from './goal.documents';
import { IndicatorForm } from './indicator-form';
import { IndicatorTable } from './indicator-table';
import { TemplatePicker } from './template-picker';

/**
 * 编辑绩效目标: the unit's indicators with the reviewers' comments beside each, the submission check
 * the server will make (shown before submitting, never instead of it), and submit or resubmit.
 */
export default function GoalEditor({ goal, role }: { goal: GoalDetail; role: Role }) {
  const [editing, setEditing] = useState<GoalIndicator | 'new' | null>(null);
  const [picking, setPicking] = useState(false);
  const [removing, setRemoving] = useState<GoalIndicator | null>(null);
  const profile = useGql(GoalRuleProfileDocument, { fiscalYear: goal.fiscalYear, divisionCode: goal.divisionCode });
  const submit = useCommand(SubmitDraftDocument, goal.status === 'RETURNED' ? '已重新提交审核' : '已提交审核');
  const check = submissionCheck(goal, goal.indicators, profile.data?.ruleProfile.indicatorCatalogueVersion);
  const returned = goal.status === 'RETURNED';
  const lastReturn = [...goal.reviews].reverse().find((r) => r.result === 'RETURN');
  const problemCount = check.goal.length + [...check.byIndicator.values()].reduce((n, list) => n + list.length, 0);
  const doSubmit = () =>
    submit.mutate({ input: { commandId: commandId(), goalId: goal.id, expectedVersion: goal.version } });
  const submitButton = (onClick?: () => void) => (
    <Button type="primary" loading={submit.isPending} onClick={onClick}>
      {returned ? '重新提交审核' : '提交审核'}
    </Button>
  );
  return (
    <Card
      title={returned ? '按审核意见修改指标' : '编辑绩效指标'}
      extra={
        <Space wrap>
          {can(role, 'Mutation.addIndicatorFromTemplate') && (
            <Button onClick={() => setPicking(true)}>从指标库添加</Button>
          )}
          {can(role, 'Mutation.addIndicator') && <Button onClick={() => setEditing('new')}>添加自定义指标</Button>}
          {can(role, 'Mutation.submitDraft') &&
            (check.ready ? (
              submitButton(doSubmit)
            ) : (
              <Popconfirm
                title={`还有 ${problemCount} 项不符合提交要求`}
                description="平台会按同样的规则检查并拒绝提交。仍要提交吗？"
                okText="仍要提交"
                cancelText="先修改"
                onConfirm={doSubmit}
              >
                {submitButton()}
              </Popconfirm>
            ))}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {returned && lastReturn && (
          <Alert
            type="warning"
            showIcon
            message={`第 ${lastReturn.round} 轮审核退回修改`}
            description={
              <>
                {lastReturn.comment && <div>退回意见：{lastReturn.comment}</div>}
                <div>审核人对各指标的意见列在指标旁的「审核意见」一栏；修改后点「重新提交审核」。</div>
              </>
            }
          />
        )}
        <SubmissionAlert issues={check.goal.map((i) => i.zh)} indicatorProblems={check.byIndicator.size} />
        <IndicatorTable
          goal={goal}
          problems={check.byIndicator}
          actions={(indicator) => (
            <Space size={0}>
              {can(role, 'Mutation.reviseIndicator') && (
                <Button type="link" size="small" onClick={() => setEditing(indicator)}>
                  修改
                </Button>
              )}
              {can(role, 'Mutation.removeIndicator') && (
                <Button type="link" size="small" danger onClick={() => setRemoving(indicator)}>
                  删除
                </Button>
              )}
            </Space>
          )}
        />
      </Space>
      <IndicatorForm
        goal={goal}
        indicator={editing === 'new' || editing === null ? undefined : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <TemplatePicker goal={goal} open={picking} onClose={() => setPicking(false)} />
      <RemoveIndicator goal={goal} indicator={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}

/** 提交检查: what the server's submission rules would refuse, before the person submits. */
function SubmissionAlert({ issues, indicatorProblems }: { issues: string[]; indicatorProblems: number }) {
  if (issues.length === 0 && indicatorProblems === 0) {
    return <Alert type="success" showIcon message="提交检查：已满足提交条件" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="status"
      message="提交检查：尚不能提交"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {issues.map((text) => (
            <li key={text}>{text}</li>
          ))}
          {indicatorProblems > 0 && <li>{indicatorProblems} 个指标有问题，见下表「提交检查」一栏</li>}
        </ul>
      }
    />
  );
}

/** 删除指标: the reason is part of the record. */
function RemoveIndicator(props: { goal: GoalDetail; indicator: GoalIndicator | null; onClose: () => void }) {
  const { goal, indicator, onClose } = props;
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useCommand(RemoveIndicatorDocument, '指标已删除', onClose);
  const save = async () => {
    const valid = await form.validateFields().catch(() => null); // the form shows what is missing
    if (!valid) return;
    const { reason } = valid;
    remove.mutate({
      input: {
        commandId: commandId(),
        goalId: goal.id,
        expectedVersion: goal.version,
        indicatorId: indicator!.id,
        reason,
      },
    });
  };
  return (
    <Modal
      title={indicator ? `删除指标「${indicator.name}」` : '删除指标'}
      open={indicator !== null}
      onCancel={onClose}
      onOk={() => void save()}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">删除后如需恢复，请重新添加该指标。</Typography.Paragraph>
      <Form form={form} layout="vertical" name="remove-indicator" preserve={false}>
        <Form.Item
          name="reason"
          label="删除理由"
          rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
