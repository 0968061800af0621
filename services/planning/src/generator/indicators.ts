import type { Rng } from '@jixiao/generator';
import type { Indicator } from '../goal/goal.events';
import type { Template } from './city';

/** A target that looks written by a person: whole percents, round counts, one decimal below 10. */
export function niceTarget(rng: Rng, min: number, max: number): number {
  const raw = min + rng.next() * (max - min);
  if (max - min >= 1000) return Math.round(raw / 100) * 100;
  if (max - min >= 100) return Math.round(raw / 10) * 10;
  if (max <= 10) return Math.round(raw * 10) / 10;
  return Math.round(raw);
}

/** A target scaled by `factor`, kept whole when it was whole (12 所 stays a count of schools), a rate at most 100 %. */
export function scaledTarget(value: number, factor: number, unit: string): number {
  const scaled = Number.isInteger(value)
    ? Math.max(1, Math.round(value * factor))
    : Math.round(value * factor * 10) / 10;
  return unit === '%' ? Math.min(100, scaled) : scaled;
}

/** Points by indicator count; they add up to 100 as the review expects. */
const POINTS: Record<number, number[]> = {
  3: [40, 40, 20],
  4: [30, 20, 30, 20],
  5: [25, 15, 30, 15, 15],
};
const BASES = ['PLAN', 'PLAN', 'INDUSTRY', 'HISTORICAL', 'OTHER'] as const;

function toIndicator(rng: Rng, t: Template, points: number, core: boolean, fromLibrary: boolean): Indicator {
  const qualitative = t.operator === 'QUALITATIVE';
  return {
    indicatorId: rng.uuid(),
    level1: t.level1,
    level2: t.level2 as Indicator['level2'],
    name: t.name,
    operator: t.operator,
    targetValue: qualitative ? null : niceTarget(rng, t.min, t.max),
    targetText: qualitative ? t.text! : null,
    unit: t.unit,
    points,
    basis: rng.pick(BASES),
    core,
    templateId: fromLibrary ? t.templateId : null,
  };
}

/**
 * 3–5 indicators for a goal of the sector: an output and a benefit of its own field first,
 * then satisfaction, then common quality/timeliness or cost ones; most cite the library.
 */
export function goalIndicators(rng: Rng, library: readonly Template[], sector: string, count: number): Indicator[] {
  const own = library.filter((t) => t.sector === sector);
  const common = library.filter((t) => t.sector === '');
  const outputs = own.filter((t) => t.level1 === 'OUTPUT');
  const benefits = own.filter((t) => t.level1 === 'BENEFIT');
  const extras = common.filter((t) => t.level1 === 'OUTPUT' || t.level1 === 'COST');
  const chosen = [
    rng.pick(outputs),
    rng.pick(benefits),
    rng.pick(common.filter((t) => t.level1 === 'SATISFACTION')),
    rng.pick(extras),
    rng.pick(outputs.length > 1 ? outputs : extras),
  ];
  const unique = [...new Map(chosen.map((t) => [t.templateId, t])).values()];
  while (unique.length < count) unique.push(rng.pick(extras.filter((t) => !unique.includes(t))));
  const points = POINTS[count]!;
  return unique.slice(0, count).map((t, i) => toIndicator(rng, t, points[i]!, i === 0, rng.chance(0.8)));
}

/** The goal's overall statement (总体目标) from its first output and benefit indicators. */
export function overallGoalText(year: number, projectName: string, indicators: readonly Indicator[]): string {
  const [output, benefit] = indicators;
  const target = (i: Indicator | undefined) =>
    !i
      ? ''
      : i.operator === 'QUALITATIVE'
        ? `${i.name}${i.targetText}`
        : `${i.name}${i.operator}${i.targetValue}${i.unit}`;
  return `${year}年实施${projectName}，${target(output)}，${target(benefit)}。`;
}
