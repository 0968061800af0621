import { as, startTestPlatform } from './support/platform';

/**
 * The audit context adds `history` to every entity a context declares audited (ContextModule.audited):
 * goals, projects and budget units today, each under its owning context's policy row, each read
 * recorded in the reader's access stream like any other history.
 */
describe('event histories of audited entities', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    // the scheduler's clock before the demo year: no returned goal's resubmission falls overdue (an event
    // the scheduler appends seconds after start) between the refused read's two counts of the store
    p = await startTestPlatform({ seed: 'demo', clock: () => new Date('2000-01-01T00:00:00Z') });
    expect(await p.caughtUp(30_000)).toBe(true);
  });
  afterAll(async () => p.dispose());

  const QUERY = `{
    projects(page: { first: 2 }) { nodes { id history { streamId streamVersion type hash previousHash } } }
    budgetUnits(page: { first: 1 }) { nodes { id history { streamId type } } }
  }`;

  it('gives an auditor a project’s and a unit’s history from the event store, and records both reads', async () => {
    const answer = await p.gql(QUERY, {}, as('AUDITOR', null, 'wu.audit'));
    expect(answer.errors).toBeUndefined();
    const projects = answer.data!.projects.nodes as { id: string; history: { streamId: string; type: string }[] }[];
    expect(projects).toHaveLength(2);
    for (const project of projects) {
      const stored = await p.store.readStream(`project-${project.id}`);
      expect(project.history.map((e) => e.type)).toEqual(stored.map((e) => e.type));
      expect(project.history[0]).toMatchObject({ streamId: `project-${project.id}`, type: 'ProjectProposed' });
    }
    const unit = answer.data!.budgetUnits.nodes[0] as { id: string; history: { type: string }[] };
    expect(unit.history.map((e) => e.type)).toEqual(['BudgetUnitRegistered']);
    const access = await p.store.readStream('access-wu.audit');
    expect(access).toHaveLength(1);
    const reads = (access[0]!.data as { reads: { resource: string; streamId: string }[] }).reads;
    expect(reads.map((r) => r.resource).sort()).toEqual(['BudgetUnit.history', 'Project.history', 'Project.history']);
  });

  it('refuses the history to a role the owning context’s row leaves out, and records no read', async () => {
    const before = (await p.allEvents()).length;
    const refused = await p.gql('{ budgetUnits(page: { first: 1 }) { nodes { history { type } } } }', {}, as('ADMIN'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await p.allEvents()).length).toBe(before);
  });
});
