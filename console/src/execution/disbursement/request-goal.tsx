import { Typography } from 'antd';
import { useGql } from '../../shell/hooks';
import { RequestGoalQuery } from './disbursement.documents';

/** The project (and, where asked, the unit) of a request, read through its goal: the request carries ids only. */
export function useRequestGoal(goalId: string) {
  return useGql(RequestGoalQuery, { id: goalId }, { staleTime: 5 * 60_000, retry: false });
}

export function ProjectName({ goalId }: { goalId: string }) {
  const goal = useRequestGoal(goalId);
  if (goal.isLoading) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!goal.data) return <Typography.Text type="secondary">{goalId}</Typography.Text>;
  return (
    <span>
      {goal.data.goal.projectName}
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {goal.data.goal.projectCode}
      </Typography.Text>
    </span>
  );
}

export function UnitName({ goalId, unitId }: { goalId: string; unitId: string }) {
  const goal = useRequestGoal(goalId);
  return <>{goal.data?.goal.unit.name ?? unitId}</>;
}
