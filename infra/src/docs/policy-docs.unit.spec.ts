import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTEXTS, POLICY, type ContextModule } from '@jixiao/contexts';
import {
  CONSOLE_POLICY,
  owningSubgraphs,
  policyDocs,
  POLICY_DOCS_DIR,
  readPolicyDocs,
  renderContextPolicy,
  REPO_ROOT,
} from './policy-docs';

describe('the generated policy pages (docs/policy/)', () => {
  it.each(policyDocs().map((doc) => [doc.path, doc.text] as const))(
    '%s is what the manifests generate (run `npm run docs` after changing a policy row)',
    (file, text) => {
      expect(readFileSync(path.join(REPO_ROOT, file), 'utf8')).toBe(text);
    },
  );

  it('holds no page the manifests do not generate', () => {
    const generated = policyDocs()
      .filter((doc) => doc.path.startsWith('docs/policy/'))
      .map((doc) => path.basename(doc.path));
    expect(readdirSync(POLICY_DOCS_DIR).sort()).toEqual(generated.sort());
  });

  it('read back, are the policy: every row once, on its context’s page', () => {
    expect(readPolicyDocs()).toEqual(POLICY);
    const planning = readFileSync(path.join(POLICY_DOCS_DIR, 'planning.md'), 'utf8');
    expect(planning).toContain('| `Mutation.submitGoal` |');
    expect(planning).not.toContain('`Mutation.registerBudgetUnit`');
    // an entity's history is served by audit, under the row of the context that owns the entity
    expect(planning).toContain('| `Goal.history` |');
    expect(readFileSync(path.join(POLICY_DOCS_DIR, 'audit.md'), 'utf8')).not.toContain('`Goal.history`');
  });

  it('are also the console’s copy, which decides the menu entries and buttons a role sees', () => {
    expect(JSON.parse(readFileSync(path.join(REPO_ROOT, CONSOLE_POLICY), 'utf8'))).toEqual(POLICY);
  });
});

describe('the contexts’ policy rows', () => {
  it('are each for a field that the context’s own subgraph resolves, or the history of an entity it audits', () => {
    const owners = owningSubgraphs();
    const resolver = (context: ContextModule, operation: string) =>
      context.audited?.some((e) => operation === `${e.type}.history`) ? 'audit' : context.name;
    const misplaced = CONTEXTS.flatMap((context) =>
      Object.keys(context.policy)
        .filter((operation) => owners.get(operation) !== resolver(context, operation))
        .map((operation) => `${operation} in ${context.name}, resolved by ${owners.get(operation) ?? 'no subgraph'}`),
    );
    expect(misplaced).toEqual([]);
  });
});

describe('owningSubgraphs', () => {
  const sdl = `
    enum join__Graph { AUDIT @join__graph(name: "audit", url: "x") PLANNING @join__graph(name: "planning", url: "x") }
    type Query @join__type(graph: AUDIT) @join__type(graph: PLANNING) {
      verify: Int @join__field(graph: AUDIT)
      goal: Int @join__field(graph: PLANNING)
      shared: Int
    }
    type Subscription @join__type(graph: PLANNING) { changed: Int }`;

  it('takes a field’s own @join__field, else the one subgraph that defines its type', () => {
    const owners = owningSubgraphs(sdl);
    expect(owners.get('Query.verify')).toBe('audit');
    expect(owners.get('Query.goal')).toBe('planning');
    expect(owners.get('Subscription.changed')).toBe('planning');
    expect(owners.has('Query.shared')).toBe(false);
  });
});

describe('readPolicyDocs', () => {
  it('merges the pages, and refuses an operation listed on two of them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-policy-docs-'));
    const context = (name: string, operation: string) => ({
      name,
      title: { zh: name, en: name },
      policy: { [operation]: { ADMIN: 'ALL' as const } },
    });
    try {
      writeFileSync(path.join(dir, 'one.md'), renderContextPolicy(context('one', 'Query.a')));
      writeFileSync(path.join(dir, 'two.md'), renderContextPolicy(context('two', 'Query.b')));
      expect(readPolicyDocs(dir)).toEqual({ 'Query.a': { ADMIN: 'ALL' }, 'Query.b': { ADMIN: 'ALL' } });
      writeFileSync(path.join(dir, 'three.md'), renderContextPolicy(context('three', 'Query.a')));
      expect(() => readPolicyDocs(dir)).toThrow(/Query.a is listed twice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
