import { BUILTIN_PROFILES } from '@jixiao/events';
import {
  COMMON_INDICATORS,
  SECTORS,
  type Actor,
  type IndicatorSpec,
  type Rng,
  type Scale,
  type Streams,
} from '@jixiao/generator';
import { templateDecider, templateStreamId } from '../library/template.decider';
import { ruleProfileDecider, ruleProfileStreamId } from '../rule-profile/rule-profile.decider';

export interface Template extends IndicatorSpec {
  templateId: string;
  sector: string;
}

/** The performance section's officer who publishes the rules and keeps the library. */
export const PERFORMANCE_SECTION: Actor = { actorId: 'li.na', role: 'PERFORMANCE_SECTION', unitId: null };

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
