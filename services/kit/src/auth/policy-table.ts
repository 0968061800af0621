import { POLICY_COLUMNS, SCOPES, type OperationPolicy, type PolicyRows, type Scope } from './policy';

/** Markers around the role table in a policy page (docs/policy/<context>.md); the table between them is generated and tested. */
export const TABLE_START = '<!-- policy-table:start -->';
export const TABLE_END = '<!-- policy-table:end -->';
const NONE = '—';

/** A policy as a Markdown table (docs/policy/): one row per operation, one column per role, then PUBLIC. */
export function renderPolicyTable(policy: PolicyRows): string {
  const header = `| operation | ${POLICY_COLUMNS.join(' | ')} |`;
  const rule = `|---|${POLICY_COLUMNS.map(() => '---').join('|')}|`;
  const rows = Object.entries(policy).map(
    ([operation, roles]) => `| \`${operation}\` | ${POLICY_COLUMNS.map((role) => roles[role] ?? NONE).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** Reads the role table back from a Markdown document (between the markers). Throws on a malformed table. */
export function parsePolicyTable(markdown: string): Record<string, OperationPolicy> {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`no role table between ${TABLE_START} and ${TABLE_END}`);
  const lines = markdown
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  const [header, , ...rows] = lines;
  const roles = cells(header ?? '').slice(1) as (typeof POLICY_COLUMNS)[number][];
  if (roles.join() !== POLICY_COLUMNS.join()) throw new Error(`role columns must be ${POLICY_COLUMNS.join(', ')}`);
  return Object.fromEntries(
    rows.map((row) => {
      const [operation = '', ...scopes] = cells(row);
      const entry: OperationPolicy = {};
      scopes.forEach((scope, i) => {
        if (scope === NONE) return;
        if (!SCOPES.includes(scope as Scope)) throw new Error(`unknown scope "${scope}" in row ${operation}`);
        entry[roles[i]!] = scope as Scope;
      });
      return [operation.replace(/`/g, ''), entry];
    }),
  );
}
