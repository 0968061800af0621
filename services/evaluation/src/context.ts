import { evaluationEvents } from '@jixiao/events';
import { contextFromParts, type ContextModule } from '@jixiao/service-kit';
import { agencyPart, agencyRatingsPart } from './agency/agency.part';
import { figuresPart } from './figures/figures.part';
import { keyEvaluationPart } from './key-evaluation/key-evaluation.part';
import { selfEvaluationPart } from './self-evaluation/self-evaluation.part';

/** 绩效评价 — evaluation: self-evaluations scored by formula (单位自评) and key evaluations by third-party agencies (财政重点评价); key evaluation's year after self-evaluation's. */
export const evaluationContext: ContextModule = contextFromParts(
  {
    name: 'evaluation',
    title: { zh: '绩效评价', en: 'Evaluation' },
    events: evaluationEvents,
    streamCategories: ['evaluationnotice', 'selfevaluation', 'agency', 'evaluationplan', 'keyevaluation'],
  },
  [selfEvaluationPart, agencyPart, keyEvaluationPart, agencyRatingsPart, figuresPart],
);
