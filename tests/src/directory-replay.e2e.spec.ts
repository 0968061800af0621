import { CONTEXTS } from '@jixiao/contexts';
import { expectReplayGivesSameRows } from './support/context-replay';
import { as, type TestPlatform } from './support/platform';

const admin = as('ADMIN', null, 'chen.jing');
const directoryContext = CONTEXTS.find((c) => c.name === 'directory')!;

/** Through the gateway on top of the demo year: one unit registered with a sector, one unit given another. */
async function walk(p: TestPlatform) {
  const ask = async (query: string, input: Record<string, unknown>) => {
    const r = await p.gql(query, { input }, admin);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data!)[0] as { id: string };
  };
  await ask(`mutation($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { id } }`, {
    code: '199001',
    name: '天门市档案馆',
    level: 'FIRST',
    divisionCode: '429006',
    sector: '综合',
  });
  const units = await p.gql('{ budgetUnits(level: SECOND, page: { first: 1 }) { nodes { id } } }', undefined, admin);
  const unitId = (units.data as { budgetUnits: { nodes: { id: string }[] } }).budgetUnits.nodes[0]!.id;
  await ask(`mutation($input: ChangeBudgetUnitSectorInput!) { changeBudgetUnitSector(input: $input) { id } }`, {
    unitId,
    sector: '民政',
  });
  await ask(`mutation($input: ChangeBudgetUnitSectorInput!) { changeBudgetUnitSector(input: $input) { id } }`, {
    unitId,
    sector: '',
  });
  return { unitId };
}

describe('replaying the directory read models (SQLite)', () => {
  it('gives the units (with their sectors) and assignments row for row, and the same answers, as before', async () => {
    await expectReplayGivesSameRows({
      context: directoryContext,
      clock: () => new Date('2024-12-20T02:00:00.000Z'),
      walk,
      questions: ({ unitId }) => [
        [
          'units',
          '{ budgetUnits(page: { first: 200 }) { totalCount nodes { id code name level parentId sector sectorLabel } } }',
          undefined,
          admin,
        ],
        ['unit moved to 未分类', `{ budgetUnit(id: "${unitId}") { sector sectorLabel } }`, undefined, as('AUDITOR')],
      ],
      check: (rows) => {
        const sectors = (rows['rm_unit'] as { sector: string }[]).map((r) => r.sector);
        expect(sectors).toEqual(expect.arrayContaining(['教育', '综合', '']));
      },
    });
  }, 240_000);
});
