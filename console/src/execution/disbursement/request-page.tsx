import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { QueryError } from '../../shell/errors';
import { when, yuan } from '../../shell/format';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import { StatusTag } from '../../shell/status-tag';
import { DisbursementOpinionFormQuery, DisbursementRequestQuery } from './disbursement.documents';
import { DocumentsTable } from './documents-field';
import { OpinionForm } from './opinion-form';
import { OpinionView } from './opinion-view';
import { ProjectName, UnitName } from './request-goal';
import { RequestForm } from './request-form';

/**
 * 拨款申请: one request — what was asked, its documents, the latest opinion. The performance section
 * signs here on the facts pre-filled now; the unit corrects a HELD request and submits it again.
 */
export function DisbursementRequestPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { role, unitId } = currentSession()!.identity;
  const [correcting, setCorrecting] = useState(false);
  const request = useGql(DisbursementRequestQuery, { id });
  const current = request.data?.disbursementRequest;
  const signs = can(role, 'Mutation.signDisbursementOpinion');
  const readsForm = can(role, 'Query.disbursementOpinionForm');
  const form = useGql(
    DisbursementOpinionFormQuery,
    { requestId: id },
    { enabled: readsForm && current?.status === 'REQUESTED' },
  );
  if (!current) {
    return (
      <Card loading={request.isLoading}>
        <QueryError error={request.error} />
      </Card>
    );
  }
  const corrects = current.status === 'HELD' && can(role, 'Mutation.resubmitDisbursementRequest');
  const opinionForm = form.data?.disbursementOpinionForm;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
            拨款申请 <StatusTag status={current.status} label={label('DisbursementStatus', current.status)} />
          </Typography.Title>
        }
        extra={<Button onClick={() => navigate(-1)}>返回</Button>}
      >
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label="项目" span={2}>
            <ProjectName goalId={current.goalId} />
          </Descriptions.Item>
          <Descriptions.Item label="预算单位">
            <UnitName goalId={current.goalId} unitId={current.unitId} />
          </Descriptions.Item>
          <Descriptions.Item label="预算年度">{current.fiscalYear}</Descriptions.Item>
          <Descriptions.Item label="申请金额">{yuan(current.amount)}</Descriptions.Item>
          <Descriptions.Item label="支付批次">{current.batch}</Descriptions.Item>
          <Descriptions.Item label="资金用途" span={2}>
            {current.purpose}
          </Descriptions.Item>
          <Descriptions.Item label="提交">
            第 {current.submission} 次，首次 {when(current.firstSubmittedAt)}，最近 {when(current.lastSubmittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="收到文件">{current.documentsReceived} 份（历次提交合计）</Descriptions.Item>
        </Descriptions>
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
          依据文件
        </Typography.Title>
        <DocumentsTable documents={current.documents} />
      </Card>
      {current.opinion && (
        <Card size="small">
          <OpinionView opinion={current.opinion} />
        </Card>
      )}
      {corrects && unitId === current.unitId && (
        <Card title="修改并重新提交" size="small">
          {correcting ? (
            <RequestForm
              unitId={current.unitId}
              held={current}
              onDone={() => setCorrecting(false)}
              onCancel={() => setCorrecting(false)}
            />
          ) : (
            <Button type="primary" onClick={() => setCorrecting(true)}>
              修改申请
            </Button>
          )}
        </Card>
      )}
      {opinionForm && signs && (
        <OpinionForm
          request={current}
          facts={opinionForm.facts}
          allocated={opinionForm.allocated}
          cleared={opinionForm.cleared}
          otherOpen={opinionForm.otherOpen}
          onSigned={() => navigate('/disbursement-queue')}
        />
      )}
      <QueryError error={form.error} />
    </Space>
  );
}
