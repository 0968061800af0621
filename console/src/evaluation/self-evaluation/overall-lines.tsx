import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { ResultField, TextField, type Help } from './line-fields';
import type { LineValues } from './sheet-draft';

/** 一级指标 of an overall-expenditure line, as the platform takes them (COST counts within output). */
const LEVEL1 = [
  { value: 'OUTPUT', label: '产出指标' },
  { value: 'BENEFIT', label: '效益指标' },
  { value: 'SATISFACTION', label: '满意度指标' },
  { value: 'COST', label: '成本指标' },
];
const OPERATORS = ['>=', '<=', '=', '>', '<']
  .map((op) => ({ value: op, label: op }))
  .concat({ value: 'QUALITATIVE', label: '定性' });

/**
 * The indicators a unit states for its overall expenditure (整体支出): name, category, operator,
 * target and points of each, then its result like a project's line. The platform checks the set
 * (at least three, output and benefit among them) and says so beside the line or above the list.
 */
export function OverallLines({ help }: { help: Help }) {
  const form = Form.useFormInstance();
  return (
    <Form.List name="indicators">
      {(fields, { add, remove }) => (
        <Card
          size="small"
          title="整体支出绩效指标"
          style={{ marginTop: 16 }}
          extra={
            <Button onClick={() => add({ indicatorId: `overall-${Date.now().toString(36)}`, operator: '>=' })}>
              添加指标
            </Button>
          }
        >
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            aria-label="整体支出绩效指标"
            dataSource={fields}
            columns={[
              {
                title: '指标',
                key: 'def',
                width: 380,
                render: (_, field) => (
                  <Space direction="vertical" size={4}>
                    <Form.Item
                      name={[field.name, 'name']}
                      style={{ margin: 0 }}
                      {...help(`indicators.${field.name}.name`)}
                    >
                      <Input placeholder="指标名称" aria-label={`第 ${field.name + 1} 项指标名称`} />
                    </Form.Item>
                    <Space.Compact>
                      <Form.Item name={[field.name, 'level1']} noStyle>
                        <Select
                          placeholder="一级指标"
                          style={{ width: 120 }}
                          options={LEVEL1}
                          aria-label={`第 ${field.name + 1} 项一级指标`}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'operator']} noStyle>
                        <Select
                          style={{ width: 80 }}
                          options={OPERATORS}
                          aria-label={`第 ${field.name + 1} 项比较方式`}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'target']} noStyle>
                        <InputNumber
                          placeholder="目标值"
                          style={{ width: 100 }}
                          aria-label={`第 ${field.name + 1} 项目标值`}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'points']} noStyle>
                        <InputNumber
                          placeholder="分值"
                          min={0}
                          style={{ width: 80 }}
                          aria-label={`第 ${field.name + 1} 项分值`}
                        />
                      </Form.Item>
                    </Space.Compact>
                  </Space>
                ),
              },
              {
                title: '实际完成',
                key: 'actual',
                render: (_, field) => (
                  <ResultField
                    line={
                      (form.getFieldValue(['indicators', field.name]) as LineValues | undefined) ?? { indicatorId: '' }
                    }
                    index={field.name}
                    name={[field.name]}
                    help={help}
                  />
                ),
              },
              {
                title: '偏差原因 / 改进措施',
                key: 'explain',
                width: 260,
                render: (_, field) => {
                  const line = (form.getFieldValue(['indicators', field.name]) as LineValues | undefined) ?? {
                    indicatorId: '',
                  };
                  return (
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <TextField
                        line={line}
                        index={field.name}
                        name={[field.name]}
                        field="deviationCause"
                        what="偏差原因"
                        help={help}
                      />
                      <TextField
                        line={line}
                        index={field.name}
                        name={[field.name]}
                        field="improvementMeasure"
                        what="改进措施"
                        help={help}
                      />
                    </Space>
                  );
                },
              },
              {
                title: '',
                key: 'remove',
                width: 70,
                render: (_, field) => (
                  <Button type="link" onClick={() => remove(field.name)}>
                    删除
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Form.List>
  );
}
