import { issueIf, LIKELIHOODS, type FieldIssue } from '@jixiao/events';

const RATE = /^\d{1,3}\.\d{2}$/;

/**
 * A correction's signed value, given as text in GraphQL, as the fact's own type: true/false for
 * goalSet and inGoalManagement, a percent with two decimals (or none) for executionRate, a
 * likelihood (or none) for latestLikelihood; anything else is refused at `overrides[i].signed`.
 */
export function signedValue(
  o: { fact: string; signed?: string | null },
  i: number,
): { value: boolean | string | null; issues: FieldIssue[] } {
  const text = o.signed ?? null;
  const at = `overrides[${i}].signed`;
  switch (o.fact) {
    case 'goalSet':
    case 'inGoalManagement':
      return text === 'true' || text === 'false'
        ? { value: text === 'true', issues: [] }
        : { value: null, issues: issueIf(true, at, '应填 true 或 false', 'Give true or false') };
    case 'executionRate':
      return text === null || RATE.test(text)
        ? { value: text, issues: [] }
        : {
            value: null,
            issues: issueIf(
              true,
              at,
              '执行率应为两位小数的百分比，如 58.33',
              'Give a percent with two decimals, e.g. 58.33',
            ),
          };
    case 'latestLikelihood':
      return text === null || (LIKELIHOODS as readonly string[]).includes(text)
        ? { value: text, issues: [] }
        : {
            value: null,
            issues: issueIf(
              true,
              at,
              `完成可能性应为 ${LIKELIHOODS.join('、')} 之一`,
              `Give one of ${LIKELIHOODS.join(', ')}`,
            ),
          };
    default:
      return { value: null, issues: issueIf(true, `overrides[${i}].fact`, '未知的事实', 'Unknown fact') };
  }
}
