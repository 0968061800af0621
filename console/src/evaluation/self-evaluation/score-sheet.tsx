import { Descriptions, Table, Tag, Typography } from 'antd';
import type { PreviewSelfEvaluationScoreQuery } from '../../gql/graphql';
import { label } from '../../shell/labels';

/** A computed sheet: the preview's (whose issues the form shows apart) or the one recorded on submission. */
type Sheet = Omit<PreviewSelfEvaluationScoreQuery['previewSelfEvaluationScore'], 'issues'>;

const GRADE_COLORS: Record<string, string> = {
  EXCELLENT: 'success',
  GOOD: 'processing',
  FAIR: 'warning',
  POOR: 'error',
};

/** A grade (优/良/中/差) as a tag, or — before there is one. */
export function GradeTag({ grade }: { grade?: string | null }) {
  if (!grade) return <>—</>;
  return <Tag color={GRADE_COLORS[grade] ?? 'default'}>{label('Grade', grade)}</Tag>;
}

/**
 * The score sheet the platform computed: budget execution, each indicator line with its formula and
 * numbers (so a unit sees why 18.75 and not 25), each part scaled to its weight, the total and grade.
 */
export function ScoreSheet({ sheet }: { sheet: Sheet }) {
  return (
    <>
      <Table
        rowKey="indicatorId"
        size="small"
        pagination={false}
        aria-label="各指标得分"
        dataSource={sheet.lines}
        columns={[
          { title: '指标', dataIndex: 'name' },
          { title: '部分', dataIndex: 'part', width: 110, render: (part: string) => label('SelfEvaluationPart', part) },
          {
            title: '分值',
            key: 'points',
            width: 150,
            render: (_, line) => (
              <span>
                {line.scaledPoints}
                {line.scaledPoints !== line.points && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {line.scaling.zh}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          {
            title: '得分计算式',
            key: 'formula',
            render: (_, line) => (
              <Typography.Text code aria-label={`${line.name}得分计算式`}>
                {line.formula.zh}
              </Typography.Text>
            ),
          },
          {
            title: '得分',
            key: 'awarded',
            width: 110,
            align: 'right' as const,
            render: (_, line) => (
              <span>
                {line.awarded.toFixed(2)} {!line.full && <Tag color="warning">未满分</Tag>}
              </span>
            ),
          },
        ]}
      />
      <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }} aria-label="各部分得分">
        <Descriptions.Item label={`预算执行率（权重 ${sheet.budgetExecution.weight}）`}>
          {sheet.budgetExecution.awarded.toFixed(2)}{' '}
          <Typography.Text code>{sheet.budgetExecution.formula.zh}</Typography.Text>
        </Descriptions.Item>
        {sheet.parts
          .filter((part) => part.part !== 'BUDGET_EXECUTION')
          .map((part) => (
            <Descriptions.Item
              key={part.part}
              label={`${label('SelfEvaluationPart', part.part)}（权重 ${part.weight}${
                part.weight !== part.profileWeight ? `，规则 ${part.profileWeight}` : ''
              }）`}
            >
              {part.awarded.toFixed(2)} <Typography.Text code>{part.formula.zh}</Typography.Text>
            </Descriptions.Item>
          ))}
        <Descriptions.Item label="总分与等级">
          <Typography.Text strong style={{ fontSize: 16 }} aria-label="总分">
            {sheet.total.toFixed(2)}
          </Typography.Text>{' '}
          <GradeTag grade={sheet.grade} />
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
