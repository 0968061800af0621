import { BUREAUS, personId, type CityYear, type GeneratorSteps, type Actor, type Unit } from '@jixiao/generator';
import { unitDecider, unitStreamId } from './unit/unit.decider';

/** The finance bureau's administrator, who registers the units. */
const ADMIN: Actor = { actorId: 'chen.jing', role: 'ADMIN', unitId: null };

const GENERIC_CHILDREN = ['事务服务中心', '综合执法大队', '信息中心', '后勤服务中心', '培训中心', '监测站'];

/** Second-level unit names for a bureau: its own list, then generic centres if the scale asks for more. */
function childNames(bureauName: string, count: number, own: readonly string[]): string[] {
  const stem = bureauName.replace(/^天门市/, '').replace(/(局|委员会|人民政府|办事处|联合会|中心|馆)$/, '');
  const generic = GENERIC_CHILDREN.map((suffix) => `天门市${stem}${suffix}`);
  const names = [...own, ...generic];
  return Array.from({ length: count }, (_, i) => names[i] ?? `天门市${stem}第${i + 1}服务中心`);
}

/** How many second-level units each bureau gets: by the size of its own list, spread over the scale. */
function childCounts(year: CityYear): number[] {
  const bureaus = BUREAUS.slice(0, year.scale.bureaus);
  const wanted = year.scale.units - bureaus.length;
  const weights = bureaus.map((b) => b.children.length + 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const counts = weights.map((w) => Math.floor((w / total) * wanted));
  for (let i = 0; counts.reduce((a, c) => a + c, 0) < wanted; i = (i + 1) % counts.length) counts[i]!++;
  return counts;
}

/** 登记预算单位: the bureaus, then the units under each, through the directory's decider. */
export function registerUnits(year: CityYear): Unit[] {
  const { scale, rng, streams } = year;
  const units: Unit[] = [];
  const counts = childCounts(year);
  let people = 0;
  const register = (name: string, code: string, sector: string, parent: Unit | null): Unit => {
    const unitId = rng.uuid();
    const officer = { actorId: personId(people++), role: 'BUDGET_UNIT', unitId };
    streams.run(
      unitDecider,
      unitStreamId(unitId),
      {
        type: 'RegisterBudgetUnit',
        unitId,
        code,
        name,
        level: parent ? 'SECOND' : 'FIRST',
        parentId: parent?.unitId ?? null,
        divisionCode: scale.divisionCode,
        // a second-level unit works in its bureau's sector (天门中学 in 教育, 天门市中医医院 in 卫生健康);
        // the first bureau's first unit came over from the old register unclassified (未分类), sorted after the year
        sector: units.length === 1 ? '' : sector,
        codeInUseBy: null,
        parentLevel: parent ? 'FIRST' : null,
      },
      ADMIN,
    );
    const unit = { unitId, code, name, sector, parent, officer };
    units.push(unit);
    return unit;
  };
  BUREAUS.slice(0, scale.bureaus).forEach((bureau, i) => {
    const prefix = String(101 + i);
    const head = register(bureau.name, `${prefix}001`, bureau.sector, null);
    childNames(bureau.name, counts[i]!, bureau.children).forEach((name, j) =>
      register(name, `${prefix}${String(j + 2).padStart(3, '0')}`, bureau.sector, head),
    );
  });
  return units;
}

/** The directory's part of the city's year: the units, registered before anything else. */
export const directoryGenerator = (): GeneratorSteps => ({
  setup(year) {
    year.units.push(...registerUnits(year));
  },
  // the unit registered unclassified gets its bureau's sector once the year's work is done
  after(year) {
    const unit = year.units[1];
    if (!unit) return;
    const command = { type: 'ChangeBudgetUnitSector' as const, unitId: unit.unitId, sector: unit.sector };
    year.streams.run(unitDecider, unitStreamId(unit.unitId), command, ADMIN);
  },
});
