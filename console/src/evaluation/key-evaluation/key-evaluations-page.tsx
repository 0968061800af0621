import { keepPreviousData } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { KeyEvaluationStage } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { daysSince } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { StatusTag } from '../../shell/status-tag';
import { useUrlParams } from '../../shell/url-params';
import { useFiscalYear } from '../../shell/year';
import { GradeTag } from '../self-evaluation/score-sheet';
import { KeyEvaluationsQuery } from './key-evaluation.documents';

/**
 * 重点评价: the year's key and department evaluations, newest planned first — an agency sees the ones
 * assigned to it, a unit the ones of its own, the bureau all (the platform's scope) — with the stage,
 * days in it, open feedback and the final score.
 */
export function KeyEvaluationsPage() {
  const fiscalYear = useFiscalYear();
  const [params, setParams] = useUrlParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const stage = (params.get('stage') ?? undefined) as KeyEvaluationStage | undefined;
  const evaluations = useGql(
    KeyEvaluationsQuery,
    { filter: { fiscalYear, stage }, page: { first: pageSize, offset: (page - 1) * pageSize } },
    { placeholderData: keepPreviousData },
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          重点评价
        </Typography.Title>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="按阶段筛选"
          allowClear
          placeholder="全部阶段"
          style={{ width: 180 }}
          value={stage}
          options={optionsOf('KeyEvaluationStage')}
          onChange={(next?: string) => setParams({ stage: next, page: undefined })}
        />
      </Space>
      <QueryError error={evaluations.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={evaluations.isFetching}
        dataSource={evaluations.data?.keyEvaluations.nodes ?? []}
        locale={{ emptyText: '本年度暂无重点评价' }}
        pagination={{
          current: page,
          pageSize,
          total: evaluations.data?.keyEvaluations.totalCount,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        columns={[
          {
            title: '评价对象',
            key: 'subject',
            render: (_, e) => (
              <span>
                <Link to={`/key-evaluations/${e.id}`}>{e.subject}</Link>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {label('KeyEvaluationKind', e.kind)} · {label('KeyEvaluationObject', e.object)}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: '阶段',
            key: 'stage',
            width: 200,
            render: (_, e) => (
              <Space size={4} wrap>
                <StatusTag of="KeyEvaluationStage" status={e.stage} />
                {e.openFeedback > 0 && <Tag color="warning">待回复意见 {e.openFeedback}</Tag>}
              </Space>
            ),
          },
          {
            title: '本阶段天数',
            dataIndex: 'stageEnteredAt',
            width: 110,
            align: 'right' as const,
            render: (at: string) => daysSince(at),
          },
          { title: '委托合同', dataIndex: 'contractNumber', width: 150, render: (n?: string | null) => n ?? '—' },
          {
            title: '得分',
            key: 'total',
            width: 120,
            render: (_, e) =>
              e.final ? (
                <span>
                  {e.final.total.toFixed(2)} <GradeTag grade={e.final.grade} />
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: '操作',
            key: 'act',
            width: 100,
            render: (_, e) => (
              <Link to={`/key-evaluations/${e.id}`} aria-label={`打开：${e.subject}`}>
                打开
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
