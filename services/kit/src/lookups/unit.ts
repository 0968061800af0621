import type { EntityManager } from '@mikro-orm/core';
import { UnitRowSchema, type UnitRow } from '@jixiao/projections';
import { inScope, type UnitScope } from '../auth/scope';
import { ALL_UNITS, notReached } from './not-reached';

/** NOT_FOUND for a budget unit: "register it first" for a caller who sees every unit, else "not found or not in your scope". */
export const unitNotFound = (unitId: string, scope: UnitScope = ALL_UNITS) =>
  notReached(scope, { zh: '预算单位', en: 'Budget unit' }, unitId, {
    zh: '不存在，请先登记单位',
    en: 'does not exist; register it first',
  });

/**
 * The unit as the directory's read model holds it, or NOT_FOUND when it does not exist or lies
 * outside `scope` (the same answer for both, so a limited caller learns nothing of other units).
 *
 * @example const unit = await requireUnit(em, input.unitId, scope) // before deciding on its behalf
 */
export async function requireUnit(em: EntityManager, unitId: string, scope: UnitScope = ALL_UNITS): Promise<UnitRow> {
  const unit = await em.findOne(UnitRowSchema, { unitId });
  if (!unit || !inScope(scope, unit.unitId)) throw unitNotFound(unitId, scope);
  return unit;
}
