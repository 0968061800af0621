import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { graphql } from '../../gql';
import { useGql } from '../../shell/hooks';
import { label } from '../../shell/labels';
import { when } from '../../shell/format';
import { currentRoundOpinions, indicatorName, type ReviewableGoalData, type ReviewOpinion } from './reviewable-goal';

/** Who must give an opinion: the rule profile in force where the goal is, as the conclusion reads it. */
export const JointReviewRolesQuery = graphql(`
  query JointReviewRoles($fiscalYear: Int!, $divisionCode: String!) {
    ruleProfile(fiscalYear: $fiscalYear, divisionCode: $divisionCode) {
      jointReviewRoles
    }
  }
`);

/** The joint review's required members for this goal (empty while the profile loads). */
export function useJointReviewRoles(goal: ReviewableGoalData, enabled: boolean): string[] {
  const profile = useGql(
    JointReviewRolesQuery,
    { fiscalYear: goal.fiscalYear, divisionCode: goal.divisionCode },
    { enabled, staleTime: 60_000 },
  );
  return profile.data?.ruleProfile.jointReviewRoles ?? [];
}

const opinionTag = (opinion: string) => (
  <Tag color={opinion === 'RETURN' ? 'warning' : 'success'}>{label('ReviewResult', opinion)}</Tag>
);

function OpinionItem({ goal, opinion }: { goal: ReviewableGoalData; opinion: ReviewOpinion }) {
  return (
    <List.Item>
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{label('JointReviewerRole', opinion.reviewerRole)}</Typography.Text>
          <Typography.Text type="secondary">{opinion.reviewerId}</Typography.Text>
          {opinionTag(opinion.opinion)}
          <Typography.Text type="secondary">{when(opinion.recordedAt)}</Typography.Text>
        </Space>
        {opinion.comment && <Typography.Text>{opinion.comment}</Typography.Text>}
        {opinion.indicatorComments.map((c) => (
          <Typography.Text key={c.indicatorId} type="secondary">
            「{indicatorName(goal, c.indicatorId)}」：{c.comment}
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );
}

/** 联审进度: which required members have given an opinion this round, and what they said. */
export function JointReviewState({ goal, required }: { goal: ReviewableGoalData; required: string[] }) {
  const opinions = currentRoundOpinions(goal);
  const given = new Set<string>(opinions.map((o) => o.reviewerRole));
  const missing = required.filter((role) => !given.has(role));
  return (
    <Card size="small" title={`财政联审进度（第 ${goal.reviewRounds} 轮）`} aria-label="财政联审进度">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="须提出意见">
          <Space wrap>
            {required.map((role) =>
              given.has(role) ? (
                <Tag key={role} icon={<CheckCircleTwoTone twoToneColor="#52c41a" />} color="success">
                  {label('JointReviewerRole', role)}：已提出
                </Tag>
              ) : (
                <Tag key={role} icon={<ClockCircleOutlined />} color="default">
                  {label('JointReviewerRole', role)}：待提出
                </Tag>
              ),
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="结论">
          {missing.length > 0
            ? `尚缺${missing.map((r) => label('JointReviewerRole', r)).join('、')}的意见，绩效科暂不能作出结论`
            : opinions.some((o) => o.opinion === 'RETURN')
              ? '意见已齐备；有退回意见，只能退回修改'
              : '意见已齐备，待绩效科作出结论'}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        dataSource={opinions}
        locale={{ emptyText: '本轮尚无联审意见' }}
        renderItem={(opinion) => <OpinionItem goal={goal} opinion={opinion} />}
      />
    </Card>
  );
}
