import { Alert, Card, Descriptions, Empty, Layout, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { graphql } from '../../gql';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { currentSession } from '../../shell/session';
import { useUrlParams } from '../../shell/url-params';

// Both queries are the platform's public ones (policy column PUBLIC): they run without a token.
const PublishedUnitYearsQuery = graphql(`
  query PublishedUnitYears($fiscalYear: Int) {
    publishedUnitYears(fiscalYear: $fiscalYear) {
      unitId
      unitCode
      unitName
      fiscalYear
      publication
      goalCount
      totalAmount
      firstPublishedAt
      publishedAt
    }
  }
`);

const PublishedGoalsQuery = graphql(`
  query PublishedGoals($fiscalYear: Int!, $unitId: ID, $page: PageInput) {
    publishedGoals(fiscalYear: $fiscalYear, unitId: $unitId, page: $page) {
      totalCount
      nodes {
        goalId
        unitName
        projectCode
        projectName
        term
        overallGoal
        amount
        budgetDocument
        publication
        publishedAt
        contentHash
        indicators {
          level1
          level1Label
          level2Label
          name
          target
        }
      }
    }
  }
`);

const PAGE_SIZE = 10;

/** One published goal: what it is for, its money and its indicators in the three-level framework. */
function PublishedGoalCard({
  goal,
}: {
  goal: NonNullable<ReturnType<typeof usePublishedGoals>['data']>['publishedGoals']['nodes'][number];
}) {
  return (
    <Card
      size="small"
      data-testid="published-goal"
      title={
        <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
          {goal.projectName}
        </Typography.Title>
      }
      extra={<Tag>{label('GoalTerm', goal.term)}</Tag>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="项目编码">{goal.projectCode}</Descriptions.Item>
        <Descriptions.Item label="预算金额">{yuan(goal.amount)}</Descriptions.Item>
        <Descriptions.Item label="预算批复文号">{goal.budgetDocument}</Descriptions.Item>
        <Descriptions.Item label="总体目标" span={3}>
          {goal.overallGoal}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(row) => `${row.level1}-${row.name}`}
        pagination={false}
        dataSource={goal.indicators}
        columns={[
          { title: '一级指标', dataIndex: 'level1Label', width: 140, render: (v: string) => v.split('，')[0] },
          { title: '二级指标', dataIndex: 'level2Label', width: 140 },
          { title: '三级指标', dataIndex: 'name' },
          { title: '指标值', dataIndex: 'target', width: 200 },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        第 {goal.publication} 次公开 · {when(goal.publishedAt)} · 内容哈希{' '}
        <Typography.Text code copyable={{ text: goal.contentHash }} style={{ fontSize: 12 }}>
          {goal.contentHash.slice(0, 16)}…
        </Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}

function usePublishedGoals(fiscalYear: number | undefined, unitId: string | undefined, page: number) {
  return useGql(
    PublishedGoalsQuery,
    { fiscalYear: fiscalYear ?? 0, unitId, page: { first: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
    { enabled: fiscalYear !== undefined && unitId !== undefined },
  );
}

/**
 * 绩效目标公开: the goals each budget unit published with its approved budget, per unit and year,
 * exactly as published — readable by anyone, without signing in.
 */
export function DisclosurePage() {
  const [params, set] = useUrlParams();
  const all = useGql(PublishedUnitYearsQuery, {});
  const years = useMemo(
    () => [...new Set((all.data?.publishedUnitYears ?? []).map((u) => u.fiscalYear))].sort((a, b) => b - a),
    [all.data],
  );
  const fiscalYear = Number(params.get('year')) || years[0];
  const unitYears = (all.data?.publishedUnitYears ?? [])
    .filter((u) => u.fiscalYear === fiscalYear)
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  const unitId = params.get('unit') ?? unitYears[0]?.unitId;
  const unit = unitYears.find((u) => u.unitId === unitId);
  const page = Number(params.get('page') ?? 1);
  const goals = usePublishedGoals(fiscalYear, unitId, page);

  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          绩效管理平台 · 绩效目标公开
        </Typography.Text>
        <Link to="/" style={{ color: '#cbd5e1' }}>
          {currentSession() ? '返回控制台' : '工作人员登录'}
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <main>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
              预算绩效目标公开
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              各预算单位随预算批复公开的项目绩效目标及指标，按公开时的内容展示；无需登录即可查阅。
            </Typography.Paragraph>
            <QueryError error={all.error} />
            {all.data && years.length === 0 && <Empty description="尚无公开的绩效目标" />}
            {years.length > 0 && (
              <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <Card
                  style={{ width: 320, flex: '0 0 320px' }}
                  title={
                    <Select
                      aria-label="预算年度"
                      value={fiscalYear}
                      style={{ width: '100%' }}
                      options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
                      onChange={(y: number) => set({ year: String(y), unit: undefined, page: undefined })}
                    />
                  }
                >
                  <nav aria-label="已公开的预算单位">
                    <List
                      dataSource={unitYears}
                      renderItem={(u) => (
                        <List.Item
                          style={{
                            cursor: 'pointer',
                            background: u.unitId === unitId ? '#eff6ff' : undefined,
                            paddingInline: 8,
                          }}
                          onClick={() => set({ year: String(u.fiscalYear), unit: u.unitId, page: undefined })}
                        >
                          <List.Item.Meta
                            title={
                              <a
                                href={`?year=${u.fiscalYear}&unit=${u.unitId}`}
                                onClick={(e) => e.preventDefault()}
                                aria-current={u.unitId === unitId ? 'true' : undefined}
                              >
                                {u.unitName}
                              </a>
                            }
                            description={`${u.goalCount} 个目标 · ${yuan(u.totalAmount)}`}
                          />
                        </List.Item>
                      )}
                    />
                  </nav>
                </Card>
                <div style={{ flex: '1 1 600px', minWidth: 0 }}>
                  {unit && (
                    <Card style={{ marginBottom: 16 }}>
                      <Descriptions
                        size="small"
                        title={`${unit.unitName} · ${unit.fiscalYear} 年度`}
                        column={{ xs: 1, md: 3 }}
                      >
                        <Descriptions.Item label="公开目标">{unit.goalCount} 个</Descriptions.Item>
                        <Descriptions.Item label="预算合计">{yuan(unit.totalAmount)}</Descriptions.Item>
                        <Descriptions.Item label="公开批次">
                          第 {unit.publication} 次（首次 {when(unit.firstPublishedAt)}，最近 {when(unit.publishedAt)}）
                        </Descriptions.Item>
                      </Descriptions>
                    </Card>
                  )}
                  <QueryError error={goals.error} />
                  {unit && unit.publication > 1 && (
                    <Alert
                      style={{ marginBottom: 16 }}
                      type="info"
                      showIcon
                      message="该单位的绩效目标曾再次公开（如预算调整后），以下为最近一次公开的内容。"
                    />
                  )}
                  <List
                    loading={goals.isLoading}
                    dataSource={goals.data?.publishedGoals.nodes}
                    locale={{ emptyText: '该单位本年度没有公开的绩效目标' }}
                    pagination={
                      (goals.data?.publishedGoals.totalCount ?? 0) > PAGE_SIZE && {
                        current: page,
                        pageSize: PAGE_SIZE,
                        total: goals.data?.publishedGoals.totalCount,
                        showTotal: (total) => `共 ${total} 个绩效目标`,
                        onChange: (p) => set({ page: String(p) }),
                      }
                    }
                    renderItem={(goal) => (
                      <List.Item key={goal.goalId} style={{ display: 'block', border: 'none', padding: '0 0 16px' }}>
                        <PublishedGoalCard goal={goal} />
                      </List.Item>
                    )}
                  />
                </div>
              </div>
            )}
          </Space>
        </main>
      </Layout.Content>
    </Layout>
  );
}
