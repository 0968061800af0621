import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { graphql } from '../../gql';
import type { GoalStatus, GoalsQuery as GoalsResult } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useFiscalYear } from '../../shell/year';
import { useUrlParams } from '../../shell/url-params';

const GoalsQuery = graphql(`
  query Goals($filter: GoalFilter, $page: PageInput) {
    goals(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        projectCode
        projectName
        amount
        status
        statusLabel
        reviewRounds
        updatedAt
        unit {
          id
          name
        }
      }
    }
  }
`);

type GoalRow = GoalsResult['goals']['nodes'][number];

// built once: new column objects on every render would make the table re-render every cell
const COLUMNS: TableColumnsType<GoalRow> = [
  { title: '项目编码', dataIndex: 'projectCode', width: 140 },
  {
    title: '项目名称',
    dataIndex: 'projectName',
    render: (name: string, goal) => <Link to={`/goals/${goal.id}`}>{name}</Link>,
  },
  { title: '预算单位', dataIndex: ['unit', 'name'], width: 200 },
  { title: '金额', dataIndex: 'amount', width: 160, align: 'right', render: yuan },
  {
    title: '状态',
    dataIndex: 'status',
    width: 220,
    render: (value: string, goal) => <StatusTag status={value} label={goal.statusLabel} />,
  },
  { title: '评审轮次', dataIndex: 'reviewRounds', width: 100 },
];

const PAGE_SIZES = [20, 50, 100, 200];
const showTotal = (total: number) => `共 ${total} 个绩效目标`;

/** 绩效目标: the year's goals the person may see, filtered by state and text, a page at a time. */
export function GoalsPage() {
  const fiscalYear = useFiscalYear();
  const [params, set] = useUrlParams();
  const navigate = useNavigate();
  const role = currentSession()?.identity.role;
  const status = (params.get('status') as GoalStatus | null) ?? undefined;
  const [text, setText] = useState(params.get('text') ?? '');
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  // another page or size keeps the rows on screen (under the spinner) until the next ones arrive
  const goals = useGql(
    GoalsQuery,
    {
      filter: { fiscalYear, status, text: params.get('text') || undefined },
      page: { first: pageSize, offset: (page - 1) * pageSize },
    },
    { placeholderData: keepPreviousData },
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          绩效目标
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {role && can(role, 'Mutation.draftGoal') && (
            <Button type="primary" onClick={() => navigate('/goals/new')}>
              新建绩效目标
            </Button>
          )}
          <Select
            aria-label="按状态筛选"
            allowClear
            placeholder="全部状态"
            style={{ width: 240 }}
            value={status}
            options={optionsOf('GoalStatus')}
            onChange={(value?: string) => set({ status: value, page: undefined })}
          />
          <Input.Search
            aria-label="按项目名称或编码搜索"
            placeholder="项目名称或编码"
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(value) => set({ text: value || undefined, page: undefined })}
            style={{ width: 240 }}
          />
        </Space>
      }
    >
      <QueryError error={goals.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={goals.isLoading || goals.isPlaceholderData}
        dataSource={goals.data?.goals.nodes}
        pagination={{
          current: page,
          pageSize,
          total: goals.data?.goals.totalCount,
          showTotal,
          pageSizeOptions: PAGE_SIZES,
          onChange: (p, size) => set({ page: String(p), size: String(size) }),
        }}
        columns={COLUMNS}
      />
    </Card>
  );
}
