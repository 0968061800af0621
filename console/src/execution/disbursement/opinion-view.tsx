import { Descriptions, Space, Table, Typography } from 'antd';
import type { DisbursementRequestFieldsFragment } from '../../gql/graphql';
import { when } from '../../shell/format';
import { label } from '../../shell/labels';
import { StatusTag } from '../../shell/status-tag';
import { FACT_LABELS, FactsTable, factText } from './facts';

type Opinion = NonNullable<DisbursementRequestFieldsFragment['opinion']>;

/** The latest opinion as signed: outcome, reasons, the facts as the signer saw them and the corrections. */
export function OpinionView({ opinion }: { opinion: Opinion }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={2} title={`绩效审核意见（第 ${opinion.submission} 次提交）`}>
        <Descriptions.Item label="结论">
          <StatusTag status={opinion.outcome} label={label('DisbursementOutcome', opinion.outcome)} />
        </Descriptions.Item>
        <Descriptions.Item label="签署">
          {opinion.signerId}，{when(opinion.signedAt)}
        </Descriptions.Item>
        {opinion.reasons.length > 0 && (
          <Descriptions.Item label="暂缓理由" span={2}>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {opinion.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="审核意见" span={2}>
          {opinion.comment ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      <FactsTable facts={opinion.shown} title="签署时显示的事实" />
      {opinion.overrides.length > 0 && (
        <>
          <Typography.Text strong>签署人对事实的更正</Typography.Text>
          <Table
            rowKey="fact"
            size="small"
            pagination={false}
            dataSource={opinion.overrides}
            columns={[
              { title: '事实', dataIndex: 'fact', render: (fact: string) => FACT_LABELS[fact] ?? fact },
              { title: '系统显示', key: 'shown', render: (_, o) => factText(o.fact, o.shown) },
              { title: '签署为', key: 'signed', render: (_, o) => factText(o.fact, o.signed) },
              { title: '理由', dataIndex: 'reason' },
            ]}
          />
        </>
      )}
    </Space>
  );
}
