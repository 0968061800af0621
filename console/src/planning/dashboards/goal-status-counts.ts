import { useQueries } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import type { GoalStatus, TypedDocumentString } from '../../gql/graphql';
import { gql, type GqlError } from '../../shell/api';
import { keyOf } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';

/**
 * One count per state. The platform has no aggregate of goals by state; a page of one row per state
 * (its totalCount) is seven small reads, each under the caller's row scope like the goals list.
 */
const StatusCountQuery = graphql(`
  query GoalStatusCount($filter: GoalFilter) {
    goals(filter: $filter, page: { first: 1 }) {
      totalCount
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
  const statuses = optionsOf('GoalStatus') as { value: GoalStatus; label: string }[];
  const counts = useQueries({
    queries: statuses.map(({ value }) => {
      const variables = { filter: { fiscalYear, status: value } };
      return {
        queryKey: keyOf(StatusCountQuery as TypedDocumentString<unknown, unknown>, variables),
        queryFn: () => gql(StatusCountQuery, variables),
        enabled,
      };
    }),
  });
  // the slices as a string: useQueries answers a new array every render, the chart follows the values
  const key = JSON.stringify(
    statuses.map(({ value, label }, i) => ({
      status: value,
      name: label.split(/[，：]/)[0],
      value: counts[i]?.data?.goals.totalCount ?? 0,
    })),
  );
  const slices = useMemo(() => JSON.parse(key) as StatusSlice[], [key]);
  return {
    slices,
    total: slices.reduce((sum, slice) => sum + slice.value, 0),
    loading: counts.some((c) => c.isLoading),
    error: (counts.find((c) => c.error)?.error as GqlError | undefined) ?? null,
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
