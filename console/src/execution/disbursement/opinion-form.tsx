import { Alert, Button, Card, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import type { DisbursementFact, DisbursementOutcome } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { yuan } from '../../shell/format';
import { useCommand } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';
import { CORRECTABLE, FactsTable, factText, type Facts } from './facts';
import { SignDisbursementOpinionMutation } from './disbursement.documents';

type Correction = { on?: boolean; signed?: string; reason?: string };

interface OpinionValues {
  outcome: DisbursementOutcome;
  reasons?: string;
  comment?: string;
  corrections?: Partial<Record<DisbursementFact, Correction>>;
}

const shownOf = (facts: Facts, fact: DisbursementFact): string | null => {
  const value = facts[fact as keyof Facts];
  return value === null || value === undefined ? null : String(value);
};

/**
 * 绩效审核意见: the facts the platform pre-filled at this moment, each correctable only with a reason;
 * 同意拨付 or 暂缓拨付 with reasons (one a line); then sign. The platform recomputes the facts when it
 * records the opinion and keeps them as shown.
 */
export function OpinionForm({
  request,
  facts,
  allocated,
  cleared,
  otherOpen,
  onSigned,
}: {
  request: { id: string; version: number; amount: string };
  facts: Facts;
  allocated: string;
  cleared: string;
  otherOpen: string;
  onSigned?: () => void;
}) {
  const [form] = Form.useForm<OpinionValues>();
  const outcome = Form.useWatch('outcome', form);
  const sign = useCommand(SignDisbursementOpinionMutation, '审核意见已签署', () => onSigned?.());
  const send = (values: OpinionValues) => {
    const overrides = CORRECTABLE.flatMap(({ fact }) => {
      const correction = values.corrections?.[fact];
      if (!correction?.on) return [];
      const signed = correction.signed?.trim() ? correction.signed.trim() : null;
      return [{ fact, signed, reason: (correction.reason ?? '').trim() }];
    });
    const reasons = (values.reasons ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return sign
      .mutateAsync({
        input: {
          requestId: request.id,
          expectedVersion: request.version,
          outcome: values.outcome,
          overrides,
          reasons: values.outcome === 'HELD' ? reasons : [],
          comment: values.comment?.trim() || null,
          commandId: commandId(),
        },
      })
      .catch(() => undefined);
  };
  return (
    <Card title="绩效审核意见" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <FactsTable facts={facts} title="此刻的事实（系统预填，签署时以服务器重新计算并记录的为准）" />
        <Typography.Text>
          项目已安排预算 {yuan(allocated)}，已同意拨付 {yuan(cleared)}，其他待审核 {yuan(otherOpen)}；本次申请{' '}
          {yuan(request.amount)}
        </Typography.Text>
        {facts.stopFunding && <Alert type="error" showIcon message="该项目有未解除的停止拨款决定：应暂缓拨付" />}
        <Form<OpinionValues> form={form} layout="vertical" initialValues={{ outcome: 'CLEARED' }} onFinish={send}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            更正事实（须说明理由）
          </Typography.Title>
          {CORRECTABLE.map(({ fact, label, kind }) => (
            <Space key={fact} align="start" wrap style={{ display: 'flex' }}>
              <Form.Item
                name={['corrections', fact, 'on']}
                valuePropName="checked"
                label={`更正「${label}」（现为 ${factText(fact, shownOf(facts, fact))}）`}
              >
                <Switch aria-label={`更正${label}`} checkedChildren="更正" unCheckedChildren="不更正" />
              </Form.Item>
              <Form.Item noStyle dependencies={[['corrections', fact, 'on']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['corrections', fact, 'on']) ? (
                    <Space align="start" wrap>
                      <Form.Item name={['corrections', fact, 'signed']} label="更正为">
                        {kind === 'boolean' ? (
                          <Select
                            aria-label={`${label}更正为`}
                            style={{ width: 120 }}
                            options={[
                              { value: 'true', label: '是' },
                              { value: 'false', label: '否' },
                            ]}
                          />
                        ) : kind === 'likelihood' ? (
                          <Select
                            aria-label={`${label}更正为`}
                            style={{ width: 160 }}
                            allowClear
                            options={optionsOf('CompletionLikelihood')}
                          />
                        ) : (
                          <Input aria-label={`${label}更正为`} style={{ width: 120 }} suffix="%" placeholder="58.33" />
                        )}
                      </Form.Item>
                      <Form.Item
                        name={['corrections', fact, 'reason']}
                        label="更正理由"
                        rules={[{ required: true, whitespace: true, message: '更正事实须说明理由' }]}
                      >
                        <Input aria-label={`${label}更正理由`} style={{ width: 320 }} />
                      </Form.Item>
                    </Space>
                  ) : null
                }
              </Form.Item>
            </Space>
          ))}
          <Form.Item name="outcome" label="审核结论" rules={[{ required: true, message: '请选择审核结论' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf('DisbursementOutcome')} />
          </Form.Item>
          {outcome === 'HELD' && (
            <Form.Item
              name="reasons"
              label="暂缓理由（每行一条）"
              rules={[{ required: true, whitespace: true, message: '暂缓拨付须说明理由' }]}
            >
              <Input.TextArea rows={3} aria-label="暂缓理由" />
            </Form.Item>
          )}
          <Form.Item name="comment" label="审核意见">
            <Input.TextArea rows={2} maxLength={1000} aria-label="审核意见" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={sign.isPending}>
            签署意见
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
