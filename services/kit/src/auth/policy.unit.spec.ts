import { AuthorizeMiddleware } from './authorize';
import { HISTORY, SCOPED_READ, scopeOf, type PolicyRows } from './policy';
import { parsePolicyTable, renderPolicyTable } from './policy-table';

/** A context's rows, as a manifest declares them. */
const POLICY: PolicyRows = {
  'Query.goal': SCOPED_READ,
  'Mutation.reviewGoal': { PERFORMANCE_SECTION: 'ALL', DEPARTMENT: 'CHILD_UNITS' },
  'Goal.history': HISTORY,
};

const resolve = async (parentType: string, fieldName: string, role: string, policy = POLICY) =>
  AuthorizeMiddleware(policy)(
    {
      info: { parentType: { name: parentType }, fieldName },
      context: { actor: { userId: 'u', role, unitId: null }, correlationId: 'c' },
    } as never,
    async () => 'resolved',
  );

describe('the policy table', () => {
  it('reads back exactly what it renders', () => {
    expect(
      parsePolicyTable(`<!-- policy-table:start -->\n${renderPolicyTable(POLICY)}\n<!-- policy-table:end -->`),
    ).toEqual(POLICY);
  });

  it('refuses a table with an unknown scope', () => {
    const broken = renderPolicyTable(POLICY).replace('| OWN_UNIT |', '| MINE |');
    expect(() => parsePolicyTable(`<!-- policy-table:start -->\n${broken}\n<!-- policy-table:end -->`)).toThrow(
      'unknown scope "MINE"',
    );
  });

  it('gives a role its scope, or null when it may not run the operation', () => {
    expect(scopeOf('Query.goal', 'BUDGET_UNIT', POLICY)).toBe('OWN_UNIT');
    expect(scopeOf('Mutation.reviewGoal', 'AUDITOR', POLICY)).toBeNull();
  });
});

describe('the authorize middleware', () => {
  it('lets an allowed role through', async () => {
    await expect(resolve('Query', 'goal', 'AUDITOR')).resolves.toBe('resolved');
  });

  it('refuses a role the row leaves out, with FORBIDDEN in both languages', async () => {
    await expect(resolve('Mutation', 'reviewGoal', 'AUDITOR')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      zh: '角色「审计」无权执行 Mutation.reviewGoal',
      en: 'Role AUDITOR may not run Mutation.reviewGoal',
    });
  });

  it('refuses every role for a root field without a row, and guards listed entity fields', async () => {
    await expect(resolve('Mutation', 'approveProject', 'ADMIN')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resolve('Goal', 'history', 'BUDGET_UNIT')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resolve('Goal', 'projectName', 'BUDGET_UNIT')).resolves.toBe('resolved');
  });
});
