import { agencyEvents } from './agency';
import { keyEvaluationEvents } from './key-evaluation';
import { selfEvaluationEvents } from './self-evaluation';

export * from './agency';
export * from './key-evaluation';
export * from './self-evaluation';

/** Every event type of the evaluation context. */
export const evaluationEvents = [...selfEvaluationEvents, ...keyEvaluationEvents, ...agencyEvents] as const;
