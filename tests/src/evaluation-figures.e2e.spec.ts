import { startTestPlatform, as, type TestPlatform } from './support/platform';

const performance = as('PERFORMANCE_SECTION', null, 'li.na');
const admin = as('ADMIN', null, 'chen.jing');
const YEAR = 2023;

type Scores = { count: number; averageScore: number | null; grades: { grade: string; count: number }[] };
type Sector = { sector: string; sectorLabel: string; unitCount: number; selfEvaluation: Scores; keyEvaluation: Scores };
const SCORES = 'count averageScore grades { grade count }';
const FIGURES = `query($year: Int!) { evaluationFigures(fiscalYear: $year) { fiscalYear bySector {
  sector sectorLabel unitCount selfEvaluation { ${SCORES} } keyEvaluation { ${SCORES} } } } }`;

interface Scored {
  unitId: string;
  total: number;
  grade: string;
}

/** The figures computed here from the lists the console reads, row by row: what the query must answer. */
function expectedFigures(self: Scored[], key: Scored[], sectorOf: Map<string, string>) {
  const scores = (rows: Scored[]): Scores => ({
    count: rows.length,
    averageScore: rows.length
      ? Math.round(rows.reduce((a, r) => a + Math.round(r.total * 100), 0) / rows.length) / 100
      : null,
    grades: ['EXCELLENT', 'GOOD', 'FAIR', 'POOR'].map((grade) => ({
      grade,
      count: rows.filter((r) => r.grade === grade).length,
    })),
  });
  const sectors = [...new Set([...self, ...key].map((r) => sectorOf.get(r.unitId) ?? ''))];
  return sectors.map((sector) => {
    const inSector = (r: Scored) => (sectorOf.get(r.unitId) ?? '') === sector;
    return {
      sector,
      sectorLabel: sector || '未分类',
      unitCount: new Set([...self, ...key].filter(inSector).map((r) => r.unitId)).size,
      selfEvaluation: scores(self.filter(inSector)),
      keyEvaluation: scores(key.filter(inSector)),
    };
  });
}

describe('evaluation figures by sector (评价统计, issue 16 item 5)', () => {
  let p: TestPlatform & { dispose(): Promise<void> };
  beforeAll(async () => {
    p = await startTestPlatform({ seed: 'demo', clock: () => new Date('2024-12-20T02:00:00.000Z') });
  }, 120_000);
  afterAll(async () => p.dispose());

  const figures = async (caller = performance) => {
    const r = await p.gql<{ evaluationFigures: { fiscalYear: number; bySector: Sector[] } }>(
      FIGURES,
      { year: YEAR },
      caller,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.evaluationFigures.bySector;
  };
  const lists = async () => {
    const self = await p.gql<{ selfEvaluations: { nodes: (Scored & { total: number | null })[] } }>(
      `{ selfEvaluations(filter: { fiscalYear: ${YEAR} }, page: { first: 200 }) { nodes { unitId total grade } } }`,
      undefined,
      performance,
    );
    const key = await p.gql<{
      keyEvaluations: { nodes: { unitId: string; final: { total: number; grade: string } | null }[] };
    }>(
      `{ keyEvaluations(filter: { fiscalYear: ${YEAR} }, page: { first: 200 }) { nodes { unitId final { total grade } } } }`,
      undefined,
      performance,
    );
    const units = await p.gql<{ budgetUnits: { nodes: { id: string; sector: string }[] } }>(
      '{ budgetUnits(page: { first: 200 }) { nodes { id sector } } }',
      undefined,
      performance,
    );
    return {
      self: self.data!.selfEvaluations.nodes.filter((n) => n.total !== null),
      key: key.data!.keyEvaluations.nodes.flatMap((n) => (n.final ? [{ unitId: n.unitId, ...n.final }] : [])),
      sectorOf: new Map(units.data!.budgetUnits.nodes.map((u) => [u.id, u.sector])),
    };
  };

  it('groups the year’s scored self-evaluations and final key evaluations by the sector of their unit', async () => {
    const { self, key, sectorOf } = await lists();
    expect(self.length).toBeGreaterThan(0);
    expect(key.length).toBeGreaterThan(0);
    const answer = await figures();
    // the demo's units are of more than one sector, each one from the closed list
    expect(answer.length).toBeGreaterThan(1);
    expect(answer.map((s) => s.sector)).not.toContain('');
    expect(new Set(answer.map((s) => s.sector))).toEqual(
      new Set(expectedFigures(self, key, sectorOf).map((s) => s.sector)),
    );
    expect([...answer].sort((a, b) => a.sector.localeCompare(b.sector))).toEqual(
      expectedFigures(self, key, sectorOf).sort((a, b) => a.sector.localeCompare(b.sector)),
    );
    expect(answer.reduce((n, s) => n + s.selfEvaluation.count, 0)).toBe(self.length);
    expect(answer.reduce((n, s) => n + s.keyEvaluation.count, 0)).toBe(key.length);
  });

  it('follows a unit into its new sector, and shows a unit without one as 未分类, last', async () => {
    const { self } = await lists();
    const unitId = self[0]!.unitId;
    const ownCount = self.filter((r) => r.unitId === unitId).length;
    const change =
      'mutation($input: ChangeBudgetUnitSectorInput!) { changeBudgetUnitSector(input: $input) { sector sectorLabel } }';
    const moved = await p.gql(change, { input: { unitId, sector: '' } }, admin);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.changeBudgetUnitSector).toEqual({ sector: '', sectorLabel: '未分类' });
    const answer = await figures();
    expect(answer[answer.length - 1]).toMatchObject({ sector: '', sectorLabel: '未分类', unitCount: 1 });
    expect(answer[answer.length - 1]!.selfEvaluation.count).toBe(ownCount);
    const { key, sectorOf } = await lists();
    expect(answer).toEqual(expectedFigures(self, key, sectorOf).sort((a, b) => order(a.sector) - order(b.sector)));
  });

  it('counts for a budget unit its own evaluations only', async () => {
    const { self } = await lists();
    const unitId = self[0]!.unitId;
    const answer = await figures(as('BUDGET_UNIT', unitId, 'zhang.wei'));
    expect(answer.reduce((n, s) => n + s.selfEvaluation.count, 0)).toBe(self.filter((r) => r.unitId === unitId).length);
    expect(answer.every((s) => s.unitCount === 1)).toBe(true);
  });

  it('has no sectors for a year without scores, and refuses a year out of range', async () => {
    const empty = await p.gql(FIGURES, { year: 2031 }, performance);
    expect(empty.data).toEqual({ evaluationFigures: { fiscalYear: 2031, bySector: [] } });
    const wrong = await p.gql(FIGURES, { year: 20 }, performance);
    expect(wrong.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

const SECTORS = [
  '教育',
  '交通',
  '卫生健康',
  '农业农村',
  '水利',
  '民政',
  '人社',
  '住建',
  '生态环境',
  '文化旅游',
  '公安司法',
  '综合',
];
const order = (sector: string) => (sector === '' ? SECTORS.length : SECTORS.indexOf(sector));
