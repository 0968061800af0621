import { catalog } from '@jixiao/contexts';
import type { MikroORM } from '@mikro-orm/core';
import { type RecordedEvent } from '@jixiao/events';
import { applyBatch, ProjectRowSchema, projectsProjection } from '@jixiao/projections';
import { openSqliteWorkspace, type SqliteWorkspace } from '../testing/sqlite';

const actor = { actorId: 'wang.yu', role: 'BUDGET_SECTION' };
const proposal = {
  projectId: 'p1',
  unitId: 'u1',
  code: 'JT-2023-001',
  name: '农村公路提档升级',
  category: 'ONE_OFF',
  isNew: false,
  isMajor: false,
  fiscalYear: 2023,
  years: 1,
  divisionCode: '429006',
};
const admitted = { type: 'ProjectAdmittedToLibrary', data: { projectId: 'p1', goalId: 'g1', preAssessmentId: null } };

/** The project row a projection makes of these events, as stored. */
async function projected(orm: MikroORM, events: readonly RecordedEvent[]) {
  await applyBatch(orm.em, projectsProjection, catalog, events);
  const {
    updatedAt: _u,
    proposedAt: _p,
    ...row
  } = await orm.em.fork().findOneOrFail(ProjectRowSchema, { projectId: 'p1' });
  return row;
}

/**
 * A store written before exact money holds yuan as floats, and their sums as float sums
 * (0.1 + 0.2 = 0.30000000000000004). Replayed through today's projections, those events give the
 * same figures, to the fen, as the same history recorded in fen.
 */
describe('replaying amounts stored as float yuan (schema v1)', () => {
  let workspace: SqliteWorkspace;
  let old: SqliteWorkspace;
  beforeEach(async () => {
    [workspace, old] = await Promise.all([
      openSqliteWorkspace('jixiao-money-'),
      openSqliteWorkspace('jixiao-money-v1-'),
    ]);
  });
  afterEach(async () => {
    await workspace.close();
    await old.close();
  });

  it('gives the figures the same history in fen gives', async () => {
    const { events } = await workspace.store.appendToStream(
      'project-p1',
      [
        { type: 'ProjectProposed', data: { ...proposal, amountRequestedFen: 500_000_029 } },
        admitted,
        {
          type: 'BudgetAllocated',
          data: { projectId: 'p1', fiscalYear: 2023, amountFen: 10, budgetDocument: 'a', totalAllocatedFen: 10 },
        },
        {
          type: 'BudgetAllocated',
          data: { projectId: 'p1', fiscalYear: 2023, amountFen: 20, budgetDocument: 'b', totalAllocatedFen: 30 },
        },
      ],
      { expectedVersion: 0, metadata: actor },
    );
    // the same events as the float-yuan code wrote them
    const v1Data = [
      { ...proposal, amountRequested: 5_000_000.29 },
      admitted.data,
      { projectId: 'p1', fiscalYear: 2023, amount: 0.1, budgetDocument: 'a', totalAllocated: 0.1 },
      { projectId: 'p1', fiscalYear: 2023, amount: 0.2, budgetDocument: 'b', totalAllocated: 0.1 + 0.2 },
    ];
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    const stored = events.map((e, i) => ({
      ...e,
      data: v1Data[i],
      schemaVersion: 1,
    })) as RecordedEvent[];

    const fromFen = await projected(workspace.orm, events);
    expect(fromFen).toMatchObject({ amountRequestedFen: 500_000_029, allocatedTotalFen: 30 });
    expect(await projected(old.orm, stored)).toEqual(fromFen);
  });
});
