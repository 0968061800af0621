import { Descriptions, Tag } from 'antd';
import type { DisbursementFact } from '../../gql/graphql';
import { label } from '../../shell/labels';

/** The opinion form's facts, as the platform pre-fills and records them. */
export interface Facts {
  goalSet: boolean;
  goalStatus?: string | null;
  inGoalManagement: boolean;
  executionRate?: string | null;
  latestLikelihood?: string | null;
  stopFunding: boolean;
  heldBefore: number;
}

/** The facts a signer may correct (with a reason), in the form's order. */
export const CORRECTABLE: { fact: DisbursementFact; label: string; kind: 'boolean' | 'percent' | 'likelihood' }[] = [
  { fact: 'goalSet', label: '是否设定绩效目标', kind: 'boolean' },
  { fact: 'inGoalManagement', label: '是否纳入目标管理', kind: 'boolean' },
  { fact: 'executionRate', label: '预算执行率（%）', kind: 'percent' },
  { fact: 'latestLikelihood', label: '最近监控的完成可能性', kind: 'likelihood' },
];

export const FACT_LABELS: Record<string, string> = Object.fromEntries(CORRECTABLE.map((c) => [c.fact, c.label]));

const yesNo = (value: boolean) => (value ? <Tag color="success">是</Tag> : <Tag color="error">否</Tag>);

/** A fact's value as text (an override's shown and signed values are strings: true/false, 58.33, AT_RISK). */
export function factText(fact: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '无';
  if (value === 'true') return '是';
  if (value === 'false') return '否';
  if (fact === 'executionRate') return `${value}%`;
  if (fact === 'latestLikelihood') return label('CompletionLikelihood', value);
  return value;
}

/** The facts as a table: pre-filled now (the opinion form) or as shown when the opinion was signed. */
export function FactsTable({ facts, title }: { facts: Facts; title: string }) {
  return (
    <Descriptions title={title} bordered size="small" column={2}>
      <Descriptions.Item label="是否设定绩效目标">{yesNo(facts.goalSet)}</Descriptions.Item>
      <Descriptions.Item label="目标状态">{label('GoalStatus', facts.goalStatus)}</Descriptions.Item>
      <Descriptions.Item label="是否纳入目标管理">{yesNo(facts.inGoalManagement)}</Descriptions.Item>
      <Descriptions.Item label="预算执行率">
        {facts.executionRate ? `${facts.executionRate}%` : '尚无拨付或监控'}
      </Descriptions.Item>
      <Descriptions.Item label="最近监控的完成可能性">
        {facts.latestLikelihood ? label('CompletionLikelihood', facts.latestLikelihood) : '尚未监控'}
      </Descriptions.Item>
      <Descriptions.Item label="停止拨款决定">
        {facts.stopFunding ? <Tag color="error">有，未解除</Tag> : <Tag>无</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="此前暂缓次数">{facts.heldBefore}</Descriptions.Item>
    </Descriptions>
  );
}
