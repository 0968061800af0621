import { GOAL_TERMS, LEVEL1, LEVEL2, OPERATORS, REVIEW_RESULTS, TARGET_BASES } from '@jixiao/events';
import { GoalTerm, IndicatorLevel1, IndicatorLevel2, IndicatorOperator, ReviewResult, TargetBasis } from './goal.enums';

/** The GraphQL enums restate the catalog's value lists (to carry labels); they must never drift apart. */
describe('GraphQL enums match the event catalog', () => {
  it.each([
    ['IndicatorLevel1', IndicatorLevel1, LEVEL1],
    ['IndicatorLevel2', IndicatorLevel2, LEVEL2],
    ['IndicatorOperator', IndicatorOperator, OPERATORS],
    ['TargetBasis', TargetBasis, TARGET_BASES],
    ['GoalTerm', GoalTerm, GOAL_TERMS],
    ['ReviewResult', ReviewResult, REVIEW_RESULTS],
  ])('%s', (_name, graphqlEnum, catalogValues) => {
    expect([...Object.values(graphqlEnum)].sort()).toEqual([...catalogValues].sort());
  });
});
