import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import type { GoalStatus } from '../../gql/graphql';
import { useGql } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';

/** The year's goals by state in one read, under the caller's row scope like the goals list. */
const StatusCountsQuery = graphql(`
  query GoalStatusCounts($fiscalYear: Int!) {
    goalStatusCounts(fiscalYear: $fiscalYear) {
      status
      count
    }
  }
`);

export interface StatusSlice {
  status: GoalStatus;
  /** The state's name, its first clause (草稿，单位编制中 → 草稿). */
  name: string;
  value: number;
}

/** The year's goals the person may see, counted per state. */
export function useGoalStatusCounts(fiscalYear: number, enabled: boolean) {
  const counts = useGql(StatusCountsQuery, { fiscalYear }, { enabled });
  const slices = useMemo(() => {
    const byStatus = new Map(counts.data?.goalStatusCounts.map((row) => [row.status, row.count]));
    return (optionsOf('GoalStatus') as { value: GoalStatus; label: string }[]).map(({ value, label }) => ({
      status: value,
      name: label.split(/[，：]/)[0]!,
      value: byStatus.get(value) ?? 0,
    }));
  }, [counts.data]);
  return {
    slices,
    total: slices.reduce((sum, slice) => sum + slice.value, 0),
    loading: counts.isLoading,
    error: counts.error ?? null,
  };
}

/** One colour per state wherever the states are drawn (the palette's order would shift with empty states). */
const COLORS: Record<GoalStatus, string> = {
  DRAFT: '#94a3b8',
  SUBMITTED: '#60a5fa',
  FINANCE_REVIEW: '#1d4ed8',
  RETURNED: '#f59e0b',
  APPROVED: '#22c55e',
  ISSUED: '#15803d',
  ADJUSTED: '#0d9488',
};

/** A doughnut of the goals by state (states with none left out). */
export const statusPieOption = (slices: StatusSlice[], compact = false): EChartsCoreOption => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
  // a plain legend wraps onto a second line where the states do not fit one (a scrolling one hides some)
  legend: compact ? { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' } : { bottom: 0 },
  series: [
    {
      name: '目标状态',
      type: 'pie',
      radius: compact ? ['45%', '75%'] : ['40%', '70%'],
      center: compact ? ['35%', '50%'] : ['50%', '42%'],
      label: { formatter: '{c}' },
      data: slices
        .filter((slice) => slice.value > 0)
        .map(({ status, name, value }) => ({ name, value, itemStyle: { color: COLORS[status] } })),
    },
  ],
});
