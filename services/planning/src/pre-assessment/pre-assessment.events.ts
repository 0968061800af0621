import type {
  EventOf,
  PreAssessmentConcluded as PreAssessmentConcludedDef,
  PreAssessmentOpened as PreAssessmentOpenedDef,
  ScoreGiven as ScoreGivenDef,
} from '@jixiao/events';

export type PreAssessmentOpened = EventOf<typeof PreAssessmentOpenedDef>;
export type ScoreGiven = EventOf<typeof ScoreGivenDef>;
export type PreAssessmentConcluded = EventOf<typeof PreAssessmentConcludedDef>;

/** Every event of a `preassessment-<id>` stream. */
export type PreAssessmentEvent = PreAssessmentOpened | ScoreGiven | PreAssessmentConcluded;
