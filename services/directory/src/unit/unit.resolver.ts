import type { EntityManager } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotFoundError, UNCLASSIFIED_SECTOR_LABEL } from '@jixiao/events';
import { UnitRowSchema, type UnitRow } from '@jixiao/projections';
import {
  ensureInScope,
  execute,
  newRecordId,
  pageOf,
  PageInput,
  RowScope,
  unitWhere,
  type RequestContext,
  type ServiceDeps,
  type UnitScope,
  NO_ROWS,
} from '@jixiao/service-kit';
import { unitDecider, unitStreamId } from './unit.decider';
import {
  BudgetUnit,
  BudgetUnitPage,
  ChangeBudgetUnitSectorInput,
  RegisterBudgetUnitInput,
  UnitLevel,
} from './unit.type';

const toUnit = (row: UnitRow): BudgetUnit => ({
  id: row.unitId,
  code: row.code,
  name: row.name,
  level: row.level as UnitLevel,
  parentId: row.parentId,
  divisionCode: row.divisionCode,
  sector: row.sector,
  sectorLabel: row.sector || UNCLASSIFIED_SECTOR_LABEL,
  registeredAt: new Date(row.registeredAt).toISOString(),
});

const unitNotFound = (unitId: string) =>
  new NotFoundError({ zh: `预算单位 ${unitId} 不存在`, en: `Budget unit ${unitId} does not exist` });

/** The unit, or NOT_FOUND — also when it lies outside the caller's scope. */
export async function findUnit(
  em: EntityManager,
  unitId: string,
  scope: UnitScope = { all: true },
): Promise<BudgetUnit> {
  const row = await em.findOne(UnitRowSchema, { unitId });
  if (!row) throw unitNotFound(unitId);
  ensureInScope(scope, row.unitId, () => unitNotFound(unitId));
  return toUnit(row);
}

@Resolver(() => BudgetUnit)
export class UnitResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => BudgetUnit, { description: '按标识查询预算单位 (A budget unit by id)' })
  budgetUnit(
    @Arg('id', () => ID, { description: '标识 (id)' }) id: string,
    @RowScope() scope: UnitScope,
  ): Promise<BudgetUnit> {
    return findUnit(this.deps.em(), id, scope);
  }

  @Query(() => BudgetUnitPage, { description: '预算单位列表 (Budget units, by code)' })
  async budgetUnits(
    @Arg('level', () => UnitLevel, { nullable: true, description: '单位级次 (unit level)' }) level?: UnitLevel,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
    @RowScope() scope: UnitScope = NO_ROWS,
  ): Promise<BudgetUnitPage> {
    const where = { ...(level ? { level } : {}), ...unitWhere(scope) };
    const [rows, totalCount] = await this.deps
      .em()
      .findAndCount(UnitRowSchema, where, { orderBy: { code: 'asc' }, ...pageOf(page) });
    return { nodes: rows.map(toUnit), totalCount };
  }

  @FieldResolver(() => BudgetUnit, { nullable: true, description: '上级单位 (parent unit)' })
  parent(@Root() unit: BudgetUnit): Promise<BudgetUnit> | null {
    return unit.parentId ? findUnit(this.deps.em(), unit.parentId) : null;
  }

  @Mutation(() => BudgetUnit, { description: '登记预算单位 (Register a budget unit)' })
  async registerBudgetUnit(
    @Arg('input', { description: '命令参数 (command input)' }) input: RegisterBudgetUnitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetUnit> {
    const em = this.deps.em();
    const parent = input.parentId ? await findUnit(em, input.parentId) : null;
    const clash = await em.findOne(UnitRowSchema, { code: input.code.trim() });
    const { commandId, ...fields } = input;
    const unitId = newRecordId(commandId);
    await execute(
      this.deps,
      ctx,
      unitStreamId(unitId),
      unitDecider,
      {
        type: 'RegisterBudgetUnit',
        unitId,
        ...fields,
        parentId: fields.parentId ?? null,
        sector: fields.sector ?? '',
        codeInUseBy: clash?.name ?? null,
        parentLevel: parent?.level ?? null,
      },
      { commandId },
    );
    return findUnit(this.deps.em(), unitId);
  }

  @Mutation(() => BudgetUnit, { description: '调整预算单位行业 (Give a budget unit its sector, or another one)' })
  async changeBudgetUnitSector(
    @Arg('input', { description: '命令参数 (command input)' }) input: ChangeBudgetUnitSectorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetUnit> {
    const { commandId, unitId, sector } = input;
    await execute(
      this.deps,
      ctx,
      unitStreamId(unitId),
      unitDecider,
      { type: 'ChangeBudgetUnitSector', unitId, sector },
      { commandId },
    );
    return findUnit(this.deps.em(), unitId);
  }
}

/**
 * Federation: the planning subgraph references BudgetUnit by id. A page of goals names up to 200
 * units in one request: the references of a request that arrive together are read in one query
 * (one query each took 1.8 s of a 200-goal page at load 30), each still NOT_FOUND on its own.
 */
export function unitReference(deps: ServiceDeps) {
  const pending = new WeakMap<object, { ids: Set<string>; rows: Promise<Map<string, UnitRow>> }>();
  const load = (unitId: string, context: object): Promise<Map<string, UnitRow>> => {
    let batch = pending.get(context);
    if (!batch) {
      const ids = new Set<string>();
      // the gateway's representations are resolved in one pass: collect them until it is over
      const rows = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        pending.delete(context);
        const found = await deps.em().find(UnitRowSchema, { unitId: { $in: [...ids] } });
        return new Map(found.map((row) => [row.unitId, row]));
      });
      batch = { ids, rows };
      pending.set(context, batch);
    }
    batch.ids.add(unitId);
    return batch.rows;
  };
  return {
    BudgetUnit: {
      __resolveReference: async (ref: { id: string }, context?: object) => {
        const row = (await load(ref.id, context ?? {})).get(ref.id);
        if (!row) throw unitNotFound(ref.id);
        return toUnit(row);
      },
    },
  };
}
