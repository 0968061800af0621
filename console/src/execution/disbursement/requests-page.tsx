import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { DisbursementStatus } from '../../gql/graphql';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useUrlParams } from '../../shell/url-params';
import { useFiscalYear } from '../../shell/year';
import { UnitSelect } from '../../planning/projects/unit-select';
import { DisbursementRequestsQuery } from './disbursement.documents';
import { ProjectName, UnitName } from './request-goal';

/**
 * 拨款申请: the year's requests, the latest submitted first, with their status. A budget unit sees its
 * own unit's (the platform's scope); the bureau filters by unit and status. A held request opens to be
 * corrected and submitted again.
 */
export function DisbursementRequestsPage() {
  const { role, unitId } = currentSession()!.identity;
  const fiscalYear = useFiscalYear();
  const navigate = useNavigate();
  const [params, setParams] = useUrlParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const status = (params.get('status') ?? undefined) as DisbursementStatus | undefined;
  const ownUnit = role === 'BUDGET_UNIT';
  const filterUnit = ownUnit ? (unitId ?? undefined) : (params.get('unit') ?? undefined);
  const requests = useGql(
    DisbursementRequestsQuery,
    {
      filter: { fiscalYear, status, unitId: filterUnit },
      page: { first: pageSize, offset: (page - 1) * pageSize },
    },
    { placeholderData: keepPreviousData },
  );
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          拨款申请
        </Typography.Title>
      }
      extra={
        can(role, 'Mutation.submitDisbursementRequest') && (
          <Button type="primary" onClick={() => navigate('/disbursements/new')}>
            新建拨款申请
          </Button>
        )
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
          style={{ width: 160 }}
          value={status}
          options={optionsOf('DisbursementStatus')}
          onChange={(next?: string) => setParams({ status: next, page: undefined })}
        />
      </Space>
      <QueryError error={requests.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.disbursementRequests.nodes ?? []}
        locale={{ emptyText: '暂无拨款申请' }}
        pagination={{
          current: page,
          pageSize,
          total: requests.data?.disbursementRequests.totalCount,
          showTotal: (total) => `共 ${total} 笔`,
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        columns={[
          {
            title: '项目',
            key: 'project',
            render: (_, r) => (
              <Link to={`/disbursements/${r.id}`} aria-label={`拨款申请：${r.batch} ${yuan(r.amount)}`}>
                <ProjectName goalId={r.goalId} />
              </Link>
            ),
          },
          ...(ownUnit
            ? []
            : [
                {
                  title: '预算单位',
                  key: 'unit',
                  width: 200,
                  render: (_: unknown, r: { goalId: string; unitId: string }) => (
                    <UnitName goalId={r.goalId} unitId={r.unitId} />
                  ),
                },
              ]),
          { title: '申请金额', dataIndex: 'amount', width: 150, align: 'right' as const, render: yuan },
          { title: '支付批次', dataIndex: 'batch', width: 140 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (value: string) => <StatusTag status={value} label={label('DisbursementStatus', value)} />,
          },
          { title: '提交次数', dataIndex: 'submission', width: 90 },
          { title: '最近提交', dataIndex: 'lastSubmittedAt', width: 150, render: when },
          {
            title: '操作',
            key: 'act',
            width: 130,
            render: (_, r) => (
              <Link to={`/disbursements/${r.id}`}>
                {r.status === 'HELD' && can(role, 'Mutation.resubmitDisbursementRequest') ? '修改重新提交' : '查看'}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
