import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, type ReactNode } from 'react';
import { graphql } from '../../gql';
import { Chart } from '../../shell/chart';
import { QueryError } from '../../shell/errors';
import { useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { statusPieOption, useGoalStatusCounts } from './goal-status-counts';

const CoverageQuery = graphql(`
  query DashboardCoverage($fiscalYear: Int!) {
    goalCoverage(fiscalYear: $fiscalYear) {
      fiscalYear
      projects
      projectsWithApprovedGoal
      coverage
      unit {
        id
        code
        name
      }
    }
  }
`);

const StatisticsQuery = graphql(`
  query DashboardReviewStatistics($fiscalYear: Int!) {
    reviewStatistics(fiscalYear: $fiscalYear) {
      goalsReviewed
      indicatorsReviewed
      reviewDecisions
      goalsApproved
      goalsReturned
    }
  }
`);

const ReturnReasonsQuery = graphql(`
  query DashboardReturnReasons($fiscalYear: Int!) {
    returnReasons(fiscalYear: $fiscalYear) {
      returnDecisions
      returnOpinions
      withoutIndicatorComment
      byReviewer {
        reviewerRole
        label
        count
      }
      byIndicatorCategory {
        level1
        label
        count
      }
    }
  }
`);

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

function ChartCard({
  title,
  loading,
  empty,
  children,
}: {
  title: string;
  loading: boolean;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {title}
        </Typography.Title>
      }
    >
      {loading ? <Skeleton active /> : empty ? <Empty description="本年度暂无数据" /> : children}
    </Card>
  );
}

/** 统计分析: the year's goal coverage per unit, the review figures and the goals by state, as charts. */
export function DashboardsPage() {
  const { role } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const coverage = useGql(CoverageQuery, { fiscalYear }, { enabled: can(role, 'Query.goalCoverage') });
  const statistics = useGql(StatisticsQuery, { fiscalYear }, { enabled: can(role, 'Query.reviewStatistics') });
  const returns = useGql(ReturnReasonsQuery, { fiscalYear }, { enabled: can(role, 'Query.returnReasons') });
  const readsGoals = can(role, 'Query.goalStatusCounts');
  const byStatus = useGoalStatusCounts(fiscalYear, readsGoals);

  const coverageRows = useMemo(
    () => [...(coverage.data?.goalCoverage ?? [])].sort((a, b) => a.unit.code.localeCompare(b.unit.code)),
    [coverage.data],
  );

  const coverageOption = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: number) => `${value.toFixed(1)}%`,
      },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: coverageRows.map((row) => row.unit.name) },
      series: [
        {
          name: '目标覆盖率',
          type: 'bar',
          data: coverageRows.map((row) => Math.round(row.coverage * 1000) / 10),
          label: { show: true, position: 'right', formatter: '{c}%' },
          itemStyle: { color: '#1d4ed8' },
        },
      ],
    }),
    [coverageRows],
  );

  const review = statistics.data?.reviewStatistics;
  const reviewOption = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: ['已审核目标', '审核决定', '评审通过', '曾被退回'] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: '数量',
          type: 'bar',
          data: review
            ? [
                review.goalsReviewed,
                review.reviewDecisions,
                { value: review.goalsApproved, itemStyle: { color: '#16a34a' } },
                { value: review.goalsReturned, itemStyle: { color: '#d97706' } },
              ]
            : [],
          label: { show: true, position: 'top' },
          itemStyle: { color: '#1d4ed8' },
        },
      ],
    }),
    [review],
  );

  const statusOption = useMemo(() => statusPieOption(byStatus.slices), [byStatus.slices]);

  const reasons = returns.data?.returnReasons;
  const returnsOption = useMemo<EChartsCoreOption>(() => {
    const categories = [
      ...(reasons?.byIndicatorCategory ?? []).map((row) => ({ name: `指标：${row.label}`, value: row.count })),
      ...(reasons?.withoutIndicatorComment ? [{ name: '未针对具体指标', value: reasons.withoutIndicatorComment }] : []),
    ];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: [
        { left: 8, right: '55%', top: 40, bottom: 8, containLabel: true },
        { left: '52%', right: 16, top: 40, bottom: 8, containLabel: true },
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1 },
        { type: 'value', gridIndex: 1, minInterval: 1 },
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: (reasons?.byReviewer ?? []).map((row) => row.label) },
        { type: 'category', gridIndex: 1, inverse: true, data: categories.map((row) => row.name) },
      ],
      series: [
        {
          name: '按退回人',
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: (reasons?.byReviewer ?? []).map((row) => row.count),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#d97706' },
        },
        {
          name: '按意见针对的指标',
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: categories.map((row) => row.value),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#b45309' },
        },
      ],
    };
  }, [reasons]);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
          统计分析 · {fiscalYear} 年度
        </Typography.Title>
      </Col>
      {review && (
        <Col span={24}>
          <Card>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title="已审核目标" value={review.goalsReviewed} suffix="个" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="审核指标" value={review.indicatorsReviewed} suffix="项" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="评审通过" value={review.goalsApproved} suffix="个" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="退回率"
                  value={review.goalsReviewed ? percent(review.goalsReturned / review.goalsReviewed) : '—'}
                />
              </Col>
            </Row>
          </Card>
        </Col>
      )}
      {can(role, 'Query.goalCoverage') && (
        <Col xs={24} xl={12}>
          <ChartCard title="各单位目标覆盖率" loading={coverage.isLoading} empty={coverageRows.length === 0}>
            <QueryError error={coverage.error} />
            <Chart
              label="各单位有已批准绩效目标的项目占比"
              option={coverageOption}
              height={Math.max(240, coverageRows.length * 36 + 40)}
            />
            <Table
              size="small"
              rowKey={(row) => row.unit.id}
              pagination={false}
              dataSource={coverageRows}
              style={{ marginTop: 12 }}
              columns={[
                { title: '预算单位', dataIndex: ['unit', 'name'] },
                { title: '项目数', dataIndex: 'projects', align: 'right', width: 90 },
                { title: '有已批准目标', dataIndex: 'projectsWithApprovedGoal', align: 'right', width: 120 },
                { title: '覆盖率', dataIndex: 'coverage', align: 'right', width: 90, render: percent },
              ]}
            />
          </ChartCard>
        </Col>
      )}
      <Col xs={24} xl={12}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {readsGoals && (
            <ChartCard
              title={`目标状态分布（共 ${byStatus.total} 个）`}
              loading={byStatus.loading}
              empty={byStatus.total === 0}
            >
              <QueryError error={byStatus.error} />
              <Chart label="各状态的绩效目标数" option={statusOption} height={320} />
            </ChartCard>
          )}
          {can(role, 'Query.reviewStatistics') && (
            <ChartCard
              title="目标审核统计"
              loading={statistics.isLoading}
              empty={!review || review.goalsReviewed === 0}
            >
              <QueryError error={statistics.error} />
              <Chart label="已审核、通过与退回的目标数" option={reviewOption} height={300} />
            </ChartCard>
          )}
          {can(role, 'Query.returnReasons') && (
            <ChartCard
              title={`退回原因（退回决定 ${reasons?.returnDecisions ?? 0} 次，退回意见 ${reasons?.returnOpinions ?? 0} 条）`}
              loading={returns.isLoading}
              empty={!reasons || reasons.returnDecisions + reasons.returnOpinions === 0}
            >
              <QueryError error={returns.error} />
              <Chart label="按退回人和意见针对的指标类别统计的退回" option={returnsOption} height={300} />
            </ChartCard>
          )}
        </Space>
      </Col>
    </Row>
  );
}
