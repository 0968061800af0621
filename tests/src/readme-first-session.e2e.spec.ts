import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isRole, type Role } from '@jixiao/service-kit';
import { as, startTestPlatform } from './support/platform';

/** The README's first session: each GraphQL block with the role its `# token:` comment names. */
function firstSession(): { role: Role; query: string }[] {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const session = readme.slice(
    readme.indexOf('## A first session'),
    readme.indexOf('\n## ', readme.indexOf('## A first session') + 1),
  );
  return [...session.matchAll(/```graphql\n([\s\S]*?)```/g)].map(([, block]) => {
    const role = /^# token: npm run token -- --role (\w+)/m.exec(block!)?.[1];
    if (!isRole(role)) throw new Error(`a first-session example names no role: ${block}`);
    return { role, query: block!.replace(/^#.*$/gm, '').trim() };
  });
}

describe('the README’s first session, run as written on the demo data', () => {
  const steps = firstSession();
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform({ seed: 'demo' });
    await p.caughtUp();
  });
  afterAll(async () => p?.dispose());

  it('has a query and a mutation, each with the token command for its role', () => {
    expect(steps.map((step) => [step.role, step.query.startsWith('mutation') ? 'mutation' : 'query'])).toEqual([
      ['AUDITOR', 'query'],
      ['ADMIN', 'mutation'],
    ]);
    const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain('npm run token -- --role AUDITOR');
  });

  it('step 3: the auditor reads the demo year’s goals with their units', async () => {
    const answer = await p.gql(steps[0]!.query, undefined, as(steps[0]!.role));
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.goals.totalCount).toBe(30);
    expect(answer.data!.goals.nodes).toHaveLength(5);
    expect(answer.data!.goals.nodes[0].unit.name).toMatch(/^天门/);
  });

  it('step 4: the administrator registers the unit; again it is refused bilingually, and the auditor is forbidden', async () => {
    const mutation = steps[1]!.query;
    const first = await p.gql(mutation, undefined, as(steps[1]!.role));
    expect(first.errors).toBeUndefined();
    expect(first.data!.registerBudgetUnit).toMatchObject({ code: '199001', name: '天门市档案馆', level: 'FIRST' });
    expect(first.data!.registerBudgetUnit.id).toEqual(expect.any(String));

    const again = await p.gql(mutation, undefined, as(steps[1]!.role));
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'ILLEGAL_STATE',
      messageZh: expect.stringContaining('单位编码 199001 已被「天门市档案馆」使用'),
      messageEn: expect.stringContaining('Unit code 199001 is already used by 天门市档案馆'),
    });
    const auditor = await p.gql(mutation, undefined, as('AUDITOR'));
    expect(auditor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
