import type { FormInstance } from 'antd';
import { GqlError } from '../../shell/api';

/**
 * Shows the platform's refusal beside the fields it names (BAD_USER_INPUT issues carry the input
 * field's name); the whole message is shown by useCommand as well. Returns whether any field was marked.
 */
export function showIssues(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof GqlError)) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const issues = error.issues.filter((issue) => known.has(issue.path));
  form.setFields(issues.map((issue) => ({ name: issue.path, errors: [issue.zh] })));
  return issues.length > 0;
}
