/** 评分: the evaluation context's pure scoring (DOMAIN.md, "Scoring") — no I/O, numbers from the rule profile. */
export * from './indicator.scoring';
export * from './self-evaluation.scoring';
export * from './key-evaluation.scoring';
export * from './spot-check.scoring';
export { ratio, toHundredths, fromHundredths, type Ratio } from './decimal.scoring';
