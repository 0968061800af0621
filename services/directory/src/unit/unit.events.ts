import type {
  BudgetUnitRegistered as BudgetUnitRegisteredDef,
  BudgetUnitSectorChanged as BudgetUnitSectorChangedDef,
  EventOf,
} from '@jixiao/events';

/** 预算单位已登记 — a first- or second-level budget unit was registered. */
export type BudgetUnitRegistered = EventOf<typeof BudgetUnitRegisteredDef>;

/** 预算单位行业已调整 — the unit's sector (行业/领域) was set or changed. */
export type BudgetUnitSectorChanged = EventOf<typeof BudgetUnitSectorChangedDef>;

/** Every event of a `unit-<unitId>` stream. */
export type UnitEvent = BudgetUnitRegistered | BudgetUnitSectorChanged;
