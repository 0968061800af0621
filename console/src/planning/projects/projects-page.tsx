import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import type { LibraryStatus } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useFiscalYear } from '../../shell/year';
import { UnitSelect } from './unit-select';
import { useUrlParams } from '../../shell/url-params';

const ProjectsQuery = graphql(`
  query Projects($filter: ProjectFilter, $page: PageInput) {
    projects(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        code
        name
        category
        isNew
        isMajor
        amountRequested
        allocatedTotal
        libraryStatus
        libraryBlockers {
          condition
          zh
        }
        unit {
          id
          name
        }
      }
    }
  }
`);

/** 项目库: the year's projects, their library status and — for those the gate still refuses — why. */
export function ProjectsPage() {
  const { role } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const [params, set] = useUrlParams();
  const unitId = params.get('unit') ?? undefined;
  const libraryStatus = (params.get('status') as LibraryStatus | null) ?? undefined;
  const blockedOnly = params.get('blocked') === '1';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const projects = useGql(ProjectsQuery, {
    filter: { fiscalYear, unitId, libraryStatus, blockedOnly: blockedOnly || undefined },
    page: { first: pageSize, offset: (page - 1) * pageSize },
  });
  const seesUnits = role !== 'BUDGET_UNIT' && can(role, 'Query.budgetUnits');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          项目库
        </Typography.Title>
      }
      extra={
        <Space wrap>
          {seesUnits && (
            <UnitSelect
              ariaLabel="按预算单位筛选"
              value={unitId}
              onChange={(value) => set({ unit: value, page: undefined })}
            />
          )}
          <Select
            aria-label="按项目库状态筛选"
            allowClear
            placeholder="全部库状态"
            style={{ width: 160 }}
            value={libraryStatus}
            options={optionsOf('LibraryStatus')}
            onChange={(value?: string) => set({ status: value, page: undefined })}
          />
          <Checkbox
            checked={blockedOnly}
            onChange={(e) => set({ blocked: e.target.checked ? '1' : undefined, page: undefined })}
          >
            只看不能入库的项目
          </Checkbox>
          {can(role, 'Mutation.proposeProject') && (
            <Link to="/projects/new">
              <Button type="primary">申报项目</Button>
            </Link>
          )}
        </Space>
      }
    >
      <QueryError error={projects.error} />
      <Table
        rowKey="id"
        size="middle"
        scroll={{ x: 1280 }}
        loading={projects.isLoading}
        dataSource={projects.data?.projects.nodes}
        pagination={{
          current: page,
          pageSize,
          total: projects.data?.projects.totalCount,
          showTotal: (total) => `共 ${total} 个项目`,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (p, size) => set({ page: String(p), size: String(size) }),
        }}
        columns={[
          { title: '项目编码', dataIndex: 'code', width: 150 },
          {
            title: '项目名称',
            dataIndex: 'name',
            width: 260,
            render: (name: string, project) => (
              <Space size={4} wrap>
                <Link to={`/projects/${project.id}`}>{name}</Link>
                {project.isNew && <Tag>新增</Tag>}
                {project.isMajor && <Tag color="warning">重大</Tag>}
              </Space>
            ),
          },
          { title: '预算单位', dataIndex: ['unit', 'name'], width: 160 },
          { title: '类别', dataIndex: 'category', width: 100, render: (v: string) => label('ProjectCategory', v) },
          { title: '申请金额', dataIndex: 'amountRequested', width: 150, align: 'right', render: yuan },
          { title: '已安排预算', dataIndex: 'allocatedTotal', width: 150, align: 'right', render: yuan },
          {
            title: '库状态',
            dataIndex: 'libraryStatus',
            width: 110,
            render: (value: string) => <StatusTag status={value} label={label('LibraryStatus', value)} />,
          },
          {
            title: '入库障碍',
            dataIndex: 'libraryBlockers',
            render: (blockers: { condition: string; zh: string }[], project) =>
              blockers.length === 0 ? (
                project.libraryStatus === 'IN_LIBRARY' ? (
                  '—'
                ) : (
                  <span>
                    <CheckCircleOutlined style={{ color: '#237804', marginRight: 6 }} aria-hidden />
                    已满足入库条件
                  </span>
                )
              ) : (
                <Space direction="vertical" size={2}>
                  {blockers.map((b) => (
                    <span key={b.condition}>
                      <ExclamationCircleOutlined style={{ color: '#ad6800', marginRight: 6 }} aria-hidden />
                      {b.zh}
                    </span>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
