import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import { optionsOf } from '../../shell/labels';
import type { ReviewableGoalData } from './reviewable-goal';

/** What a reviewer fills in: approve or return, an overall comment, comments on indicators of the goal. */
export interface CommentValues {
  result: 'APPROVE' | 'RETURN';
  comment?: string;
  indicatorComments?: { indicatorId?: string; comment?: string }[];
}

const blank = (text: string | undefined) => !text || text.trim() === '';

/** The values as the platform's input takes them (comment trimmed, empty rows left out). */
export const commentInput = (values: CommentValues) => ({
  comment: values.comment?.trim() ?? '',
  indicatorComments: (values.indicatorComments ?? []).map((c) => ({
    indicatorId: c.indicatorId ?? '',
    comment: c.comment?.trim() ?? '',
  })),
});

/**
 * The result, comment and per-indicator comment fields of an opinion or a review. The checks mirror
 * the platform's (a return needs a reason; an indicator comment names an indicator of this goal and
 * says something); the platform decides.
 */
export function CommentFields({
  goal,
  form,
  resultLabel,
  approveDisabled,
}: {
  goal: ReviewableGoalData;
  form: FormInstance<CommentValues>;
  resultLabel: string;
  /** Why approving is not open (the joint review holds a return), shown in place of the option. */
  approveDisabled?: string;
}) {
  const indicators = goal.indicators.map((i) => ({ value: i.id, label: i.name }));
  return (
    <>
      <Form.Item name="result" label={resultLabel} rules={[{ required: true, message: `请选择${resultLabel}` }]}>
        <Radio.Group
          options={optionsOf('ReviewResult').map((o) => ({
            ...o,
            disabled: o.value === 'APPROVE' && Boolean(approveDisabled),
            title: o.value === 'APPROVE' ? approveDisabled : undefined,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label="总体意见"
        dependencies={['result', 'indicatorComments']}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const { result, indicatorComments } = form.getFieldsValue([
                'result',
                'indicatorComments',
              ]) as CommentValues;
              if (result === 'RETURN' && blank(value) && (indicatorComments ?? []).length === 0) {
                throw new Error('退回须说明原因：填写总体意见或逐项指标意见');
              }
            },
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount aria-label="总体意见" placeholder="对目标的总体意见" />
      </Form.Item>
      <Form.List name="indicatorComments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" style={{ display: 'flex', width: '100%' }} wrap={false}>
                <Form.Item
                  name={[field.name, 'indicatorId']}
                  rules={[{ required: true, message: '请选择指标' }]}
                  style={{ width: 220 }}
                >
                  <Select aria-label={`第 ${index + 1} 条意见针对的指标`} placeholder="选择指标" options={indicators} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'comment']}
                  rules={[{ required: true, whitespace: true, message: '指标意见不能为空' }]}
                  style={{ flex: 1, minWidth: 240 }}
                >
                  <Input.TextArea
                    rows={1}
                    autoSize
                    aria-label={`第 ${index + 1} 条指标意见`}
                    placeholder="对该指标的意见"
                  />
                </Form.Item>
                <Button
                  aria-label={`删除第 ${index + 1} 条指标意见`}
                  icon={<DeleteOutlined />}
                  onClick={() => {
                    remove(field.name);
                    void form.validateFields(['comment']);
                  }}
                />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加逐项指标意见
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
