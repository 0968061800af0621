import { invalid, issueIf } from '@jixiao/events';

/** A fiscal year asked for: 2000–2100, or BAD_USER_INPUT at `path` before anything is read or written. */
export function requireFiscalYear(fiscalYear: number, path = 'fiscalYear'): void {
  const issues = issueIf(
    !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100,
    path,
    `预算年度 ${fiscalYear} 无效，应为 2000–2100`,
    `Fiscal year ${fiscalYear} must be from 2000 to 2100`,
  );
  if (issues.length > 0) throw invalid(issues);
}
