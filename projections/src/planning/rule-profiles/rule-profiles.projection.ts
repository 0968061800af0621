import { EntitySchema } from '@mikro-orm/core';
import type * as E from '@jixiao/events';
import type { DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

/** 规则配置读模型 — the latest published version per division and year. */
export interface RuleProfileRow extends Versioned, DataOf<typeof E.RuleProfilePublished> {
  publishedAt: Date;
}

export const RuleProfileRowSchema = new EntitySchema<RuleProfileRow>({
  name: 'RuleProfileRow',
  tableName: 'rm_rule_profile',
  indexes: [{ properties: ['divisionCode', 'fiscalYear'] }],
  properties: {
    profileId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    divisionCode: { type: 'string' },
    fiscalYear: { type: 'integer' },
    name: { type: 'string' },
    version: { type: 'integer' },
    basedOn: { type: 'json' },
    rules: { type: 'json' },
    reason: { type: 'text' },
    publishedAt: { type: 'datetime' },
  },
});

export function evolveRuleProfile(row: RuleProfileRow | null, event: RecordedEvent): RuleProfileRow | null {
  if (event.type !== 'RuleProfilePublished') return row;
  const d = event.data as DataOf<typeof E.RuleProfilePublished>;
  return { ...d, streamId: event.streamId, lastVersion: event.streamVersion, publishedAt: new Date(event.recordedAt) };
}

export const ruleProfilesProjection = defineProjection<RuleProfileRow>({
  name: 'planning.rule-profiles',
  handles: ['RuleProfilePublished'],
  entities: [RuleProfileRowSchema],
  evolve: evolveRuleProfile,
  ...rowStorage(RuleProfileRowSchema, 'profileId'),
});
