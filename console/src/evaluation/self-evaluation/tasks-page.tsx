import { keepPreviousData } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SelfEvaluationStatus } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { when } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import type { Role } from '../../shell/roles';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useUrlParams } from '../../shell/url-params';
import { useFiscalYear } from '../../shell/year';
import { UnitSelect } from '../../planning/projects/unit-select';
import { NoticeCard } from './notice-card';
import { GradeTag } from './score-sheet';
import { SelfEvaluationsQuery } from './self-evaluation.documents';

/** What the person can do with a row, in the list's 操作 column. */
function actionOf(
  role: Role,
  {
    status,
    drawn,
    departmentReview,
  }: { status: SelfEvaluationStatus; drawn?: boolean | null; departmentReview: boolean },
): string {
  const canFill = can(role, 'Mutation.submitSelfEvaluation');
  if (canFill && (status === 'ISSUED' || status === 'RETURNED')) return status === 'RETURNED' ? '修改重新提交' : '填报';
  if (status === 'FILLED' && can(role, 'Mutation.reviewSelfEvaluation')) return '审核';
  // waiting for the bureau's spot check: reviewed by the department, or filled by a unit without one (as ReviewCard)
  const checkable = status === 'DEPARTMENT_REVIEWED' || (status === 'FILLED' && !departmentReview);
  if (checkable && drawn && can(role, 'Mutation.decideSpotCheck')) return '抽查';
  return '查看';
}

/**
 * 自评任务: the year's self-evaluation tasks — a unit's own (the platform's scope), a department's
 * units', or all of them for the bureau — with their status, due date, score and grade; the bureau
 * issues the notice and draws the spot-check sample above the list.
 */
export function SelfEvaluationTasksPage() {
  const { role, unitId } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const [params, setParams] = useUrlParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const status = (params.get('status') ?? undefined) as SelfEvaluationStatus | undefined;
  const ownUnit = role === 'BUDGET_UNIT';
  const filterUnit = ownUnit ? (unitId ?? undefined) : (params.get('unit') ?? undefined);
  const tasks = useGql(
    SelfEvaluationsQuery,
    { filter: { fiscalYear, status, unitId: filterUnit }, page: { first: pageSize, offset: (page - 1) * pageSize } },
    { placeholderData: keepPreviousData },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <NoticeCard fiscalYear={fiscalYear} />
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            自评任务
          </Typography.Title>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          {!ownUnit && (
            <UnitSelect
              ariaLabel="按单位筛选"
              value={filterUnit}
              onChange={(unit) => setParams({ unit, page: undefined })}
            />
          )}
          <Select
            aria-label="按状态筛选"
            allowClear
            placeholder="全部状态"
            style={{ width: 180 }}
            value={status}
            options={optionsOf('SelfEvaluationStatus')}
            onChange={(next?: string) => setParams({ status: next, page: undefined })}
          />
        </Space>
        <QueryError error={tasks.error} />
        <Table
          rowKey="id"
          size="middle"
          loading={tasks.isFetching}
          dataSource={tasks.data?.selfEvaluations.nodes ?? []}
          locale={{ emptyText: '本年度暂无自评任务' }}
          pagination={{
            current: page,
            pageSize,
            total: tasks.data?.selfEvaluations.totalCount,
            showTotal: (total) => `共 ${total} 项`,
            onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
          }}
          columns={[
            {
              title: '自评对象',
              key: 'name',
              render: (_, e) => (
                <span>
                  <Link to={`/self-evaluations/${e.id}`}>{e.name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {label('SelfEvaluationObject', e.object)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '状态',
              key: 'status',
              width: 200,
              render: (_, e) => (
                <Space size={4} wrap>
                  <StatusTag of="SelfEvaluationStatus" status={e.status} />
                  {e.overdue && <Tag color="error">逾期未填报</Tag>}
                  {e.late && <Tag color="warning">逾期提交</Tag>}
                  {e.drawn && <Tag color="purple">抽查</Tag>}
                </Space>
              ),
            },
            { title: '截止日期', dataIndex: 'dueDate', width: 120 },
            {
              title: '总分',
              dataIndex: 'total',
              width: 90,
              align: 'right' as const,
              render: (total?: number | null) => (total === null || total === undefined ? '—' : total.toFixed(2)),
            },
            {
              title: '等级',
              dataIndex: 'grade',
              width: 80,
              render: (grade?: string | null) => <GradeTag grade={grade} />,
            },
            { title: '提交次数', dataIndex: 'submission', width: 90 },
            { title: '最近提交', dataIndex: 'submittedAt', width: 150, render: when },
            {
              title: '操作',
              key: 'act',
              width: 120,
              render: (_, e) => (
                <Link to={`/self-evaluations/${e.id}`} aria-label={`${actionOf(role, e)}：${e.name}`}>
                  {actionOf(role, e)}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
