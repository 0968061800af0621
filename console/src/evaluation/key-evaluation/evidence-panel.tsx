import { Button, Card, DatePicker, Form, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EvaluationEvidenceKind, KeyEvaluationQuery } from '../../gql/graphql';
import { commandId } from '../../shell/api';
import { useCommand } from '../../shell/hooks';
import { label, optionsOf } from '../../shell/labels';
import { showIssues } from '../../planning/projects/form-issues';
import type { UploadedDocument } from '../../execution/disbursement/attachments';
import { DocumentsTable } from '../../execution/disbursement/documents-field';
import { FilesField } from './files-field';
import { RecordEvaluationEvidenceMutation } from './key-evaluation.documents';

type Evaluation = KeyEvaluationQuery['keyEvaluation'];

interface EvidenceValues {
  kind: EvaluationEvidenceKind;
  date?: Dayjs;
  place?: string;
  documents?: string;
  participants?: string;
  sent?: number;
  returned?: number;
  satisfactionPercent?: number;
  note?: string;
  files?: UploadedDocument[];
}

/** One entry per line of a text area (资料清单, 参加人员). */
const linesOf = (text?: string): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** What a piece of evidence says, in one line. */
function summaryOf(e: Evaluation['evidence'][number]): string {
  if (e.kind === 'SITE_VISIT') return `地点：${e.place ?? '—'}`;
  if (e.kind === 'DOCUMENTS') return `资料：${e.documents.join('、') || '—'}`;
  if (e.kind === 'SYMPOSIUM') return `参加人员：${e.participants.join('、') || '—'}`;
  const q = e.questionnaire;
  return q ? `发放 ${q.sent} 份，回收 ${q.returned} 份，满意度 ${q.satisfactionPercent}%` : '—';
}

/**
 * 评价证据: site visits, documents collected, symposiums and questionnaires, each with its files; the
 * assigned evaluator records more here (the platform refuses anyone else).
 */
export function EvidencePanel({ evaluation, records }: { evaluation: Evaluation; records: boolean }) {
  const [form] = Form.useForm<EvidenceValues>();
  const kind = Form.useWatch('kind', form);
  const record = useCommand(RecordEvaluationEvidenceMutation, '评价证据已记录', () => form.resetFields());
  const send = (v: EvidenceValues) =>
    record
      .mutateAsync({
        input: {
          commandId: commandId(),
          evaluationId: evaluation.id,
          kind: v.kind,
          date: v.date?.format('YYYY-MM-DD') ?? '',
          place: v.kind === 'SITE_VISIT' ? (v.place?.trim() ?? null) : null,
          documents: v.kind === 'DOCUMENTS' ? linesOf(v.documents) : [],
          participants: v.kind === 'SYMPOSIUM' ? linesOf(v.participants) : [],
          questionnaire:
            v.kind === 'QUESTIONNAIRE'
              ? { sent: v.sent ?? 0, returned: v.returned ?? 0, satisfactionPercent: v.satisfactionPercent ?? 0 }
              : null,
          note: v.note?.trim() || null,
          attachmentIds: (v.files ?? []).map((f) => f.attachmentId),
        },
      })
      .catch((error: unknown) => showIssues(form, error));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        bordered
        aria-label="评价证据"
        locale={{ emptyText: '尚无评价证据' }}
        dataSource={evaluation.evidence}
        renderItem={(e) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{label('EvaluationEvidenceKind', e.kind)}</Typography.Text>
                <Typography.Text>{e.date}</Typography.Text>
                <Typography.Text>{summaryOf(e)}</Typography.Text>
                {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
              </Space>
              {e.attachments.length > 0 && <DocumentsTable documents={e.attachments} />}
            </Space>
          </List.Item>
        )}
      />
      {records && (
        <Card size="small" title="记录评价证据">
          <Form<EvidenceValues> form={form} layout="vertical" initialValues={{ kind: 'SITE_VISIT' }} onFinish={send}>
            <Space wrap align="start">
              <Form.Item name="kind" label="证据类型">
                <Select aria-label="证据类型" style={{ width: 160 }} options={optionsOf('EvaluationEvidenceKind')} />
              </Form.Item>
              <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker aria-label="证据日期" />
              </Form.Item>
              {kind === 'SITE_VISIT' && (
                <Form.Item
                  name="place"
                  label="核查地点"
                  rules={[{ required: true, whitespace: true, message: '请填写核查地点' }]}
                >
                  <Input aria-label="核查地点" style={{ width: 280 }} />
                </Form.Item>
              )}
              {kind === 'QUESTIONNAIRE' && (
                <>
                  <Form.Item name="sent" label="发放份数" rules={[{ required: true, message: '请填写发放份数' }]}>
                    <InputNumber aria-label="发放份数" min={0} precision={0} />
                  </Form.Item>
                  <Form.Item name="returned" label="回收份数" rules={[{ required: true, message: '请填写回收份数' }]}>
                    <InputNumber aria-label="回收份数" min={0} precision={0} />
                  </Form.Item>
                  <Form.Item
                    name="satisfactionPercent"
                    label="满意度（%）"
                    rules={[{ required: true, message: '请填写满意度' }]}
                  >
                    <InputNumber aria-label="满意度（%）" min={0} max={100} />
                  </Form.Item>
                </>
              )}
            </Space>
            {kind === 'DOCUMENTS' && (
              <Form.Item
                name="documents"
                label="收集的资料（每行一项）"
                rules={[{ required: true, whitespace: true, message: '请列出收集的资料' }]}
              >
                <Input.TextArea aria-label="收集的资料" autoSize={{ minRows: 2 }} />
              </Form.Item>
            )}
            {kind === 'SYMPOSIUM' && (
              <Form.Item
                name="participants"
                label="参加人员（每行一人）"
                rules={[{ required: true, whitespace: true, message: '请列出参加人员' }]}
              >
                <Input.TextArea aria-label="参加人员" autoSize={{ minRows: 2 }} />
              </Form.Item>
            )}
            <Form.Item name="note" label="说明">
              <Input aria-label="证据说明" />
            </Form.Item>
            <Form.Item name="files" label="附件">
              <FilesField hint="现场照片、资料扫描件、会议记录、问卷汇总：PDF、JPEG、PNG、Word、Excel、OFD" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              记录证据
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
