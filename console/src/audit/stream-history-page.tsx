import { Card, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { graphql } from '../gql';
import { QueryError } from '../shell/errors';
import { when } from '../shell/format';
import { useGql } from '../shell/hooks';
import { ROLE_LABELS, type Role } from '../shell/roles';

const StreamHistoryQuery = graphql(`
  query StreamHistory($streamId: String!) {
    streamHistory(streamId: $streamId) {
      eventId
      streamVersion
      type
      recordedAt
      hash
      previousHash
      actor {
        actorId
        role
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

/** 记录溯源: a stream's events as a timeline — who, in which role, when, what — and its chain checked. */
export function StreamHistoryPage() {
  const { streamId = '' } = useParams();
  const navigate = useNavigate();
  const history = useGql(StreamHistoryQuery, { streamId }, { enabled: streamId !== '' });
  const verification = history.data?.verifyStream;
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          记录溯源
        </Typography.Title>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.Search
          aria-label="记录流编号"
          placeholder="记录流编号，例如 goal-…"
          defaultValue={streamId}
          enterButton="查看"
          onSearch={(value) => value && navigate(`/audit/${encodeURIComponent(value.trim())}`)}
        />
        <QueryError error={history.error} />
        {verification && (
          <Tag color={verification.ok ? 'success' : 'error'} data-testid="chain-badge">
            {verification.ok
              ? `哈希链校验通过 · ${verification.eventCount} 条记录`
              : `哈希链校验失败：第 ${verification.brokenAtVersion} 条 · ${verification.reason}`}
          </Tag>
        )}
        <Timeline
          items={history.data?.streamHistory.map((event) => ({
            key: event.eventId,
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>
                  #{event.streamVersion} {event.type}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {when(event.recordedAt)} · {event.actor.actorId} ·{' '}
                  {ROLE_LABELS[event.actor.role as Role] ?? event.actor.role}
                </Typography.Text>
                <Typography.Text code copyable={{ text: event.hash }}>
                  {event.hash.slice(0, 16)}…
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      </Space>
    </Card>
  );
}
