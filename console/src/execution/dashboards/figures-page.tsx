import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import { Chart } from '../../shell/chart';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { DisbursementFiguresQuery } from '../disbursement/disbursement.documents';

const UnitNamesQuery = graphql(`
  query DisbursementUnitNames {
    budgetUnits(page: { first: 500 }) {
      nodes {
        id
        code
        name
      }
    }
  }
`);

/** Money (a decimal yuan string) in 万元 for a chart's axis; tables keep the exact string. */
const wan = (amount: string): number => Math.round(Number(amount) / 100) / 100;

/**
 * 拨款统计: the year's requests and amounts, cleared and held, documents received — in total, by month
 * (first submitted, China time) and by unit, from the one query a year-end report uses; and each unit's
 * execution rate (cleared ÷ budget allocated to its projects of the year), highest first.
 */
export function DisbursementFiguresPage() {
  const { role, unitId } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const ownUnit = role === 'BUDGET_UNIT' ? (unitId ?? undefined) : undefined;
  const figures = useGql(DisbursementFiguresQuery, { fiscalYear, unitId: ownUnit });
  const units = useGql(UnitNamesQuery, {}, { enabled: can(role, 'Query.budgetUnits') });
  const data = figures.data?.disbursementFigures;
  const names = useMemo(() => new Map((units.data?.budgetUnits.nodes ?? []).map((u) => [u.id, u.name])), [units.data]);
  const monthOption = useMemo<EChartsCoreOption>(() => {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const byMonth = new Map((data?.byMonth ?? []).map((row) => [row.month, row]));
    const series = (
      name: string,
      pick: (row: NonNullable<typeof data>['byMonth'][number]) => string,
      color: string,
    ) => ({
      name,
      type: 'bar',
      data: months.map((m) => {
        const row = byMonth.get(m);
        return row ? wan(pick(row)) : 0;
      }),
      itemStyle: { color },
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} 万元` },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => `${m}月`) },
      yAxis: { type: 'value', name: '万元' },
      series: [
        series('申请金额', (row) => row.amount, '#1677ff'),
        series('同意拨付', (row) => row.clearedAmount, '#389e0d'),
        series('暂缓', (row) => row.heldAmount, '#d97706'),
      ],
    };
  }, [data]);
  const rateRows = useMemo(
    () =>
      [...(data?.byUnit ?? [])]
        .filter((row) => row.executionRate !== null && row.executionRate !== undefined)
        .sort((a, b) => Number(b.executionRate) - Number(a.executionRate) || (a.unitId < b.unitId ? -1 : 1)),
    [data],
  );
  const rateOption = useMemo<EChartsCoreOption>(() => {
    // every unit with budget allocated, highest rate first; the axis reaches past 100% only if one does
    const rates = rateRows.map((row) => Number(row.executionRate));
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v.toFixed(2)}%` },
      grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: Math.max(100, ...rates), axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rateRows.map((row) => names.get(row.unitId) ?? row.unitId) },
      series: [
        {
          name: '预算执行率',
          type: 'bar',
          data: rates,
          label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value.toFixed(2)}%` },
          itemStyle: { color: '#389e0d' },
        },
      ],
    };
    // names arrive after the figures: the chart follows both
  }, [rateRows, names]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            拨款统计（{fiscalYear} 年度）
          </Typography.Title>
        }
        loading={figures.isLoading}
      >
        <QueryError error={figures.error} />
        {data && (
          <Row gutter={[16, 16]}>
            <Col span={6}>
              <Statistic title="申请笔数" value={data.total.requests} />
            </Col>
            <Col span={6}>
              <Statistic title="申请金额" value={yuan(data.total.amount)} />
            </Col>
            <Col span={6}>
              <Statistic title="同意拨付" value={`${data.total.cleared} 笔 ${yuan(data.total.clearedAmount)}`} />
            </Col>
            <Col span={6}>
              <Statistic title="暂缓 / 待审核" value={`${data.total.held} / ${data.total.waiting} 笔`} />
            </Col>
            <Col span={6}>
              <Statistic title="暂缓金额" value={yuan(data.total.heldAmount)} />
            </Col>
            <Col span={6}>
              <Statistic title="收到文件" value={`${data.total.documentsReceived} 份`} />
            </Col>
            <Col span={6}>
              <Statistic
                title="预算执行率（同意拨付 ÷ 已安排预算）"
                value={data.total.executionRate === null ? '—' : `${data.total.executionRate}%`}
              />
            </Col>
            <Col span={6}>
              <Statistic title="已安排预算" value={yuan(data.total.allocated)} />
            </Col>
          </Row>
        )}
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title="各月拨款金额（按首次提交月份）" size="small">
            {data && data.total.requests > 0 ? (
              <Chart label="各月申请、同意拨付与暂缓金额（万元）" option={monthOption} height={320} />
            ) : (
              <Empty description="本年度尚无拨款申请" />
            )}
          </Card>
        </Col>
        <Col span={10}>
          <Card title="各单位预算执行率（同意拨付 ÷ 本年度项目已安排预算）" size="small">
            {rateRows.length > 0 ? (
              <Chart
                label="各单位预算执行率（%），由高到低"
                option={rateOption}
                height={Math.max(320, rateRows.length * 28 + 40)}
              />
            ) : (
              <Empty description="本年度尚未安排预算" />
            )}
          </Card>
        </Col>
      </Row>
      <Card title="分单位统计" size="small">
        <Table
          rowKey="unitId"
          size="small"
          dataSource={data?.byUnit ?? []}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个单位` }}
          columns={[
            { title: '预算单位', dataIndex: 'unitId', width: 200, render: (id: string) => names.get(id) ?? id },
            { title: '申请笔数', dataIndex: 'requests', width: 90, align: 'right' },
            { title: '申请金额', dataIndex: 'amount', width: 140, align: 'right', render: yuan },
            { title: '同意拨付', dataIndex: 'cleared', width: 90, align: 'right' },
            { title: '同意拨付金额', dataIndex: 'clearedAmount', width: 140, align: 'right', render: yuan },
            { title: '暂缓', dataIndex: 'held', width: 70, align: 'right' },
            { title: '待审核', dataIndex: 'waiting', width: 80, align: 'right' },
            { title: '收到文件', dataIndex: 'documentsReceived', width: 90, align: 'right' },
            { title: '已安排预算', dataIndex: 'allocated', width: 140, align: 'right', render: yuan },
            { title: '累计同意拨付', dataIndex: 'executed', width: 140, align: 'right', render: yuan },
            {
              title: '预算执行率',
              dataIndex: 'executionRate',
              width: 100,
              align: 'right',
              render: (rate: string | null) => (rate === null ? '—' : `${rate}%`),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
