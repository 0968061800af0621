import { Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { optionsOf } from '../../shell/labels';
import type { LineValues } from './sheet-draft';

export type Help = (path: string) => { help?: string; validateStatus?: 'error' };

/** The actual value, or for a qualitative indicator its level, percent within the band and reason. */
export function ResultField({
  line,
  index,
  name,
  help,
}: {
  line: LineValues;
  index: number;
  name: (string | number)[];
  help: Help;
}) {
  const at = `indicators.${index}`;
  const title = line.name || `第 ${index + 1} 项指标`;
  if (line.operator !== 'QUALITATIVE') {
    return (
      <Form.Item name={[...name, 'actual']} style={{ margin: 0 }} {...help(`${at}.actual`)}>
        <InputNumber aria-label={`${title}实际完成值`} style={{ width: 140 }} />
      </Form.Item>
    );
  }
  return (
    <Space direction="vertical" size={4}>
      <Space.Compact>
        <Form.Item name={[...name, 'qualitative', 'level']} noStyle>
          <Select
            aria-label={`${title}完成等级`}
            placeholder="完成等级"
            style={{ width: 190 }}
            options={optionsOf('QualitativeLevel')}
          />
        </Form.Item>
        <Form.Item name={[...name, 'qualitative', 'percent']} noStyle>
          <InputNumber
            aria-label={`${title}得分比例`}
            placeholder="得分比例"
            min={0}
            max={100}
            addonAfter="%"
            style={{ width: 130 }}
          />
        </Form.Item>
      </Space.Compact>
      {(help(`${at}.qualitative.percent`).help ?? help(`${at}.qualitative`).help) && (
        <Typography.Text type="danger">
          {help(`${at}.qualitative.percent`).help ?? help(`${at}.qualitative`).help}
        </Typography.Text>
      )}
      <Form.Item name={[...name, 'reason']} style={{ margin: 0 }} {...help(`${at}.reason`)}>
        <Input aria-label={`${title}评定理由`} placeholder="评定理由" />
      </Form.Item>
    </Space>
  );
}

/** A line's deviation cause or improvement measure, with the platform's word beside it. */
export function TextField(props: {
  line: LineValues;
  index: number;
  name: (string | number)[];
  field: 'deviationCause' | 'improvementMeasure';
  what: string;
  help: Help;
}) {
  return (
    <Form.Item
      name={[...props.name, props.field]}
      style={{ margin: 0 }}
      {...props.help(`indicators.${props.index}.${props.field}`)}
    >
      <Input.TextArea
        autoSize
        placeholder={props.what}
        aria-label={`${props.line.name || `第 ${props.index + 1} 项指标`}${props.what}`}
      />
    </Form.Item>
  );
}
