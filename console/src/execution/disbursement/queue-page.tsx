import { Badge, Card, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { DisbursementQueueQuery } from './disbursement.documents';
import { ProjectName, UnitName } from './request-goal';

/**
 * 拨款审核: the requests waiting for the performance opinion, the longest-waiting first, with the days
 * each has waited since it was last submitted (the platform's count, by its clock).
 */
export function DisbursementQueuePage() {
  const { role } = currentSession()!.identity;
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const queue = useGql(DisbursementQueueQuery, { page: { first: pageSize, offset: (page - 1) * pageSize } });
  const signs = can(role, 'Mutation.signDisbursementOpinion');
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          拨款审核 <Badge count={queue.data?.disbursementQueue.totalCount ?? 0} showZero overflowCount={9999} />
        </Typography.Title>
      }
    >
      <QueryError error={queue.error} />
      <Table
        rowKey={(item) => item.request.id}
        size="middle"
        loading={queue.isLoading}
        dataSource={queue.data?.disbursementQueue.nodes ?? []}
        locale={{ emptyText: '暂无待审核的拨款申请' }}
        pagination={{
          current: page,
          pageSize,
          total: queue.data?.disbursementQueue.totalCount,
          showTotal: (total) => `共 ${total} 笔待审核`,
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        columns={[
          { title: '等待天数', dataIndex: 'daysWaiting', width: 100, render: (days: number) => `${days} 天` },
          { title: '项目', key: 'project', render: (_, item) => <ProjectName goalId={item.request.goalId} /> },
          {
            title: '预算单位',
            key: 'unit',
            width: 200,
            render: (_, item) => <UnitName goalId={item.request.goalId} unitId={item.request.unitId} />,
          },
          {
            title: '申请金额',
            key: 'amount',
            width: 150,
            align: 'right',
            render: (_, item) => yuan(item.request.amount),
          },
          { title: '支付批次', key: 'batch', width: 140, render: (_, item) => item.request.batch },
          {
            title: '提交',
            key: 'submission',
            width: 170,
            render: (_, item) => `第 ${item.request.submission} 次 · ${when(item.request.lastSubmittedAt)}`,
          },
          {
            title: '操作',
            key: 'act',
            width: 100,
            render: (_, item) => (
              <Link
                to={`/disbursements/${item.request.id}`}
                aria-label={`${signs ? '审核' : '查看'}：${item.request.batch}`}
              >
                {signs ? '审核' : '查看'}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
