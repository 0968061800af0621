import { Button, Card, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { ExemplarySamplesQuery } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useFiscalYear } from '../../shell/year';
import { useUrlParams } from '../../shell/url-params';

const ExemplarySamplesQuery = graphql(`
  query ExemplarySamples($filter: GoalFilter, $page: PageInput) {
    goals(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        projectCode
        projectName
        amount
        fiscalYear
        exemplaryReason
        unit {
          id
          name
        }
      }
    }
  }
`);

type Sample = ExemplarySamplesQuery['goals']['nodes'][number];

/**
 * 精品样本: approved goals the performance section published as examples, with why; a unit copies one
 * into a new draft for its own project (the goal editor, /goals/new?sample=<id>).
 */
export function SamplesPage() {
  const { role } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const [params, set] = useUrlParams();
  const [text, setText] = useState(params.get('text') ?? '');
  const allYears = params.get('years') === 'all';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const samples = useGql(ExemplarySamplesQuery, {
    filter: { exemplary: true, fiscalYear: allYears ? undefined : fiscalYear, text: params.get('text') || undefined },
    page: { first: pageSize, offset: (page - 1) * pageSize },
  });
  const copies = can(role, 'Mutation.draftGoalFromSample');
  const columns: ColumnsType<Sample> = [
    {
      title: '项目',
      dataIndex: 'projectName',
      render: (name: string, goal) => (
        <Space direction="vertical" size={0}>
          <Link to={`/goals/${goal.id}`}>{name}</Link>
          <Typography.Text type="secondary">{goal.projectCode}</Typography.Text>
        </Space>
      ),
    },
    { title: '预算单位', dataIndex: ['unit', 'name'], width: 180 },
    { title: '年度', dataIndex: 'fiscalYear', width: 80 },
    { title: '金额', dataIndex: 'amount', width: 150, align: 'right', render: yuan },
    { title: '评为样本的理由', dataIndex: 'exemplaryReason', render: (v: string | null) => v ?? '—' },
  ];
  if (copies) {
    // the goal editor drafts a goal for one of the person's projects from the sample (draftGoalFromSample)
    columns.push({
      title: '操作',
      key: 'copy',
      width: 150,
      render: (_: unknown, goal) => <Link to={`/goals/new?sample=${goal.id}`}>复制为新目标</Link>,
    });
  }
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          精品样本
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Button onClick={() => set({ years: allYears ? undefined : 'all', page: undefined })}>
            {allYears ? `只看 ${fiscalYear} 年度` : '查看全部年度'}
          </Button>
          <Input.Search
            aria-label="按项目名称或目标搜索"
            placeholder="项目名称或总体目标"
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => set({ text: value || undefined, page: undefined })}
            style={{ width: 240 }}
          />
        </Space>
      }
    >
      <QueryError error={samples.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={samples.isLoading}
        dataSource={samples.data?.goals.nodes}
        locale={{ emptyText: '暂无精品样本' }}
        pagination={{
          current: page,
          pageSize,
          total: samples.data?.goals.totalCount,
          showTotal: (total) => `共 ${total} 个精品样本`,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, size) => set({ page: String(p), size: String(size) }),
        }}
        columns={columns}
      />
    </Card>
  );
}
