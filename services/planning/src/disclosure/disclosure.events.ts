import type { DataOf, EventOf, GoalsPublished as GoalsPublishedDef } from '@jixiao/events';

/** 绩效目标已公开 — the whole publication of a unit-year. */
export type GoalsPublished = EventOf<typeof GoalsPublishedDef>;
/** One published goal, with its id, version and content hash. */
export type PublishedGoalData = DataOf<typeof GoalsPublishedDef>['goals'][number];
/** What the public reads of a goal: exactly the fields its content hash covers. */
export type PublishedContent = Omit<PublishedGoalData, 'goalId' | 'goalVersion' | 'contentHash'>;

/** Every event of a `disclosure-<unitId>-<fiscalYear>` stream. */
export type DisclosureEvent = GoalsPublished;
