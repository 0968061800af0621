import { Tag } from 'antd';
import { yuan } from '../../shell/format';
import { label } from '../../shell/labels';

/** What a warning's numbers are called (the platform records them by name, e.g. executionRate). */
const FIGURE_NAMES: Record<string, string> = {
  executionRate: '执行率',
  elapsedShare: '时间进度',
  elapsedRate: '应达执行率',
  budgetFen: '预算',
  executedFen: '已执行',
  targetValue: '目标值',
  operator: '比较',
  forecast: '预计全年',
  indicator: '指标',
  likelihood: '完成可能性',
  dueDate: '截止日期',
  tolerancePoints: '容差（百分点）',
};

const figureValue = (name: string, value: string): string => {
  if (name === 'likelihood') return label('CompletionLikelihood', value);
  if (name.endsWith('Fen') && /^\d+$/.test(value))
    return yuan(`${BigInt(value) / 100n}.${String(BigInt(value) % 100n).padStart(2, '0')}`);
  if (name === 'executionRate' || name === 'elapsedRate') return /%$/.test(value) ? value : `${value}%`;
  return value;
};

/** A warning's numbers as the officials read them: 执行率 20.00% · 时间进度 7/12 … */
export const figuresText = (figures: readonly { name: string; value: string }[]): string =>
  figures.map((f) => `${FIGURE_NAMES[f.name] ?? f.name} ${figureValue(f.name, f.value)}`).join(' · ');

export function SeverityTag({ severity }: { severity: string }) {
  return <Tag color={severity === 'SERIOUS' ? 'error' : 'warning'}>{label('MonitoringWarningSeverity', severity)}</Tag>;
}

export const warningKind = (kind: string): string => label('MonitoringWarningKind', kind);
