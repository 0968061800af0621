import { SCALES } from '@jixiao/generator';
import { runPacedBench } from './paced-cli';
import { selfEvaluationLoad, spliceSelfEvaluation, type SelfEvaluationFigures } from './self-evaluation-load';

/**
 * `npm run bench:self-evaluation`: scoring and submitting self-evaluations of 20-indicator goals (the
 * score preview, then the submission) at a fixed rate on the embedded platform serving a freshly
 * seeded year; the goals and their notice are the bench's own, of the year after, issued through the
 * API before the clock starts. On the tianmen year the figures go to bench/results.json
 * (`selfEvaluation`) and their section of bench/results.md is replaced, the rest kept.
 */
runPacedBench<SelfEvaluationFigures>({
  script: 'bench:self-evaluation',
  name: 'self-evaluation',
  resultKey: 'selfEvaluation',
  // the bench's own goals and notice are of the year after the one served
  load: (target, options) =>
    selfEvaluationLoad(target, { ...options, fiscalYear: SCALES[options.scale].fiscalYear + 1 }),
  summary: (f) =>
    `${f.submitted} of ${f.started} submitted at ${f.rate}/s (achieved ${f.achieved}/s): preview + submit`,
  splice: spliceSelfEvaluation,
});
