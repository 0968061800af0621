import { Button, Card, DatePicker, Descriptions, Form, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { commandId } from '../../shell/api';
import { QueryError } from '../../shell/errors';
import { when } from '../../shell/format';
import { useCommand, useGql } from '../../shell/hooks';
import { can } from '../../shell/policy';
import { currentSession } from '../../shell/session';
import {
  DrawSpotCheckMutation,
  EvaluationNoticeQuery,
  IssueEvaluationNoticeMutation,
} from './self-evaluation.documents';

/** The division the person works in: a unit's code starts with it; the demo city is Tianmen. */
const DIVISION = '429006';

/**
 * 绩效自评通知: the year's notice — due date, tasks, the profile it scores under, the spot-check draw.
 * The performance section issues it (with a due date after the year) and draws the sample.
 */
export function NoticeCard({ fiscalYear }: { fiscalYear: number }) {
  const { role } = currentSession()!.identity;
  const notice = useGql(EvaluationNoticeQuery, { fiscalYear }, { enabled: can(role, 'Query.evaluationNotice') });
  const [due, setDue] = useState<Dayjs | null>(null);
  const issue = useCommand(IssueEvaluationNoticeMutation, '自评通知已下达');
  const draw = useCommand(DrawSpotCheckMutation, '抽查样本已抽取');
  if (!can(role, 'Query.evaluationNotice')) return null;
  const current = notice.data?.evaluationNotice;
  return (
    <Card size="small" title={`${fiscalYear} 年度绩效自评通知`} loading={notice.isLoading}>
      <QueryError error={notice.error} />
      {current ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label="填报截止">
              {current.dueDate}
              {current.duePassed ? '（已截止）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="任务数">{current.taskCount}</Descriptions.Item>
            <Descriptions.Item label="下达时间">{when(current.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label="计分规则">
              {current.ruleProfile.profileId} v{current.ruleProfile.version}
            </Descriptions.Item>
            <Descriptions.Item label="财政抽查">
              {current.draw
                ? `比例 ${current.draw.percent}%，自 ${current.draw.poolUnitIds.length} 个单位中抽中 ${current.draw.drawnUnitIds.length} 个（种子 ${current.draw.seed}）`
                : '尚未抽取'}
            </Descriptions.Item>
          </Descriptions>
          {!current.draw && can(role, 'Mutation.drawSpotCheck') && (
            <Button
              loading={draw.isPending}
              onClick={() =>
                draw.mutate({ input: { commandId: commandId(), divisionCode: current.divisionCode, fiscalYear } })
              }
            >
              抽取抽查样本
            </Button>
          )}
        </Space>
      ) : can(role, 'Mutation.issueEvaluationNotice') ? (
        <Form layout="inline">
          <Form.Item label="填报截止日期" required>
            <DatePicker aria-label="填报截止日期" value={due} onChange={setDue} />
          </Form.Item>
          <Button
            type="primary"
            disabled={!due}
            loading={issue.isPending}
            onClick={() =>
              due &&
              issue.mutate({
                input: {
                  commandId: commandId(),
                  divisionCode: DIVISION,
                  fiscalYear,
                  dueDate: due.format('YYYY-MM-DD'),
                },
              })
            }
          >
            下达自评通知
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">本年度尚未下达自评通知</Typography.Text>
      )}
    </Card>
  );
}
