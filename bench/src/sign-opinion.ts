import { runPacedBench } from './paced-cli';
import { signOpinionLoad, spliceSign, type SignFigures } from './sign-opinion-load';

/**
 * `npm run bench:sign`: signing disbursement opinions (the pre-fill query, then the command) at a
 * fixed rate on the embedded platform serving a freshly seeded year. On the tianmen year the
 * figures go to bench/results.json (`signOpinion`) and their section of bench/results.md is
 * replaced, the rest of the file (and the section's notes by hand) kept.
 */
runPacedBench<SignFigures>({
  script: 'bench:sign',
  name: 'sign',
  resultKey: 'signOpinion',
  load: signOpinionLoad,
  summary: (f) => `${f.signed} of ${f.started} signed at ${f.rate}/s (achieved ${f.achieved}/s): form + sign`,
  splice: spliceSign,
});
