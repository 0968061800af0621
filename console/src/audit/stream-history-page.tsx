import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Input, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { graphql } from '../gql';
import { QueryError } from '../shell/errors';
import { when, yuan } from '../shell/format';
import { useGql } from '../shell/hooks';
import { can } from '../shell/policy';
import { ROLE_LABELS, type Role } from '../shell/roles';
import { currentSession } from '../shell/session';
import { StatusTag } from '../shell/status-tag';
import { useFiscalYear } from '../shell/year';
import { summarize, type EventSummary } from './event-summary';

const StreamHistoryQuery = graphql(`
  query StreamHistory($streamId: String!) {
    streamHistory(streamId: $streamId) {
      eventId
      streamVersion
      type
      data
      recordedAt
      hash
      previousHash
      actor {
        actorId
        role
        unitId
      }
    }
    verifyStream(streamId: $streamId) {
      ok
      eventCount
      brokenAtVersion
      reason
    }
  }
`);

const AuditedGoalQuery = graphql(`
  query AuditedGoal($id: ID!) {
    goal(id: $id) {
      id
      projectCode
      projectName
      fiscalYear
      amount
      status
      statusLabel
      unit {
        id
        name
      }
    }
  }
`);

const AuditGoalSearchQuery = graphql(`
  query AuditGoalSearch($filter: GoalFilter, $page: PageInput) {
    goals(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        projectCode
        projectName
        status
        statusLabel
        updatedAt
        unit {
          id
          name
        }
      }
    }
  }
`);

const short = (hash: string) => (/^0+$/.test(hash) ? '起始（无前一条）' : `${hash.slice(0, 12)}…`);
const roleName = (role: string) => ROLE_LABELS[role as Role] ?? role;

/** Finds goals by project name or code and opens one's history. */
function GoalSearch() {
  const fiscalYear = useFiscalYear();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1);
  const pageSize = 10;
  const goals = useGql(
    AuditGoalSearchQuery,
    { filter: { fiscalYear, text: text || undefined }, page: { first: pageSize, offset: (page - 1) * pageSize } },
    { enabled: text !== '' },
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        aria-label="按项目名称或编码查找绩效目标"
        placeholder={`项目名称或编码（${fiscalYear} 年度）`}
        defaultValue={text}
        allowClear
        enterButton="查找目标"
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
      />
      <QueryError error={goals.error} />
      {text && (
        <Table
          rowKey="id"
          size="small"
          loading={goals.isLoading}
          dataSource={goals.data?.goals.nodes}
          pagination={{
            current: page,
            pageSize,
            total: goals.data?.goals.totalCount,
            showTotal: (total) => `共 ${total} 个绩效目标`,
            onChange: (p) => setParams({ q: text, page: String(p) }),
          }}
          columns={[
            { title: '项目编码', dataIndex: 'projectCode', width: 140 },
            { title: '项目名称', dataIndex: 'projectName' },
            { title: '预算单位', dataIndex: ['unit', 'name'], width: 200 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 200,
              render: (status: string, goal) => <StatusTag status={status} label={goal.statusLabel} />,
            },
            {
              title: '操作',
              width: 110,
              render: (_, goal) => <Link to={`/audit/goal-${goal.id}`}>查看历史</Link>,
            },
          ]}
        />
      )}
    </Space>
  );
}

function ChangeList({ summary }: { summary: EventSummary }) {
  return (
    <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
      {summary.changes.map((change, i) => (
        <li key={i}>
          <Typography.Text type="secondary">{change.field}：</Typography.Text>
          {change.before !== undefined && (
            <>
              <Typography.Text delete>{change.before}</Typography.Text> <ArrowRightOutlined aria-label="改为" />{' '}
            </>
          )}
          <Typography.Text>{change.after}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/**
 * 记录溯源: any record's history as a timeline — who, in which role, when, what changed (the state it
 * moved to, an indicator before and after) and the hash chain (previous → this) — with the chain
 * checked by the audit service. Goals are found by project name or code.
 */
export function StreamHistoryPage() {
  const { streamId = '' } = useParams();
  const navigate = useNavigate();
  const { role } = currentSession()!.identity;
  const goalId = streamId.startsWith('goal-') ? streamId.slice('goal-'.length) : null;
  const history = useGql(StreamHistoryQuery, { streamId }, { enabled: streamId !== '' });
  const goal = useGql(AuditedGoalQuery, { id: goalId ?? '' }, { enabled: goalId !== null && can(role, 'Query.goal') });
  const verification = history.data?.verifyStream;
  const events = history.data?.streamHistory;
  const summaries = useMemo(() => new Map(summarize(events ?? []).map((s) => [s.eventId, s])), [events]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            记录溯源
          </Typography.Title>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {can(role, 'Query.goals') && <GoalSearch />}
          <Input.Search
            key={streamId}
            aria-label="记录流编号"
            placeholder="或直接输入记录流编号，例如 goal-…、project-…"
            defaultValue={streamId}
            enterButton="查看"
            onSearch={(value) => value.trim() && navigate(`/audit/${encodeURIComponent(value.trim())}`)}
          />
        </Space>
      </Card>
      {streamId && (
        <Card
          title={
            <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
              {goal.data ? `${goal.data.goal.projectName} 的绩效目标历史` : `${streamId} 的历史`}
            </Typography.Title>
          }
          extra={
            verification && (
              <Tag
                color={verification.ok ? 'success' : 'error'}
                data-testid="chain-badge"
                data-ok={String(verification.ok)}
                // dark text on the tag's light background: AA contrast whatever the theme's status colours
                style={{ fontSize: 14, padding: '4px 8px', color: verification.ok ? '#135200' : '#a8071a' }}
              >
                {verification.ok
                  ? `哈希链校验通过 · ${verification.eventCount} 条记录`
                  : `哈希链校验失败：第 ${verification.brokenAtVersion ?? '?'} 条 · ${verification.reason ?? ''}`}
              </Tag>
            )
          }
        >
          <QueryError error={history.error} />
          {goal.data && (
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="项目">
                {goal.data.goal.projectCode} {goal.data.goal.projectName}
              </Descriptions.Item>
              <Descriptions.Item label="预算单位">{goal.data.goal.unit.name}</Descriptions.Item>
              <Descriptions.Item label="金额">{yuan(goal.data.goal.amount)}</Descriptions.Item>
              <Descriptions.Item label="当前状态">
                <StatusTag status={goal.data.goal.status} label={goal.data.goal.statusLabel} />
              </Descriptions.Item>
            </Descriptions>
          )}
          {verification && !verification.ok && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message="该记录的哈希链不完整，可能被篡改"
              description={`自第 ${verification.brokenAtVersion ?? '?'} 条起的记录无法通过校验：${verification.reason ?? ''}`}
            />
          )}
          {events && events.length === 0 && <Empty description="该记录流没有任何事件" />}
          <Timeline
            items={events?.map((event) => {
              const summary = summaries.get(event.eventId);
              const broken =
                verification && !verification.ok && event.streamVersion >= (verification.brokenAtVersion ?? Infinity);
              return {
                key: event.eventId,
                color: broken ? 'red' : summary?.status ? 'blue' : 'gray',
                children: (
                  <div data-testid="history-entry">
                    <Space wrap size={8}>
                      <Typography.Text strong>
                        #{event.streamVersion} {summary?.title ?? event.type}
                      </Typography.Text>
                      {summary?.status && (
                        <Tag color="blue">
                          {summary.status.before ? `${summary.status.before} → ` : ''}
                          {summary.status.after}
                        </Tag>
                      )}
                      {broken && <Tag color="error">未通过校验</Tag>}
                    </Space>
                    <div>
                      <Typography.Text type="secondary">
                        {when(event.recordedAt)} · {event.actor.actorId}（{roleName(event.actor.role)}）
                      </Typography.Text>
                    </div>
                    {summary && summary.changes.length > 0 && <ChangeList summary={summary} />}
                    {summary?.remark && (
                      <Typography.Paragraph style={{ margin: '4px 0' }} type="secondary">
                        意见/理由：{summary.remark}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      哈希：
                      <Typography.Text code copyable={{ text: event.previousHash }} style={{ fontSize: 12 }}>
                        {short(event.previousHash)}
                      </Typography.Text>
                      <ArrowRightOutlined aria-label="接续为" />{' '}
                      <Typography.Text code copyable={{ text: event.hash }} style={{ fontSize: 12 }}>
                        {short(event.hash)}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        · {event.type}
                      </Typography.Text>
                    </Typography.Text>
                  </div>
                ),
              };
            })}
          />
        </Card>
      )}
    </Space>
  );
}
