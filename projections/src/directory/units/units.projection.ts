import { EntitySchema } from '@mikro-orm/core';
import type { BudgetUnitRegistered, BudgetUnitSectorChanged, DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

/** 预算单位读模型. */
export interface UnitRow extends Versioned {
  unitId: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  divisionCode: string;
  /** 行业/领域 (UNIT_SECTORS); '' = 未分类. */
  sector: string;
  registeredAt: Date;
}

export const UnitRowSchema = new EntitySchema<UnitRow>({
  name: 'UnitRow',
  tableName: 'rm_unit',
  properties: {
    unitId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    // not unique here: a projection must accept every stored event; uniqueness is the decider's check
    code: { type: 'string', index: true },
    name: { type: 'string' },
    level: { type: 'string' },
    parentId: { type: 'string', nullable: true },
    divisionCode: { type: 'string' },
    // figures are grouped by it
    sector: { type: 'string', index: true },
    registeredAt: { type: 'datetime' },
  },
});

/** Pure: one unit event folded into the unit row. */
export function evolveUnit(row: UnitRow | null, event: RecordedEvent): UnitRow | null {
  switch (event.type) {
    case 'BudgetUnitRegistered': {
      const d = event.data as DataOf<typeof BudgetUnitRegistered>;
      return {
        ...d,
        streamId: event.streamId,
        lastVersion: event.streamVersion,
        registeredAt: new Date(event.recordedAt),
      };
    }
    case 'BudgetUnitSectorChanged': {
      if (!row) return row;
      const d = event.data as DataOf<typeof BudgetUnitSectorChanged>;
      return { ...row, sector: d.sector, lastVersion: event.streamVersion };
    }
    default:
      return row;
  }
}

export const unitsProjection = defineProjection<UnitRow>({
  name: 'directory.units',
  handles: ['BudgetUnitRegistered', 'BudgetUnitSectorChanged'],
  entities: [UnitRowSchema],
  evolve: evolveUnit,
  ...rowStorage(UnitRowSchema, 'unitId'),
});
