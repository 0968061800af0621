import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { optionsOf } from '../../shell/labels';
import type { IndicatorFields } from '../goals/goal-checks';
import { indicatorOf, level2Options, PointsFields, ruleFor, TargetFields } from '../goals/indicator-form';

type Values = Omit<IndicatorFields, 'id'>;

/**
 * One indicator of an adjustment, added or changed, checked as typed by the platform's indicator
 * rules (the goal editor's fields); nothing is sent until the whole adjustment is.
 */
export function AdjustIndicatorModal({
  indicator,
  open,
  onDone,
  onClose,
}: {
  /** The indicator to change; absent to add one. */
  indicator?: IndicatorFields;
  open: boolean;
  onDone: (indicator: IndicatorFields) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const level1 = Form.useWatch('level1', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(indicator ?? { level1: 'OUTPUT', operator: 'GTE', basis: 'PLAN', core: false, unit: '' });
  }, [open, indicator, form]);
  const save = async () => {
    await form.validateFields();
    onDone(indicatorOf(form.getFieldsValue(true) as Values, indicator?.id ?? `new-${crypto.randomUUID()}`));
  };
  return (
    <Modal
      title={indicator ? `调整指标「${indicator.name}」` : '调整中新增指标'}
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="确定"
      cancelText="取消"
      destroyOnHidden
      width={600}
    >
      <Form form={form} layout="vertical" name="adjust-indicator" validateTrigger={['onChange', 'onBlur']}>
        <Form.Item name="level1" label="一级指标" rules={[ruleFor('level1')]}>
          <Select options={optionsOf('IndicatorLevel1')} onChange={() => form.setFieldValue('level2', undefined)} />
        </Form.Item>
        <Form.Item name="level2" label="二级指标" dependencies={['level1']} rules={[ruleFor('level2')]}>
          <Select options={level2Options(level1)} placeholder="请选择二级指标" />
        </Form.Item>
        <Form.Item name="name" label="指标名称（三级指标）" rules={[ruleFor('name')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="operator" label="比较方式" rules={[{ required: true, message: '请选择比较方式' }]}>
          <Select options={optionsOf('IndicatorOperator')} />
        </Form.Item>
        <TargetFields form={form} />
        <Form.Item name="unit" label="计量单位" dependencies={['operator']} rules={[ruleFor('unit')]}>
          <Input maxLength={20} placeholder="如：%、所、人次" />
        </Form.Item>
        <PointsFields />
      </Form>
    </Modal>
  );
}
