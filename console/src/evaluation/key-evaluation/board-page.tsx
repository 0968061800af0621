import { Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { useFiscalYear } from '../../shell/year';
import { KeyEvaluationBoardQuery } from './key-evaluation.documents';
import { PlanCard } from './plan-card';

/** 评价计划: the year's plan as a board — how many evaluations are at each stage, and each one's days there, longest first. */
export function KeyEvaluationBoardPage() {
  const fiscalYear = useFiscalYear();
  const board = useGql(KeyEvaluationBoardQuery, { fiscalYear });
  const data = board.data?.keyEvaluationBoard;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            {fiscalYear} 年度评价计划
          </Typography.Title>
        }
        loading={board.isLoading}
      >
        <QueryError error={board.error} />
        <Row gutter={[16, 16]}>
          {(data?.stages ?? []).map((s) => (
            <Col key={s.stage} xs={12} md={6} xl={3}>
              <Statistic title={label('KeyEvaluationStage', s.stage)} value={s.count} suffix="项" />
            </Col>
          ))}
        </Row>
      </Card>
      {can(currentSession()!.identity.role, 'Mutation.planKeyEvaluation') && <PlanCard fiscalYear={fiscalYear} />}
      <Card size="small" title="各项评价（停留最久者在前）">
        <Table
          rowKey={(item) => item.evaluation.id}
          size="middle"
          pagination={false}
          loading={board.isFetching}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '本年度尚无评价计划' }}
          columns={[
            {
              title: '评价对象',
              key: 'subject',
              render: (_, item) => (
                <span>
                  <Link to={`/key-evaluations/${item.evaluation.id}`}>{item.evaluation.subject}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {label('KeyEvaluationKind', item.evaluation.kind)} ·{' '}
                    {label('KeyEvaluationObject', item.evaluation.object)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '阶段',
              key: 'stage',
              width: 220,
              render: (_, item) => (
                <Space size={4} wrap>
                  <StatusTag of="KeyEvaluationStage" status={item.evaluation.stage} />
                  {item.evaluation.openFeedback > 0 && <Tag color="warning">待回复 {item.evaluation.openFeedback}</Tag>}
                </Space>
              ),
            },
            { title: '本阶段天数', dataIndex: 'daysInStage', width: 120, align: 'right' as const },
          ]}
        />
      </Card>
    </Space>
  );
}
