import { keepPreviousData } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { useUrlParams } from '../../shell/url-params';
import { ContractModal, ProcurementModal, RatingModal, RegisterAgencyModal, type Agency } from './agency-forms';
import { AgenciesQuery, AgencyEvaluationsQuery } from './agency.documents';
import { chinaToday, CONTRACT_STATE_TAGS, contractState } from './contract-state';

type Action = 'procurement' | 'contract' | 'rating';

/** A contract's period as a tag: not begun, in force, ended (today in China). */
function ContractStateTag({ contract, today }: { contract: { from: string; to: string }; today: string }) {
  const tag = CONTRACT_STATE_TAGS[contractState(contract, today)];
  return <Tag color={tag.color}>{tag.text}</Tag>;
}

/** One agency opened: its procurement, every contract, and the ratings with the evaluation each rated. */
function AgencyDetail({ agency, today }: { agency: Agency; today: string }) {
  const evaluations = useGql(AgencyEvaluationsQuery, { filter: { evaluatorId: agency.id } });
  const subjectOf = new Map((evaluations.data?.keyEvaluations.nodes ?? []).map((e) => [e.id, e]));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={3} title="基本情况">
        <Descriptions.Item label="统一社会信用代码">{agency.creditCode}</Descriptions.Item>
        <Descriptions.Item label="行政区划">{agency.divisionCode}</Descriptions.Item>
        <Descriptions.Item label="登记时间">{when(agency.registeredAt)}</Descriptions.Item>
        <Descriptions.Item label="资质" span={3}>
          {agency.qualification}
        </Descriptions.Item>
        <Descriptions.Item label="政府采购" span={3}>
          {agency.procurement
            ? `${label('ProcurementMethod', agency.procurement.method)}，${agency.procurement.announcedOn} 公告（${agency.procurement.resultRef}）`
            : '尚未记录采购结果'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="contractNumber"
        size="small"
        title={() => '委托合同'}
        pagination={false}
        dataSource={agency.contracts}
        locale={{ emptyText: '尚无委托合同' }}
        columns={[
          { title: '合同编号', dataIndex: 'contractNumber', width: 160 },
          { title: '签订日期', dataIndex: 'signedOn', width: 110 },
          {
            title: '合同期限',
            key: 'period',
            width: 260,
            render: (_, c) => (
              <Space size={4}>
                {c.from} 至 {c.to}
                <ContractStateTag contract={c} today={today} />
              </Space>
            ),
          },
          { title: '委托范围', dataIndex: 'scope' },
          { title: '合同金额', dataIndex: 'amount', width: 150, align: 'right' as const, render: yuan },
        ]}
      />
      <Table
        rowKey="evaluationId"
        size="small"
        title={() => '评价质量评定'}
        pagination={false}
        dataSource={agency.ratings}
        loading={evaluations.isLoading}
        locale={{ emptyText: '尚无评定' }}
        columns={[
          {
            title: '重点评价',
            dataIndex: 'evaluationId',
            render: (id: string) => {
              const e = subjectOf.get(id);
              return <Link to={`/key-evaluations/${id}`}>{e ? `${e.fiscalYear} 年 · ${e.subject}` : id}</Link>;
            },
          },
          { title: '评分', dataIndex: 'score', width: 80, align: 'right' as const },
          { title: '评价意见', dataIndex: 'comments' },
          { title: '评定日期', dataIndex: 'ratedOn', width: 110 },
        ]}
      />
    </Space>
  );
}

/**
 * 评价机构: the third-party agencies the bureau buys in — qualification, the procurement result,
 * contracts (number, period, scope) and the quality ratings of their evaluations. The performance
 * section registers an agency, records the procurement result and contracts, and rates an
 * evaluation; the others read (an agency user its own agency only, the platform's scope).
 */
export function AgenciesPage() {
  const { role } = currentSession()!.identity;
  const [params, setParams] = useUrlParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('size') ?? 20);
  const name = params.get('name') ?? undefined;
  const [registering, setRegistering] = useState(false);
  const [acting, setActing] = useState<{ action: Action; agency: Agency } | null>(null);
  const today = chinaToday();
  const agencies = useGql(
    AgenciesQuery,
    { filter: { name }, page: { first: pageSize, offset: (page - 1) * pageSize } },
    { placeholderData: keepPreviousData },
  );
  const may = {
    register: can(role, 'Mutation.registerAgency'),
    procurement: can(role, 'Mutation.announceAgencyProcurement'),
    contract: can(role, 'Mutation.signAgencyContract'),
    rating: can(role, 'Mutation.rateAgency'),
  };
  const close = () => setActing(null);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          评价机构
        </Typography.Title>
      }
      extra={
        may.register && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            登记机构
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="按机构名称搜索"
          placeholder="机构名称"
          allowClear
          defaultValue={name}
          style={{ width: 260 }}
          onSearch={(value) => setParams({ name: value.trim() || undefined, page: undefined })}
        />
      </Space>
      <QueryError error={agencies.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={agencies.isFetching}
        dataSource={agencies.data?.agencies.nodes ?? []}
        locale={{ emptyText: '暂无第三方机构' }}
        expandable={{
          expandedRowRender: (agency) => <AgencyDetail agency={agency} today={today} />,
          expandRowByClick: false,
        }}
        pagination={{
          current: page,
          pageSize,
          total: agencies.data?.agencies.totalCount,
          showTotal: (total) => `共 ${total} 家`,
          onChange: (p, size) => setParams({ page: String(p), size: String(size) }),
        }}
        columns={[
          {
            title: '机构',
            key: 'name',
            width: 240,
            render: (_, a) => (
              <span>
                {a.name}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {a.creditCode}
                </Typography.Text>
              </span>
            ),
          },
          { title: '资质', dataIndex: 'qualification', ellipsis: true },
          {
            title: '政府采购',
            key: 'procurement',
            width: 120,
            render: (_, a) =>
              a.procurement ? (
                <span>
                  {label('ProcurementMethod', a.procurement.method)}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {a.procurement.announcedOn}
                  </Typography.Text>
                </span>
              ) : (
                <Tag>未记录</Tag>
              ),
          },
          {
            title: '委托合同',
            key: 'contracts',
            width: 230,
            render: (_, a) =>
              a.contracts.length === 0 ? (
                '—'
              ) : (
                <Space direction="vertical" size={4}>
                  {a.contracts.map((c) => (
                    <span key={c.contractNumber}>
                      {c.contractNumber} <ContractStateTag contract={c} today={today} />
                      <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'nowrap' }}>
                        {c.from} 至 {c.to}
                      </Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
          },
          {
            title: '质量评定',
            key: 'ratings',
            width: 100,
            align: 'right' as const,
            render: (_, a) =>
              a.averageScore === null || a.averageScore === undefined ? (
                '—'
              ) : (
                <span>
                  {a.averageScore.toFixed(2)}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {a.ratingCount} 次
                  </Typography.Text>
                </span>
              ),
          },
          ...(may.procurement || may.contract || may.rating
            ? [
                {
                  title: '操作',
                  key: 'act',
                  width: 250,
                  render: (_: unknown, a: Agency) => (
                    <Space size={0} wrap>
                      {may.procurement && (
                        <Button
                          type="link"
                          size="small"
                          aria-label={`采购结果：${a.name}`}
                          onClick={() => setActing({ action: 'procurement', agency: a })}
                        >
                          采购结果
                        </Button>
                      )}
                      {may.contract && (
                        <Button
                          type="link"
                          size="small"
                          aria-label={`记录合同：${a.name}`}
                          onClick={() => setActing({ action: 'contract', agency: a })}
                        >
                          记录合同
                        </Button>
                      )}
                      {may.rating && (
                        <Button
                          type="link"
                          size="small"
                          aria-label={`评定质量：${a.name}`}
                          onClick={() => setActing({ action: 'rating', agency: a })}
                        >
                          评定质量
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {may.register && <RegisterAgencyModal open={registering} onClose={() => setRegistering(false)} />}
      {acting?.action === 'procurement' && <ProcurementModal open agency={acting.agency} onClose={close} />}
      {acting?.action === 'contract' && <ContractModal open agency={acting.agency} onClose={close} />}
      {acting?.action === 'rating' && <RatingModal open agency={acting.agency} onClose={close} />}
    </Card>
  );
}
