import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { label, optionsOf } from '../../shell/labels';
import { ROLE_LABELS, type Role } from '../../shell/roles';
import type { FieldIssue } from './goal-checks';
import type { GoalDetail, GoalIndicator } from './goal.documents';

/** A reviewer's comment on one indicator, from a review decision or a joint-review opinion. */
export interface IndicatorRemark {
  round: number;
  who: string;
  comment: string;
}

/** Every reviewer comment per indicator id, newest round first. */
export function remarksByIndicator(goal: GoalDetail): Map<string, IndicatorRemark[]> {
  const remarks = new Map<string, IndicatorRemark[]>();
  const add = (indicatorId: string, remark: IndicatorRemark) =>
    remarks.set(indicatorId, [...(remarks.get(indicatorId) ?? []), remark]);
  for (const o of goal.opinions) {
    const who = `${label('JointReviewerRole', o.reviewerRole)}（联审意见）`;
    for (const c of o.indicatorComments) add(c.indicatorId, { round: o.round, who, comment: c.comment });
  }
  for (const r of goal.reviews) {
    const who = `${ROLE_LABELS[r.reviewerRole as Role] ?? r.reviewerRole}（${label('ReviewStage', r.stage)}）`;
    for (const c of r.indicatorComments) add(c.indicatorId, { round: r.round, who, comment: c.comment });
  }
  for (const list of remarks.values()) list.sort((a, b) => b.round - a.round);
  return remarks;
}

// the schema lists the categories in the catalog's order (and the rules stay out of the page's first load)
const LEVEL1_ORDER = optionsOf('IndicatorLevel1').map((o) => o.value);
const LEVEL2_ORDER = optionsOf('IndicatorLevel2').map((o) => o.value);

/** The framework's order: level 1 (产出 → 效益 → 满意度 → 成本), then level 2, then as entered. */
export function inFrameworkOrder<T extends { level1: string; level2: string }>(indicators: readonly T[]): T[] {
  return indicators
    .map((indicator, index) => ({ indicator, index }))
    .sort(
      (a, b) =>
        LEVEL1_ORDER.indexOf(a.indicator.level1) - LEVEL1_ORDER.indexOf(b.indicator.level1) ||
        LEVEL2_ORDER.indexOf(a.indicator.level2) - LEVEL2_ORDER.indexOf(b.indicator.level2) ||
        a.index - b.index,
    )
    .map(({ indicator }) => indicator);
}

/** 「≥ 95%」 or the qualitative wording. */
export function targetOf(i: Pick<GoalIndicator, 'operator' | 'targetValue' | 'targetText' | 'unit'>): string {
  if (i.operator === 'QUALITATIVE') return i.targetText ?? '—';
  const symbol = label('IndicatorOperator', i.operator).split(' ')[0];
  return `${symbol} ${i.targetValue ?? '—'}${i.unit ? ` ${i.unit}` : ''}`;
}

/** How many rows a cell spans: the first row of a run of equal keys spans the run, the rest 0. */
function spans(rows: GoalIndicator[], key: (i: GoalIndicator) => string): number[] {
  return rows.map((row, index) => {
    if (index > 0 && key(rows[index - 1]!) === key(row)) return 0;
    let end = index;
    while (end < rows.length && key(rows[end]!) === key(row)) end += 1;
    return end - index;
  });
}

interface Props {
  goal: GoalDetail;
  /** Problems the submission check found, by indicator id (editor only). */
  problems?: Map<string, FieldIssue[]>;
  /** The editor's buttons for one indicator. */
  actions?: (indicator: GoalIndicator) => ReactNode;
}

/** 指标体系: level 1 → level 2 → indicator, with the reviewers' comments beside each indicator. */
export function IndicatorTable({ goal, problems, actions }: Props) {
  const rows = inFrameworkOrder(goal.indicators);
  const level1Spans = spans(rows, (i) => i.level1);
  const level2Spans = spans(rows, (i) => `${i.level1}/${i.level2}`);
  const remarks = remarksByIndicator(goal);
  const spanOf = (list: number[]) => (_: GoalIndicator, index?: number) => ({ rowSpan: list[index ?? 0] });
  const columns: ColumnsType<GoalIndicator> = [
    {
      title: '一级指标',
      dataIndex: 'level1',
      width: 100,
      onCell: spanOf(level1Spans),
      render: (v: string) => label('IndicatorLevel1', v).split('，')[0],
    },
    {
      title: '二级指标',
      dataIndex: 'level2',
      width: 120,
      onCell: spanOf(level2Spans),
      render: (v: string) => label('IndicatorLevel2', v),
    },
    {
      title: '三级指标',
      dataIndex: 'name',
      width: 220,
      render: (name: string, i) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {i.core && <Tag color="red">核心</Tag>}
          {i.templateId && <Tag color="blue">指标库</Tag>}
          {i.revisionCount > 0 && <Tag>已修改 {i.revisionCount} 次</Tag>}
        </Space>
      ),
    },
    { title: '指标值', key: 'target', width: 150, render: (_, i) => targetOf(i) },
    { title: '分值', dataIndex: 'points', width: 70, align: 'right' },
    { title: '目标值依据', dataIndex: 'basis', width: 100, render: (v: string) => label('TargetBasis', v) },
    {
      title: '审核意见',
      key: 'remarks',
      width: 260,
      render: (_, i) => <Remarks remarks={remarks.get(i.id)} round={goal.reviewRounds} />,
    },
  ];
  if (problems) {
    columns.push({
      title: '提交检查',
      key: 'problems',
      width: 200,
      render: (_, i) => {
        const list = problems.get(i.id);
        if (!list?.length) return <Typography.Text type="success">符合要求</Typography.Text>;
        return list.map((p) => (
          <Typography.Text key={p.path + p.zh} type="danger" style={{ display: 'block' }}>
            {p.zh}
          </Typography.Text>
        ));
      },
    });
  }
  if (actions) columns.push({ title: '操作', key: 'actions', width: 130, render: (_, i) => actions(i) });
  const total = rows.reduce((sum, i) => sum + i.points, 0);
  return (
    <Table
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: '尚无绩效指标' }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4}>
            合计 {rows.length} 个指标
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            {Math.round(total * 100) / 100}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={5} colSpan={columns.length - 5} />
        </Table.Summary.Row>
      )}
    />
  );
}

/** The comments on one indicator: this round's plainly, earlier rounds greyed. */
function Remarks({ remarks, round }: { remarks: IndicatorRemark[] | undefined; round: number }) {
  if (!remarks?.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space direction="vertical" size={2} aria-label="审核意见">
      {remarks.map((r, n) => (
        <Typography.Text key={n} type={r.round === round ? 'warning' : 'secondary'}>
          第 {r.round} 轮 · {r.who}：{r.comment}
        </Typography.Text>
      ))}
    </Space>
  );
}
