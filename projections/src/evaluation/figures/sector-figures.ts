import { GRADES, UNIT_SECTORS } from '@jixiao/events';

/** A scored evaluation as the figures read it: whose, its total and grade. */
export interface ScoredEvaluation {
  unitId: string;
  total: number;
  grade: string;
}

/** How many evaluations of one kind were scored, their average score and how many reached each grade. */
export interface ScoreFigures {
  count: number;
  /** Mean of the totals to 2 decimals (half away from zero); null when none was scored. */
  averageScore: number | null;
  /** One entry per grade, EXCELLENT … POOR, zeros included. */
  grades: { grade: string; count: number }[];
}

/** The figures of one sector (行业/领域) of one year. */
export interface SectorFigures {
  /** One of UNIT_SECTORS, or '' for units without a sector (未分类). */
  sector: string;
  /** Units of the sector with at least one scored evaluation. */
  unitCount: number;
  selfEvaluation: ScoreFigures;
  keyEvaluation: ScoreFigures;
}

/**
 * Mean to 2 decimals, half up. Totals come in hundredths (the scoring's, never negative): they are
 * summed as whole hundredths, so 0.1 + 0.2 style float sums do not shift the rounding.
 */
export function averageOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const hundredths = values.reduce((sum, v) => sum + Math.round(v * 100), 0);
  return Math.round(hundredths / values.length) / 100;
}

function scoreFigures(evaluations: readonly ScoredEvaluation[]): ScoreFigures {
  return {
    count: evaluations.length,
    averageScore: averageOf(evaluations.map((e) => e.total)),
    grades: GRADES.map((grade) => ({ grade, count: evaluations.filter((e) => e.grade === grade).length })),
  };
}

const sectorRank = (sector: string): number => {
  const i = (UNIT_SECTORS as readonly string[]).indexOf(sector);
  return i === -1 ? UNIT_SECTORS.length : i;
};

/**
 * 分行业评价统计: a year's scored self-evaluations and key evaluations grouped by the sector of their
 * unit — per sector the grade distribution and average score of each kind. Sectors come in the
 * order of UNIT_SECTORS, 未分类 ('') last (a unit the directory does not know counts there too);
 * a sector appears only when it has a scored evaluation. Pure: the resolver reads the rows.
 */
export function sectorFigures(
  selfEvaluations: readonly ScoredEvaluation[],
  keyEvaluations: readonly ScoredEvaluation[],
  sectorOfUnit: ReadonlyMap<string, string>,
): SectorFigures[] {
  const groups = new Map<string, { units: Set<string>; self: ScoredEvaluation[]; key: ScoredEvaluation[] }>();
  const groupOf = (unitId: string) => {
    const sector = sectorOfUnit.get(unitId) ?? '';
    let group = groups.get(sector);
    if (!group) groups.set(sector, (group = { units: new Set(), self: [], key: [] }));
    group.units.add(unitId);
    return group;
  };
  for (const e of selfEvaluations) groupOf(e.unitId).self.push(e);
  for (const e of keyEvaluations) groupOf(e.unitId).key.push(e);
  return [...groups.entries()]
    .sort(([a], [b]) => sectorRank(a) - sectorRank(b))
    .map(([sector, group]) => ({
      sector,
      unitCount: group.units.size,
      selfEvaluation: scoreFigures(group.self),
      keyEvaluation: scoreFigures(group.key),
    }));
}
