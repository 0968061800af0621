import { as, goalInput, REGISTER_UNIT, SUBMIT_GOAL, type TestPlatform } from './platform';

/** Three units: A (first level), A1 (second level under A), B (first level, unrelated). */
export type UnitKey = 'A' | 'A1' | 'B';
export const UNIT_KEYS: readonly UnitKey[] = ['A', 'A1', 'B'];

export interface Fixture {
  unitIds: Record<UnitKey, string>;
  /** One goal per unit, submitted by that unit's own officer. */
  goalIds: Record<UnitKey, string>;
  /** Submits a fresh goal in the unit (as its officer) and returns the goal with its indicators. */
  freshGoal(unit: UnitKey): Promise<{ id: string; indicators: { id: string; name: string }[] }>;
}

/** Registers the three units as ADMIN and submits a goal in each. `codePrefix` keeps unit codes unique. */
export async function seedFixture(p: TestPlatform, codePrefix = '9'): Promise<Fixture> {
  const register = async (suffix: string, name: string, level: string, parentId?: string) => {
    const result = await p.gql(
      REGISTER_UNIT,
      { input: { code: `${codePrefix}${suffix}`, name, level, divisionCode: '429006', parentId } },
      as('ADMIN'),
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.registerBudgetUnit.id as string;
  };
  const A = await register('01', '天门市教育局', 'FIRST');
  const A1 = await register('0101', '天门市实验小学', 'SECOND', A);
  const B = await register('02', '天门市交通运输局', 'FIRST');
  const unitIds = { A, A1, B };
  const freshGoal = async (unit: UnitKey) => {
    const result = await p.gql(SUBMIT_GOAL, { input: goalInput(unitIds[unit]) }, as('BUDGET_UNIT', unitIds[unit]));
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.submitGoal;
  };
  const goalIds = {} as Record<UnitKey, string>;
  for (const unit of UNIT_KEYS) goalIds[unit] = (await freshGoal(unit)).id;
  return { unitIds, goalIds, freshGoal };
}
