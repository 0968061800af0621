/* Runs inside jest: `expect` is jest's global. */
import { openReadModels, rebuildReadModels, type ReadModelDatabase } from '@jixiao/infra';
import { ProjectionStreamSchema } from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import type { EntitySchema, MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { startTestPlatform, type Caller, type TestPlatform } from './platform';

const canonical = (row: unknown) =>
  JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Date ? v.toISOString() : v));

/** Every read model row of `context` (in a stable order), and its projections' stream records. */
export async function contextRows(context: ContextModule, orm: MikroORM): Promise<Record<string, unknown[]>> {
  const em = orm.em.fork();
  const entities: EntitySchema[] = context.projections.flatMap((p) => p.entities);
  const dump: Record<string, unknown[]> = {};
  for (const entity of entities) {
    const rows = await em.find(entity, {}, { disableIdentityMap: true });
    dump[entity.meta.tableName] = rows
      .map((r) => JSON.parse(canonical({ ...(r as object) })) as unknown)
      .sort((a, b) => canonical(a).localeCompare(canonical(b)));
  }
  const records = await em.find(
    ProjectionStreamSchema,
    { projection: { $in: context.projections.map((p) => p.name) } },
    { orderBy: { projection: 'asc', streamId: 'asc' }, disableIdentityMap: true },
  );
  dump[`rm_projection_stream (${context.name})`] = records.map((r) => JSON.parse(canonical({ ...r })) as unknown);
  return dump;
}

/** One question a reader asks the context through the gateway: its name, the query, its variables, who asks. */
export type Question = readonly [
  name: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  caller: Caller,
];

/** The answers to `questions`, each without errors (a failure names the question). */
export async function answersTo(p: Pick<TestPlatform, 'gql'>, questions: readonly Question[]) {
  const answers: Record<string, unknown> = {};
  for (const [name, query, variables, caller] of questions) {
    const r = await p.gql(query, variables, caller);
    expect({ name, errors: r.errors }).toEqual({ name, errors: undefined });
    answers[name] = r.data;
  }
  return answers;
}

/** Waits until no process appends any more (the deadline scheduler and the reactions are done), then until the read models caught up. */
export async function settled(p: TestPlatform) {
  let count = -1;
  for (;;) {
    const now = (await p.allEvents()).length;
    if (now === count) break;
    count = now;
    await new Promise((r) => setTimeout(r, 1500));
  }
  expect(await p.caughtUp(60_000)).toBe(true);
  return count;
}

export interface ReplayCase<T> {
  context: ContextModule;
  /** The platform's fixed clock (deadlines and days in stage depend on it). */
  clock: () => Date;
  /** What the test does through the gateway on top of the demo year; its result reaches `questions`. */
  walk: (p: TestPlatform) => Promise<T>;
  /** What readers ask afterwards, whose answers must come out the same after the replay. */
  questions: (walked: T) => readonly Question[];
  /** Checks of the rows before the replay beyond "every read model has rows". */
  check?: (rows: Record<string, unknown[]>) => void;
}

/**
 * Replay equivalence of a context's read models: the demo year (which must alone fill every one of
 * them) and a walk through the gateway, every read model dumped row for row and the readers' answers;
 * then the read models emptied and rebuilt from the event store — the same rows, the same answers,
 * nothing appended.
 */
export async function expectReplayGivesSameRows<T>(c: ReplayCase<T>, storage?: ReadModelDatabase) {
  const first = await startTestPlatform({ seed: 'demo', clock: c.clock, ...(storage ? { storage } : {}) });
  let firstOpen = true;
  let second: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  // every read model table has rows; the stream records may be none (a context whose projections are all keyed)
  const empty = (rows: Record<string, unknown[]>) =>
    Object.entries(rows).filter(([table, r]) => r.length === 0 && !table.startsWith('rm_projection_stream'));
  try {
    expect(await first.caughtUp(60_000)).toBe(true);
    // the demo year alone holds rows in every read model of the context (its generator steps)
    expect(empty(await contextRows(c.context, first.orm))).toEqual([]);
    const walked = await c.walk(first);
    const events = await settled(first);
    const before = await contextRows(c.context, first.orm);
    expect(empty(before)).toEqual([]);
    c.check?.(before);
    const answers = await answersTo(first, c.questions(walked));
    firstOpen = false;
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(Object.values(await contextRows(c.context, orm)).every((rows) => rows.length === 0)).toBe(true);
    await orm.close();

    second = await startTestPlatform({ dir: first.dir, storage: first.storage, clock: c.clock });
    expect(await settled(second)).toBe(events);
    expect(await contextRows(c.context, second.orm)).toEqual(before);
    expect(await answersTo(second, c.questions(walked))).toEqual(answers);
  } finally {
    if (second) await second.dispose();
    else if (firstOpen) await first.dispose();
    else rmSync(first.dir, { recursive: true, force: true });
  }
}
