import { unitDecider, unitStreamId } from '@jixiao/directory';
import { BUILTIN_PROFILES } from '@jixiao/events';
import { ruleProfileDecider, ruleProfileStreamId, templateDecider, templateStreamId } from '@jixiao/planning';
import { BUREAUS, personId } from './data/bureaus';
import { COMMON_INDICATORS, type IndicatorSpec } from './data/indicators';
import { SECTORS } from './data/sectors';
import type { Rng } from './prng';
import type { Scale } from './scales';
import type { Actor, Streams } from './streams';

export interface Unit {
  unitId: string;
  code: string;
  name: string;
  sector: string;
  parent: Unit | null;
  officer: Actor;
}

export interface Template extends IndicatorSpec {
  templateId: string;
  sector: string;
}

/** The finance bureau's people who register units, publish rules and keep the library. */
export const ADMIN: Actor = { actorId: 'chen.jing', role: 'ADMIN', unitId: null };
export const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };

const GENERIC_CHILDREN = ['事务服务中心', '综合执法大队', '信息中心', '后勤服务中心', '培训中心', '监测站'];

/** Second-level unit names for a bureau: its own list, then generic centres if the scale asks for more. */
function childNames(bureauName: string, count: number, own: readonly string[]): string[] {
  const stem = bureauName.replace(/^天门市/, '').replace(/(局|委员会|人民政府|办事处|联合会|中心|馆)$/, '');
  const generic = GENERIC_CHILDREN.map((suffix) => `天门市${stem}${suffix}`);
  const names = [...own, ...generic];
  return Array.from({ length: count }, (_, i) => names[i] ?? `天门市${stem}第${i + 1}服务中心`);
}

/** How many second-level units each bureau gets: by the size of its own list, spread over the scale. */
function childCounts(scale: Scale): number[] {
  const bureaus = BUREAUS.slice(0, scale.bureaus);
  const wanted = scale.units - bureaus.length;
  const weights = bureaus.map((b) => b.children.length + 1);
  const total = weights.reduce((a, w) => a + w, 0);
  const counts = weights.map((w) => Math.floor((w / total) * wanted));
  for (let i = 0; counts.reduce((a, c) => a + c, 0) < wanted; i = (i + 1) % counts.length) counts[i]!++;
  return counts;
}

/** 登记预算单位: the bureaus, then the units under each, through the directory's decider. */
export function registerUnits(scale: Scale, rng: Rng, streams: Streams): Unit[] {
  const units: Unit[] = [];
  const counts = childCounts(scale);
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

/** 发布规则配置: the city's own profile for the year, based on Hubei's (pass mark 85, the Tianmen rule). */
export function publishCityProfile(scale: Scale, streams: Streams) {
  const hubei = BUILTIN_PROFILES.find((p) => p.ref.profileId === 'builtin-hubei')!;
  streams.run(
    ruleProfileDecider,
    ruleProfileStreamId(scale.divisionCode, scale.fiscalYear),
    {
      type: 'PublishRuleProfile',
      divisionCode: scale.divisionCode,
      fiscalYear: scale.fiscalYear,
      name: `天门市${scale.fiscalYear}年度预算绩效管理规则`,
      basedOn: hubei.ref,
      rules: hubei.rules,
      reason: '依据《天门市预算绩效管理办法》，事前绩效评估 85 分为通过线',
    },
    PERFORMANCE_SECTION,
  );
  const ref = { profileId: `${scale.divisionCode}-${scale.fiscalYear}`, version: 1 };
  return { ref, rules: hubei.rules };
}

/** 指标库: the common indicators and each sector's individual ones, through the template decider. */
export function buildLibrary(rng: Rng, streams: Streams): Template[] {
  const specs = [
    ...COMMON_INDICATORS.map((s) => ({ ...s, sector: '' })),
    ...SECTORS.flatMap((sector) => sector.indicators.map((s) => ({ ...s, sector: sector.key }))),
  ];
  return specs.map((spec) => {
    const templateId = rng.uuid();
    const hint = spec.operator === 'QUALITATIVE' ? spec.text! : `${spec.operator}${spec.min}${spec.unit}`;
    streams.run(
      templateDecider,
      templateStreamId(templateId),
      {
        type: 'AddIndicatorTemplate',
        templateId,
        scope: spec.sector ? 'INDIVIDUAL' : 'COMMON',
        sector: spec.sector,
        level1: spec.level1,
        level2: spec.level2 as never,
        name: spec.name,
        operator: spec.operator,
        unit: spec.unit,
        targetHint: hint,
        description: `${spec.sector || '共性'}指标：${spec.name}`,
        catalogueVersion: '2021',
      },
      PERFORMANCE_SECTION,
    );
    return { ...spec, templateId };
  });
}
