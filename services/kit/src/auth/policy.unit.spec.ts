import { AuthorizeMiddleware } from './authorize';
import { randomBytes } from 'node:crypto';
import { signAssertion, verifyAssertion } from './assertion';
import { EVERYONE, HISTORY, PUBLIC_READ, publicOperationsOf, SCOPED_READ, scopeOf, type PolicyRows } from './policy';
import { PUBLIC_CALLER } from './roles';
import { parsePolicyTable, renderPolicyTable } from './policy-table';

/** A context's rows, as a manifest declares them. */
const POLICY: PolicyRows = {
  'Query.goal': SCOPED_READ,
  'Mutation.reviewGoal': { PERFORMANCE_SECTION: 'ALL', DEPARTMENT: 'CHILD_UNITS' },
  'Goal.history': HISTORY,
  'Query.publishedGoals': PUBLIC_READ,
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

describe('public operations (公开), run by callers without a token', () => {
  it('are the Query rows naming PUBLIC, which the table shows in a column of its own', () => {
    expect(publicOperationsOf(POLICY)).toEqual(['Query.publishedGoals']);
    expect(renderPolicyTable(POLICY).split('\n')[0]).toMatch(/\| ADMIN \| PUBLIC \|$/);
    expect(scopeOf('Query.publishedGoals', 'PUBLIC', POLICY)).toBe('ALL');
    expect(scopeOf('Query.goal', 'PUBLIC', POLICY)).toBeNull();
  });

  it.each([
    ['a mutation', { 'Mutation.publishGoals': PUBLIC_READ }],
    ['a subscription', { 'Subscription.goalStateChanged': PUBLIC_READ }],
    ['an entity field', { 'Goal.history': PUBLIC_READ }],
    ['a scope other than ALL', { 'Query.goals': { ...EVERYONE, PUBLIC: 'OWN_UNIT' } }],
  ] as [string, PolicyRows][])('may not be %s', (_what, rows) => {
    expect(() => publicOperationsOf(rows)).toThrow(/PUBLIC may only be ALL on a Query row/);
  });

  it('are refused to the public caller by the middleware unless the row names PUBLIC', async () => {
    await expect(resolve('Query', 'publishedGoals', 'PUBLIC')).resolves.toBe('resolved');
    await expect(resolve('Query', 'goal', 'PUBLIC')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reach the subgraphs as the gateway’s assertion of the public caller; a token cannot claim the role', async () => {
    const secret = new Uint8Array(randomBytes(32));
    await expect(verifyAssertion(secret, await signAssertion(secret, PUBLIC_CALLER))).resolves.toMatchObject(
      PUBLIC_CALLER,
    );
    const posing = await signAssertion(secret, { ...PUBLIC_CALLER, userId: 'zhang.wei' } as never);
    await expect(verifyAssertion(secret, posing)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
