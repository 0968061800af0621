import { UNCLASSIFIED_SECTOR_LABEL } from '@jixiao/events';
import {
  KeyEvaluationRowSchema,
  SelfEvaluationRowSchema,
  sectorFigures,
  UnitRowSchema,
  type ScoredEvaluation,
} from '@jixiao/projections';
import { NO_ROWS, requireFiscalYear, RowScope, unitWhere, type ServiceDeps, type UnitScope } from '@jixiao/service-kit';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { EvaluationFigures } from './figures.type';

const scored = (rows: { unitId: string; total: number | null; grade: string | null }[]): ScoredEvaluation[] =>
  rows.flatMap((r) =>
    r.total === null || r.grade === null ? [] : [{ unitId: r.unitId, total: r.total, grade: r.grade }],
  );

@Resolver()
export class EvaluationFiguresResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => EvaluationFigures, {
    description:
      '年度评价统计：按行业的单位自评与重点评价等级分布、平均分，限于调用者可见的单位 (A year’s evaluation figures by sector: grades and average scores of self-evaluations and key evaluations, over the units the caller may read)',
  })
  async evaluationFigures(
    @Arg('fiscalYear', () => Int, { description: '年度 (fiscal year)' }) fiscalYear: number,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<EvaluationFigures> {
    requireFiscalYear(fiscalYear);
    const em = this.deps.em();
    const where = { fiscalYear, total: { $ne: null }, ...unitWhere(scope) };
    const fields = ['unitId', 'total', 'grade'] as const;
    const selfRows = await em.find(SelfEvaluationRowSchema, where, { fields: [...fields] });
    const keyRows = await em.find(KeyEvaluationRowSchema, where, { fields: [...fields] });
    const unitIds = [...new Set([...selfRows, ...keyRows].map((r) => r.unitId))];
    const units =
      unitIds.length === 0
        ? []
        : await em.find(UnitRowSchema, { unitId: { $in: unitIds } }, { fields: ['unitId', 'sector'] });
    const figures = sectorFigures(scored(selfRows), scored(keyRows), new Map(units.map((u) => [u.unitId, u.sector])));
    return {
      fiscalYear,
      bySector: figures.map((f) => ({ ...f, sectorLabel: f.sector || UNCLASSIFIED_SECTOR_LABEL })),
    };
  }
}
