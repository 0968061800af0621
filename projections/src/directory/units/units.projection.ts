import { EntitySchema } from '@mikro-orm/core';
import type { BudgetUnitRegistered, DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

/** 预算单位读模型. */
export interface UnitRow extends Versioned {
  unitId: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  divisionCode: string;
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
    default:
      return row;
  }
}

export const unitsProjection = defineProjection<UnitRow>({
  name: 'directory.units',
  handles: ['BudgetUnitRegistered'],
  entities: [UnitRowSchema],
  evolve: evolveUnit,
  ...rowStorage(UnitRowSchema, 'unitId'),
});
