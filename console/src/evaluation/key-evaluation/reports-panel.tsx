import { Button, Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { KeyEvaluationQuery, SubmitEvaluationReportInput } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { when } from '../../shell/format';
import { useCommand } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { showIssues } from '../../planning/projects/form-issues';
import type { UploadedDocument } from '../../execution/disbursement/attachments';
import { DocumentsTable } from '../../execution/disbursement/documents-field';
import { FilesField } from './files-field';
import {
  AnswerEvaluationFeedbackMutation,
  FinalizeKeyEvaluationMutation,
  GiveEvaluationFeedbackMutation,
  SubmitEvaluationDraftReportMutation,
} from './key-evaluation.documents';

type Evaluation = KeyEvaluationQuery['keyEvaluation'];

/** What the person may do here, from the policy and whose evaluation it is (the platform decides again). */
export interface ReportRights {
  /** The assigned evaluator: drafts, answers, records a symposium's opinions, finalizes. */
  evaluates: boolean;
  /** The evaluated unit: gives its feedback on the draft. */
  givesFeedback: boolean;
}

/** Sends a report file (a new draft version, or the final report) with an optional summary. */
function ReportForm({ evaluation, final }: { evaluation: Evaluation; final: boolean }) {
  const [form] = Form.useForm<{ files?: UploadedDocument[]; summary?: string }>();
  const draft = useCommand(SubmitEvaluationDraftReportMutation, '报告初稿已提交', () => form.resetFields());
  const finalize = useCommand(FinalizeKeyEvaluationMutation, '正式报告已提交', () => form.resetFields());
  const command = final ? finalize : draft;
  const send = (input: SubmitEvaluationReportInput) =>
    final ? finalize.mutateAsync({ input }) : draft.mutateAsync({ input });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        send({
          commandId: commandId(),
          evaluationId: evaluation.id,
          attachmentId: v.files?.[0]?.attachmentId ?? '',
          summary: final ? null : v.summary?.trim() || null,
        }).catch((error: unknown) => showIssues(form, error))
      }
    >
      <Form.Item
        name="files"
        label={final ? '正式报告文件' : '报告初稿文件'}
        rules={[{ required: true, message: '请上传报告文件' }]}
      >
        <FilesField single hint="报告文件：PDF、Word、OFD；平台记录文件摘要 (SHA-256)" />
      </Form.Item>
      {!final && (
        <Form.Item name="summary" label="修改说明">
          <Input aria-label="修改说明" />
        </Form.Item>
      )}
      <Button type={final ? 'primary' : 'default'} htmlType="submit" loading={command.isPending}>
        {final ? '提交正式报告' : '提交报告初稿'}
      </Button>
    </Form>
  );
}

/** One open opinion's answer: adopted or not, and the evaluator's reply. */
function AnswerForm({ evaluation, feedbackId }: { evaluation: Evaluation; feedbackId: string }) {
  const [form] = Form.useForm<{ adopted: boolean; answer?: string }>();
  const answer = useCommand(AnswerEvaluationFeedbackMutation, '意见已回复');
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ adopted: true }}
      onFinish={(v) =>
        answer
          .mutateAsync({
            input: {
              commandId: commandId(),
              evaluationId: evaluation.id,
              feedbackId,
              adopted: v.adopted,
              answer: v.answer?.trim() ?? '',
            },
          })
          .catch((error: unknown) => showIssues(form, error))
      }
    >
      <Form.Item name="adopted">
        <Radio.Group
          aria-label="是否采纳"
          options={[
            { value: true, label: '采纳' },
            { value: false, label: '不采纳' },
          ]}
        />
      </Form.Item>
      <Form.Item name="answer" rules={[{ required: true, whitespace: true, message: '请填写回复' }]}>
        <Input aria-label="回复" placeholder="回复" style={{ width: 320 }} />
      </Form.Item>
      <Button htmlType="submit" loading={answer.isPending}>
        回复意见
      </Button>
    </Form>
  );
}

/**
 * 报告与意见: the draft versions (each file with its hash), the unit's and the symposium's opinions
 * with the evaluator's answers, and the final report — refused by the platform while an opinion is
 * unanswered.
 */
export function ReportsPanel({ evaluation, rights }: { evaluation: Evaluation; rights: ReportRights }) {
  const [feedback, setFeedback] = useState('');
  const give = useCommand(GiveEvaluationFeedbackMutation, '意见已提出', () => setFeedback(''));
  const drafting = ['FIELDWORK', 'DRAFT_REPORT', 'UNIT_FEEDBACK'].includes(evaluation.stage);
  const drafted = evaluation.reports.length > 0 && !evaluation.final;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="报告初稿各版本">
        <List
          aria-label="报告初稿各版本"
          locale={{ emptyText: '尚未提交报告初稿' }}
          dataSource={evaluation.reports}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>
                  第 {r.version} 版 · {when(r.submittedAt)}
                  {r.summary ? ` · ${r.summary}` : ''}
                </Typography.Text>
                <DocumentsTable documents={[r.report]} />
                <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                  {`SHA-256 ${r.report.sha256}`}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
        {rights.evaluates && drafting && <ReportForm evaluation={evaluation} final={false} />}
      </Card>
      <Card size="small" title={`意见与回复（未回复 ${evaluation.openFeedback}）`}>
        <List
          aria-label="意见与回复"
          locale={{ emptyText: '尚无意见' }}
          dataSource={evaluation.feedback}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Tag>{label('EvaluationFeedbackSource', f.source)}</Tag>
                  <Typography.Text type="secondary">
                    针对第 {f.onVersion} 版 · {when(f.givenAt)}
                  </Typography.Text>
                </Space>
                <Typography.Text>{f.text}</Typography.Text>
                {f.answer ? (
                  <Typography.Text type="secondary">
                    {f.answer.adopted ? '采纳' : '不采纳'}：{f.answer.text}（{when(f.answer.answeredAt)}）
                  </Typography.Text>
                ) : rights.evaluates ? (
                  <AnswerForm evaluation={evaluation} feedbackId={f.id} />
                ) : (
                  <Tag color="warning">待回复</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
        {drafted && (rights.givesFeedback || rights.evaluates) && (
          <Space.Compact style={{ width: '100%', marginTop: 12 }}>
            <Input
              aria-label={rights.evaluates ? '座谈会意见' : '本单位意见'}
              placeholder={rights.evaluates ? '记录座谈会意见' : '对报告初稿的意见'}
              value={feedback}
              onChange={(e) => setFeedback(e.target.value)}
            />
            <Button
              loading={give.isPending}
              disabled={!feedback.trim()}
              onClick={() =>
                give.mutate({
                  input: {
                    commandId: commandId(),
                    evaluationId: evaluation.id,
                    source: rights.evaluates ? 'SYMPOSIUM' : 'UNIT',
                    text: feedback.trim(),
                  },
                })
              }
            >
              提出意见
            </Button>
          </Space.Compact>
        )}
      </Card>
      {rights.evaluates && drafted && (
        <Card size="small" title="正式报告">
          <ReportForm evaluation={evaluation} final />
        </Card>
      )}
    </Space>
  );
}
