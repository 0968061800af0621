import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Space, Statistic, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { TypedDocumentString } from '../../gql/graphql';
import { gql, type GqlError } from '../../shell/api';
import { Chart } from '../../shell/chart';
import { QueryError } from '../../shell/errors';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import {
  EvaluationFiguresBySectorQuery,
  EvaluationUnitNamesQuery,
  KeyEvaluationScoresQuery,
  SelfEvaluationScoresQuery,
} from './evaluation-figures.documents';

const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'] as const;
const PAGE = 200; // the platform's largest page

type Paged<N> = { totalCount: number; nodes: N[] };

/** Every row of a paginated list, page by page (the year's evaluations: hundreds, not millions). */
async function everyPage<R, V, N>(
  document: TypedDocumentString<R, V>,
  variables: (page: { first: number; offset: number }) => V,
  pick: (result: R) => Paged<N>,
): Promise<N[]> {
  const rows: N[] = [];
  for (let offset = 0; ; offset += PAGE) {
    // the hooks module calls gql the same way: its variadic variables do not narrow for a generic V
    const run = gql as (d: TypedDocumentString<R, V>, v: V) => Promise<R>;
    const page = pick(await run(document, variables({ first: PAGE, offset })));
    rows.push(...page.nodes);
    if (rows.length >= page.totalCount || page.nodes.length === 0) return rows;
  }
}

const GRADE_COLORS: Record<(typeof GRADES)[number], string> = {
  EXCELLENT: '#389e0d',
  GOOD: '#1677ff',
  FAIR: '#d97706',
  POOR: '#cf1322',
};

const average = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, v) => a + v, 0) / values.length) * 100) / 100;

/**
 * 评价统计: the year's grades and scores — how many self-evaluations and key evaluations reached each
 * grade, and per unit the score of its overall expenditure and the average of its projects' — from the
 * scores the platform computed (the read lists, page by page); per sector (行业) the grade distribution
 * and average scores, as the platform groups them (`evaluationFigures`).
 */
export function EvaluationFiguresPage() {
  const { role } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const selfs = useQuery<Awaited<ReturnType<typeof loadSelf>>, GqlError>({
    queryKey: ['SelfEvaluationScores', { fiscalYear }],
    queryFn: () => loadSelf(fiscalYear),
  });
  const keys = useQuery<Awaited<ReturnType<typeof loadKey>>, GqlError>({
    queryKey: ['KeyEvaluationScores', { fiscalYear }],
    queryFn: () => loadKey(fiscalYear),
    enabled: can(role, 'Query.keyEvaluations'),
  });
  const units = useGql(EvaluationUnitNamesQuery, {}, { enabled: can(role, 'Query.budgetUnits') });
  const sectors = useGql(
    EvaluationFiguresBySectorQuery,
    { fiscalYear },
    { enabled: can(role, 'Query.evaluationFigures') },
  );
  const bySector = useMemo(() => sectors.data?.evaluationFigures.bySector ?? [], [sectors.data]);
  const names = useMemo(() => new Map((units.data?.budgetUnits.nodes ?? []).map((u) => [u.id, u.name])), [units.data]);
  const scored = useMemo(
    () => (selfs.data ?? []).filter((e) => e.total !== null && e.total !== undefined),
    [selfs.data],
  );
  const finals = useMemo(() => (keys.data ?? []).flatMap((e) => (e.final ? [e.final] : [])), [keys.data]);

  const gradeOption = useMemo<EChartsCoreOption>(() => {
    const count = (grades: (string | null | undefined)[]) => GRADES.map((g) => grades.filter((x) => x === g).length);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: GRADES.map((g) => label('Grade', g)) },
      yAxis: { type: 'value', name: '项', minInterval: 1 },
      series: [
        { name: '单位自评', type: 'bar', data: count(scored.map((e) => e.grade)), itemStyle: { color: '#1677ff' } },
        { name: '重点评价', type: 'bar', data: count(finals.map((f) => f.grade)), itemStyle: { color: '#389e0d' } },
      ],
    };
  }, [scored, finals]);

  const byUnit = useMemo(() => {
    const rows = new Map<string, { unitId: string; overall: number | null; projects: number[]; tasks: number }>();
    for (const e of selfs.data ?? []) {
      const row = rows.get(e.unitId) ?? { unitId: e.unitId, overall: null, projects: [], tasks: 0 };
      row.tasks += 1;
      if (e.total !== null && e.total !== undefined) {
        if (e.object === 'DEPT_OVERALL') row.overall = e.total;
        else row.projects.push(e.total);
      }
      rows.set(e.unitId, row);
    }
    return [...rows.values()]
      .map((row) => ({ ...row, projectAverage: average(row.projects), name: names.get(row.unitId) ?? row.unitId }))
      .filter((row) => row.overall !== null || row.projectAverage !== null)
      .sort((a, b) => (b.overall ?? b.projectAverage ?? 0) - (a.overall ?? a.projectAverage ?? 0));
  }, [selfs.data, names]);

  const unitOption = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, name: '分' },
      yAxis: { type: 'category', inverse: true, data: byUnit.map((row) => row.name) },
      series: [
        {
          name: '整体支出自评得分',
          type: 'bar',
          data: byUnit.map((row) => row.overall),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: '项目自评平均分',
          type: 'bar',
          data: byUnit.map((row) => row.projectAverage),
          itemStyle: { color: '#d97706' },
        },
      ],
    }),
    [byUnit],
  );

  // 分行业: each sector's self-evaluations stacked by grade (left axis), the average scores of both kinds (right axis)
  const sectorOption = useMemo<EChartsCoreOption>(() => {
    const countOf = (grades: { grade: string; count: number }[], grade: string) =>
      grades.find((g) => g.grade === grade)?.count ?? 0;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bySector.map((s) => s.sectorLabel) },
      yAxis: [
        { type: 'value', name: '自评项数', minInterval: 1 },
        { type: 'value', name: '平均分', min: 0, max: 100 },
      ],
      series: [
        ...GRADES.map((grade) => ({
          name: `自评${label('Grade', grade)}`,
          type: 'bar',
          stack: 'self',
          data: bySector.map((s) => countOf(s.selfEvaluation.grades, grade)),
          itemStyle: { color: GRADE_COLORS[grade] },
        })),
        {
          name: '自评平均分',
          type: 'line',
          yAxisIndex: 1,
          data: bySector.map((s) => s.selfEvaluation.averageScore),
          itemStyle: { color: '#531dab' },
        },
        {
          name: '重点评价平均分',
          // a line of its own points (the console registers no scatter chart); a sector without one has a gap
          type: 'line',
          yAxisIndex: 1,
          symbol: 'diamond',
          symbolSize: 12,
          lineStyle: { type: 'dashed' },
          data: bySector.map((s) => s.keyEvaluation.averageScore),
          itemStyle: { color: '#08979c' },
        },
      ],
    };
  }, [bySector]);

  const gradeText = (grades: { grade: string; count: number }[]) =>
    grades
      .filter((g) => g.count > 0)
      .map((g) => `${label('Grade', g.grade)} ${g.count}`)
      .join('，') || '—';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {fiscalYear} 年度评价统计
          </Typography.Title>
        }
        loading={selfs.isLoading}
      >
        <QueryError error={selfs.error ?? keys.error} />
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title="自评任务" value={selfs.data?.length ?? 0} suffix="项" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="已评分" value={scored.length} suffix="项" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="已认定"
              value={(selfs.data ?? []).filter((e) => e.status === 'ACCEPTED').length}
              suffix="项"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="自评平均分" value={average(scored.map((e) => e.total!)) ?? '—'} precision={2} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title="等级分布">
        {scored.length + finals.length === 0 ? (
          <Empty description="本年度尚无评分" />
        ) : (
          <Chart option={gradeOption} label="自评与重点评价的等级分布" />
        )}
      </Card>
      {can(role, 'Query.evaluationFigures') && (
        <Card size="small" title="分行业统计" loading={sectors.isLoading}>
          <QueryError error={sectors.error} />
          {bySector.length === 0 ? (
            <Empty description="本年度尚无评分" />
          ) : (
            <>
              <Chart option={sectorOption} height={340} label="各行业自评等级分布与平均分" />
              <Table
                rowKey="sector"
                size="small"
                pagination={false}
                dataSource={bySector}
                columns={[
                  { title: '行业', dataIndex: 'sectorLabel' },
                  { title: '单位数', dataIndex: 'unitCount', width: 80, align: 'right' as const },
                  {
                    title: '自评（已评分）',
                    key: 'self',
                    render: (_: unknown, s: (typeof bySector)[number]) =>
                      `${s.selfEvaluation.count} 项：${gradeText(s.selfEvaluation.grades)}`,
                  },
                  {
                    title: '自评平均分',
                    key: 'selfAverage',
                    width: 110,
                    align: 'right' as const,
                    render: (_: unknown, s: (typeof bySector)[number]) =>
                      s.selfEvaluation.averageScore === null ? '—' : s.selfEvaluation.averageScore.toFixed(2),
                  },
                  {
                    title: '重点评价',
                    key: 'key',
                    render: (_: unknown, s: (typeof bySector)[number]) =>
                      s.keyEvaluation.count === 0
                        ? '—'
                        : `${s.keyEvaluation.count} 项：${gradeText(s.keyEvaluation.grades)}`,
                  },
                  {
                    title: '重点评价平均分',
                    key: 'keyAverage',
                    width: 130,
                    align: 'right' as const,
                    render: (_: unknown, s: (typeof bySector)[number]) =>
                      s.keyEvaluation.averageScore === null ? '—' : s.keyEvaluation.averageScore.toFixed(2),
                  },
                ]}
              />
            </>
          )}
        </Card>
      )}
      <Card size="small" title="各单位得分">
        {byUnit.length === 0 ? (
          <Empty description="本年度尚无评分" />
        ) : (
          <>
            <Chart
              option={unitOption}
              height={Math.max(240, 40 + byUnit.length * 28)}
              label="各单位整体支出自评得分与项目自评平均分"
            />
            <Table
              rowKey="unitId"
              size="small"
              pagination={{ pageSize: 20 }}
              dataSource={byUnit}
              columns={[
                { title: '预算单位', dataIndex: 'name' },
                { title: '自评任务', dataIndex: 'tasks', width: 100, align: 'right' as const },
                {
                  title: '整体支出得分',
                  dataIndex: 'overall',
                  width: 130,
                  align: 'right' as const,
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                },
                {
                  title: '项目平均分',
                  dataIndex: 'projectAverage',
                  width: 130,
                  align: 'right' as const,
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}

const loadSelf = (fiscalYear: number) =>
  everyPage(
    SelfEvaluationScoresQuery,
    (page) => ({ filter: { fiscalYear }, page }),
    (r) => r.selfEvaluations,
  );

const loadKey = (fiscalYear: number) =>
  everyPage(
    KeyEvaluationScoresQuery,
    (page) => ({ filter: { fiscalYear }, page }),
    (r) => r.keyEvaluations,
  );
