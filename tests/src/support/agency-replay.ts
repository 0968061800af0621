/* Runs inside jest: `expect` is jest's global. */
import { openReadModels, rebuildReadModels, type ReadModelDatabase } from '@jixiao/infra';
import { AgencyRowSchema } from '@jixiao/projections';
import type { MikroORM } from '@mikro-orm/core';
import { rmSync } from 'node:fs';
import { answersTo, settled, type Question } from './context-replay';
import { as, startTestPlatform, type TestPlatform } from './platform';

const performance = as('PERFORMANCE_SECTION', null, 'li.na');
const AGENCY = `id name creditCode qualification divisionCode procurement { method announcedOn resultRef }
  contracts { contractNumber signedOn from to scope amount } ratings { evaluationId score comments ratedOn }
  ratingCount averageScore registeredAt`;

/**
 * Replay equivalence of the agency directory's read model: the demo year (three agencies, their
 * contracts and a rating) and one more agency registered through the gateway, row for row and as
 * readers see them, before and after a rebuild.
 */
export async function expectAgencyReplayGivesSameRows(storage?: ReadModelDatabase) {
  const clock = () => new Date('2024-12-20T02:00:00.000Z');
  const first = await startTestPlatform({ seed: 'demo', clock, ...(storage ? { storage } : {}) });
  let second: Awaited<ReturnType<typeof startTestPlatform>> | undefined;
  let firstOpen = true;
  try {
    const id = await walk(first);
    const events = await settled(first);
    const before = await agencyRows(first.orm);
    expect(before).toHaveLength(4);
    expect(before.every((a) => a.contracts.length === 1)).toBe(true);
    expect(before.filter((a) => a.ratingCount > 0).length).toBeGreaterThan(0);
    const answers = await answersTo(first, questions(id));
    firstOpen = false;
    await first.dispose({ keepData: true });

    const orm = await openReadModels(first.storage);
    await rebuildReadModels(orm);
    expect(await agencyRows(orm)).toEqual([]);
    await orm.close();

    second = await startTestPlatform({ dir: first.dir, storage: first.storage, clock });
    expect(await settled(second)).toBe(events);
    expect(await agencyRows(second.orm)).toEqual(before);
    expect(await answersTo(second, questions(id))).toEqual(answers);
  } finally {
    if (second) await second.dispose();
    else if (firstOpen) await first.dispose();
    else rmSync(first.dir, { recursive: true, force: true });
  }
}

/** Every agency row, in id order, as plain JSON (dates as ISO text). */
async function agencyRows(orm: MikroORM) {
  const rows = await orm.em
    .fork()
    .find(AgencyRowSchema, {}, { orderBy: { agencyId: 'asc' }, disableIdentityMap: true });
  return rows.map((r) => JSON.parse(JSON.stringify(r)) as typeof r);
}

/** One more agency through the gateway, on top of the demo year's: registered, procurement, contract. */
async function walk(p: TestPlatform): Promise<string> {
  const ask = async (query: string, input: Record<string, unknown>) => {
    const r = await p.gql(query, { input }, performance);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0] as { id: string };
  };
  const { id } = await ask(`mutation($input: RegisterAgencyInput!) { registerAgency(input: $input) { id } }`, {
    name: '湖北重放会计师事务所',
    creditCode: '91350100M000100Y43',
    qualification: '会计师事务所执业证书',
    divisionCode: '429006',
  });
  await ask(`mutation($input: AnnounceAgencyProcurementInput!) { announceAgencyProcurement(input: $input) { id } }`, {
    agencyId: id,
    method: 'INQUIRY',
    announcedOn: '2024-11-01',
    resultRef: '天财采〔2024〕99号',
  });
  await ask(`mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`, {
    agencyId: id,
    contractNumber: 'TMCZ-REPLAY-01',
    signedOn: '2024-11-05',
    from: '2024-11-05',
    to: '2025-06-30',
    scope: '专项资金绩效评价',
    amount: '123456.78',
  });
  return id;
}

const questions = (id: string): readonly Question[] => [
  ['directory', `{ agencies(page: { first: 50 }) { totalCount nodes { ${AGENCY} } } }`, undefined, performance],
  ['one', `query($id: ID!) { agency(id: $id) { ${AGENCY} } }`, { id }, as('AUDITOR')],
  ['own', `{ agencies { totalCount nodes { id name } } }`, undefined, as('AGENCY', id, 'agency.replay')],
];
