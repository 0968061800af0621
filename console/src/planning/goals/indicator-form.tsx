import { Alert, Form, Input, InputNumber, Modal, Select, Switch, type FormInstance, type FormRule } from 'antd';
import { useEffect } from 'react';
import type { IndicatorLevel1, IndicatorOperator } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { INDICATOR_CATEGORIES } from '../../shell/platform-rules';
import { indicatorProblems, type IndicatorFields } from './goal-checks';
import { AddIndicatorDocument, ReviseIndicatorDocument, type GoalDetail, type GoalIndicator } from './goal.documents';

type Values = Omit<IndicatorFields, 'id'> & { reason?: string };

/** The level-2 categories of a level-1 one, as the catalog groups them. */
export const level2Options = (level1: IndicatorLevel1 | undefined) =>
  (level1 ? INDICATOR_CATEGORIES[level1] : []).map((value) => ({ value, label: label('IndicatorLevel2', value) }));

/**
 * A form rule that asks the platform's own indicator rules about `field` of the values typed so far,
 * so the message under the field is the one the server would give.
 */
export const ruleFor =
  (field: string, base: () => Partial<IndicatorFields> = () => ({})): FormRule =>
  (form) => ({
    validator: () => {
      const values = { ...(form.getFieldsValue(true) as Values), ...base() };
      const problem = indicatorProblems(indicatorOf(values, 'new')).get(field);
      return problem ? Promise.reject(new Error(problem.zh)) : Promise.resolve();
    },
  });

/** The indicator the form's values describe: a qualitative one has no number, a numeric one no wording. */
export function indicatorOf(values: Values, id: string): IndicatorFields {
  const qualitative = values.operator === 'QUALITATIVE';
  return {
    id,
    level1: values.level1,
    level2: values.level2,
    name: (values.name ?? '').trim(),
    operator: values.operator,
    targetValue: qualitative ? null : (values.targetValue ?? null),
    targetText: qualitative ? (values.targetText ?? '').trim() : null,
    unit: (values.unit ?? '').trim(),
    points: values.points ?? 0,
    basis: values.basis,
    core: values.core ?? false,
    templateId: values.templateId ?? null,
  };
}

/** Target value, wording, unit: which of them the operator asks for. */
export function TargetFields({ form, base }: { form: FormInstance; base?: () => Partial<IndicatorFields> }) {
  const operator = Form.useWatch('operator', form) as IndicatorOperator | undefined;
  const qualitative = (base?.().operator ?? operator) === 'QUALITATIVE';
  return qualitative ? (
    <Form.Item name="targetText" label="定性目标描述" dependencies={['operator']} rules={[ruleFor('targetText', base)]}>
      <Input placeholder="如：明显改善" />
    </Form.Item>
  ) : (
    <Form.Item
      name="targetValue"
      label="目标值"
      dependencies={['operator', 'unit']}
      rules={[ruleFor('targetValue', base)]}
    >
      <InputNumber style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** Points, basis and core flag: what every indicator states, from the library or not. */
export function PointsFields({ base }: { base?: () => Partial<IndicatorFields> }) {
  return (
    <>
      <Form.Item name="points" label="分值" rules={[ruleFor('points', base)]}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="basis" label="目标值依据" rules={[{ required: true, message: '请选择目标值依据' }]}>
        <Select options={optionsOf('TargetBasis')} />
      </Form.Item>
      <Form.Item name="core" label="核心指标" valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

interface Props {
  goal: GoalDetail;
  /** The indicator to revise; absent to add one of the unit's own. */
  indicator?: GoalIndicator;
  open: boolean;
  onClose: () => void;
}

/** 添加 / 修改绩效指标: the whole indicator, checked as typed by the platform's rules. */
export function IndicatorForm({ goal, indicator, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const add = useCommand(AddIndicatorDocument, '指标已添加', onClose);
  const revise = useCommand(ReviseIndicatorDocument, '指标已修改', onClose);
  const level1 = Form.useWatch('level1', form);
  const { reset: resetAdd } = add;
  const { reset: resetRevise } = revise;
  useEffect(() => {
    if (!open) return;
    resetAdd();
    resetRevise();
    form.resetFields();
    form.setFieldsValue(
      indicator
        ? { ...indicator, reason: '' }
        : { level1: 'OUTPUT', operator: 'GTE', basis: 'PLAN', core: false, unit: '', points: undefined },
    );
  }, [open, indicator, form, resetAdd, resetRevise]);
  const running = add.isPending || revise.isPending;
  const refusal = indicator ? revise.error : add.error;
  const save = async () => {
    // a refused field is shown under it; nothing to send
    if (
      !(await form.validateFields().then(
        () => true,
        () => false,
      ))
    )
      return;
    // the whole store: validateFields answers only the fields on screen, not the template id kept aside
    const values = form.getFieldsValue(true) as Values;
    const common = { commandId: commandId(), goalId: goal.id, expectedVersion: goal.version };
    if (indicator) {
      const input = { ...common, indicator: indicatorOf(values, indicator.id), reason: values.reason ?? '' };
      revise.mutate({ input });
    } else {
      const { id: _new, ...fields } = indicatorOf(values, '');
      add.mutate({ input: { ...common, indicator: fields } });
    }
  };
  return (
    <Modal
      title={indicator ? `修改指标「${indicator.name}」` : '添加自定义指标'}
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText={indicator ? '保存修改' : '添加指标'}
      cancelText="取消"
      confirmLoading={running}
      destroyOnHidden
      width={640}
    >
      {refusal && <Alert type="error" showIcon message="平台未接受" description={refusal.message} />}
      <Form form={form} layout="vertical" name="indicator" validateTrigger={['onChange', 'onBlur']}>
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
        {indicator && (
          <Form.Item
            name="reason"
            label="修改理由"
            rules={[{ required: true, whitespace: true, message: '请填写修改原因' }]}
          >
            <Input.TextArea rows={2} placeholder="如：按联审意见细化目标值" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
