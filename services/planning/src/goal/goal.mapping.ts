import type { IndicatorInput } from './goal.input';
import type { Indicator } from './goal.events';

/** A GraphQL indicator input → the catalog's indicator, with the id it should carry. */
export function toIndicatorData(input: IndicatorInput, id: string): Indicator {
  return {
    indicatorId: id,
    level1: input.level1,
    level2: input.level2,
    name: input.name,
    operator: input.operator,
    targetValue: input.targetValue ?? null,
    targetText: input.targetText ?? null,
    unit: input.unit,
    points: input.points,
    basis: input.basis,
    core: input.core,
    templateId: input.templateId ?? null,
  };
}
