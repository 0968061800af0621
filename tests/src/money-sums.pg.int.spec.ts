import { allProjections, catalog, CONTEXTS } from '@jixiao/contexts';
import { sumFen, type BatchAppend, type DataOf } from '@jixiao/events';
import type * as E from '@jixiao/events';
import { generateCityYear, SCALES } from '@jixiao/generator';
import { openReadModels, PostgresEventStore, rebuildProjections, testing } from '@jixiao/infra';

const { TEST_PG_URL, freshSchemaName, dropSchema, withPgClient } = testing;

/** What the events of a year say about money, added as whole fen. */
class EventSums {
  private readonly requested: number[] = [];
  private readonly allocated: number[] = [];
  /** Per goal, the amount its last amount-bearing event set; and what was issued. */
  private readonly goalAmount = new Map<string, number>();
  private readonly issued: number[] = [];

  add(appends: readonly BatchAppend[]): void {
    for (const { events } of appends) {
      for (const e of events) {
        if (e.type === 'ProjectProposed')
          this.requested.push((e.data as DataOf<typeof E.ProjectProposed>).amountRequestedFen);
        if (e.type === 'BudgetAllocated') this.allocated.push((e.data as DataOf<typeof E.BudgetAllocated>).amountFen);
        if (e.type === 'GoalIssued') this.issued.push((e.data as DataOf<typeof E.GoalIssued>).issuedAmountFen);
        if (e.type === 'GoalDrafted' || e.type === 'GoalSubmitted' || e.type === 'GoalAdjusted') {
          const { goalId, amountFen } = e.data as { goalId: string; amountFen: number };
          this.goalAmount.set(goalId, amountFen);
        }
      }
    }
  }

  totals() {
    return {
      requested: String(sumFen(this.requested)),
      allocated: String(sumFen(this.allocated)),
      allocations: String(this.allocated.length),
      goals: String(sumFen(this.goalAmount.values())),
      issued: String(sumFen(this.issued)),
    };
  }
}

/**
 * The tianmen city-year (200 units, 34,261 goals), generated through the deciders, stored in
 * PostgreSQL and projected: every sum of money the read models hold (BIGINT fen, added by
 * PostgreSQL as numeric) equals the exact sum of the amounts in the events.
 */
describe('money in the read models of the tianmen year', () => {
  const schema = freshSchemaName('money');
  let store: PostgresEventStore;
  const sums = new EventSums();

  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: TEST_PG_URL, schema, catalog });
    await (await openReadModels({ kind: 'postgres', connectionString: TEST_PG_URL, schema })).close();
    let pending: BatchAppend[] = [];
    for (const chunk of generateCityYear({ contexts: CONTEXTS, scale: SCALES.tianmen })) {
      sums.add(chunk);
      pending.push(...chunk);
      if (pending.length >= 2_000) {
        await store.appendBatch(pending);
        pending = [];
      }
    }
    await store.appendBatch(pending);
    await rebuildProjections({ store, catalog, projections: allProjections });
  }, 600_000);

  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('adds up to the fen', async () => {
    const expected = sums.totals();
    // a year's allocations are not round sums: the exactness is exercised
    expect(BigInt(expected.allocated) % 100n).not.toBe(0n);
    expect(Number(expected.allocations)).toBeGreaterThan(10_000);
    const actual = await withPgClient(async (c) => {
      const projects = await c.query(
        `SELECT sum(amount_requested_fen)::text AS requested, sum(allocated_total_fen)::text AS allocated,
                (SELECT sum((a->>'amountFen')::bigint)::text FROM "${schema}".rm_project p2,
                   jsonb_array_elements(p2.allocations::jsonb) a) AS listed,
                (SELECT count(*)::text FROM "${schema}".rm_project p3,
                   jsonb_array_elements(p3.allocations::jsonb)) AS allocations
         FROM "${schema}".rm_project`,
      );
      const goals = await c.query(
        `SELECT sum(amount_fen)::text AS goals, sum(issued_amount_fen)::text AS issued FROM "${schema}".rm_goal`,
      );
      const types = await c.query(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
         WHERE table_schema = $1 AND column_name LIKE '%fen' ORDER BY table_name, column_name`,
        [schema],
      );
      return { ...projects.rows[0], ...goals.rows[0], types: types.rows };
    });
    const { listed, types, ...totals } = actual;
    expect(totals).toEqual(expected);
    expect(listed).toBe(expected.allocated);
    expect(types.map((t: { data_type: string }) => t.data_type)).toEqual(types.map(() => 'bigint'));
    expect(types.length).toBeGreaterThanOrEqual(4);
  });
});
