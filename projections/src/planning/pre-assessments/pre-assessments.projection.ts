import { EntitySchema } from '@mikro-orm/core';
import type * as E from '@jixiao/events';
import type { DataOf, RecordedEvent } from '@jixiao/events';
import { defineProjection, rowStorage, type Versioned } from '../../projection';

type Opened = DataOf<typeof E.PreAssessmentOpened>;
type Concluded = DataOf<typeof E.PreAssessmentConcluded>;

/** 事前绩效评估读模型. */
export interface PreAssessmentRow extends Versioned {
  preAssessmentId: string;
  subject: string;
  projectId: string | null;
  policyName: string | null;
  unitId: string;
  fiscalYear: number;
  divisionCode: string;
  status: string;
  passMark: number;
  dimensionMaxPoints: Opened['dimensionMaxPoints'];
  scorerIds: string[];
  ruleProfile: Opened['ruleProfile'];
  scores: (DataOf<typeof E.ScoreGiven> & { scoredAt: string; eventId: string })[];
  dimensionScores: Concluded['dimensionScores'] | null;
  total: number | null;
  passed: boolean | null;
  conclusion: string | null;
  report: string | null;
  openedAt: Date;
  concludedAt: Date | null;
}

export const PreAssessmentRowSchema = new EntitySchema<PreAssessmentRow>({
  name: 'PreAssessmentRow',
  tableName: 'rm_pre_assessment',
  indexes: [{ properties: ['projectId'] }, { properties: ['status'] }],
  properties: {
    preAssessmentId: { type: 'string', primary: true },
    // projections load their document by stream id: without an index every event of a rebuild scans the table
    streamId: { type: 'string', index: true },
    lastVersion: { type: 'integer' },
    subject: { type: 'string' },
    projectId: { type: 'string', nullable: true },
    policyName: { type: 'string', nullable: true },
    unitId: { type: 'string' },
    fiscalYear: { type: 'integer' },
    divisionCode: { type: 'string' },
    status: { type: 'string' },
    passMark: { type: 'double' },
    dimensionMaxPoints: { type: 'json' },
    scorerIds: { type: 'json' },
    ruleProfile: { type: 'json' },
    scores: { type: 'json' },
    dimensionScores: { type: 'json', nullable: true },
    total: { type: 'double', nullable: true },
    passed: { type: 'boolean', nullable: true },
    conclusion: { type: 'string', nullable: true },
    report: { type: 'text', nullable: true },
    openedAt: { type: 'datetime' },
    concludedAt: { type: 'datetime', nullable: true },
  },
});

/** Pure: one pre-assessment event folded into its row. */
export function evolvePreAssessment(row: PreAssessmentRow | null, event: RecordedEvent): PreAssessmentRow | null {
  const at = new Date(event.recordedAt);
  if (event.type === 'PreAssessmentOpened') {
    const d = event.data as Opened;
    return {
      ...d,
      streamId: event.streamId,
      lastVersion: event.streamVersion,
      status: 'OPEN',
      scores: [],
      dimensionScores: null,
      total: null,
      passed: null,
      conclusion: null,
      report: null,
      openedAt: at,
      concludedAt: null,
    };
  }
  if (!row) return row;
  switch (event.type) {
    case 'ScoreGiven': {
      const d = event.data as DataOf<typeof E.ScoreGiven>;
      return { ...row, scores: [...row.scores, { ...d, scoredAt: event.recordedAt, eventId: event.eventId }] };
    }
    case 'PreAssessmentConcluded': {
      const { dimensionScores, total, passed, conclusion, report } = event.data as Concluded;
      return { ...row, status: 'CONCLUDED', dimensionScores, total, passed, conclusion, report, concludedAt: at };
    }
    default:
      return row;
  }
}

export const preAssessmentsProjection = defineProjection<PreAssessmentRow>({
  name: 'planning.pre-assessments',
  handles: ['PreAssessmentOpened', 'ScoreGiven', 'PreAssessmentConcluded'],
  entities: [PreAssessmentRowSchema],
  evolve: evolvePreAssessment,
  ...rowStorage(PreAssessmentRowSchema, 'preAssessmentId'),
});
