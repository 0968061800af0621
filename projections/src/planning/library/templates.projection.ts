import { EntitySchema } from '@mikro-orm/core';
import type * as E from '@jixiao/events';
import type { DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

/** 指标库读模型 — usage counts are counted from rm_indicator.template_id when read. */
export interface TemplateRow extends Versioned, DataOf<typeof E.IndicatorTemplateAdded> {
  addedAt: Date;
}

export const TemplateRowSchema = new EntitySchema<TemplateRow>({
  name: 'TemplateRow',
  tableName: 'rm_indicator_template',
  indexes: [{ properties: ['level1', 'level2'] }, { properties: ['sector'] }],
  properties: {
    templateId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    scope: { type: 'string' },
    sector: { type: 'string' },
    level1: { type: 'string' },
    level2: { type: 'string' },
    name: { type: 'string' },
    operator: { type: 'string' },
    unit: { type: 'string' },
    targetHint: { type: 'string' },
    description: { type: 'text' },
    catalogueVersion: { type: 'string' },
    addedAt: { type: 'datetime' },
  },
});

export function evolveTemplate(row: TemplateRow | null, event: RecordedEvent): TemplateRow | null {
  if (event.type !== 'IndicatorTemplateAdded') return row;
  const d = event.data as DataOf<typeof E.IndicatorTemplateAdded>;
  return { ...d, streamId: event.streamId, lastVersion: event.streamVersion, addedAt: new Date(event.recordedAt) };
}

export const templatesProjection = defineProjection<TemplateRow>({
  name: 'planning.indicator-library',
  handles: ['IndicatorTemplateAdded'],
  entities: [TemplateRowSchema],
  evolve: evolveTemplate,
  ...rowStorage(TemplateRowSchema, 'templateId'),
});
