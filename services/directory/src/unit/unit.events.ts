import type { BudgetUnitRegistered as BudgetUnitRegisteredDef, EventOf } from '@jixiao/events';

/** 预算单位已登记 — a first- or second-level budget unit was registered. */
export type BudgetUnitRegistered = EventOf<typeof BudgetUnitRegisteredDef>;

/** Every event of a `unit-<unitId>` stream. */
export type UnitEvent = BudgetUnitRegistered;
