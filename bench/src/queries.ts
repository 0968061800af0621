import type { QueryCase } from './graphql';

/** e. The three questions: a review queue page, a goal with indicators and its unit, a coverage aggregate. */
export function queryCases(goalId: string, fiscalYear: number): QueryCase[] {
  const goal = (unit: string) =>
    `query($id: ID!) { goal(id: $id) { id projectName status amount indicators { name operator targetValue targetText unit points } ${unit} } }`;
  const queue = `{ reviewQueue(page: { first: 20 }) { totalCount nodes { id projectName status } } }`;
  const coverage = `{ goalCoverage(fiscalYear: ${fiscalYear}) { unit { id } projects projectsWithApprovedGoal coverage } }`;
  return [
    { name: 'review queue page (reviewQueue, 20 goals)', query: queue, direct: queue },
    {
      name: 'goal + indicators + its unit (planning + directory)',
      query: goal('unit { name code level }'),
      direct: goal('unit { id }'),
      variables: { id: goalId },
    },
    { name: 'coverage aggregate (goalCoverage per unit)', query: coverage, direct: coverage },
  ];
}
