import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError } from '@jixiao/events';
import { TemplateRowSchema, type TemplateRow } from '@jixiao/projections';
import {
  containsPattern,
  execute,
  newRecordId,
  pageOf,
  PageInput,
  type RequestContext,
  type ServiceDeps,
} from '@jixiao/service-kit';
import type { IndicatorLevel1, IndicatorLevel2, IndicatorOperator } from '../goal/goal.enums';
import { templateDecider, templateStreamId } from './template.decider';
import type { CatalogueVersion, TemplateScope } from './template.enums';
import { AddIndicatorTemplateInput, TemplateSearch } from './template.input';
import { IndicatorTemplate, IndicatorTemplatePage } from './template.type';

/** How many goal indicators cite each template: the usage count goes up as goals use it. */
async function usageCounts(em: EntityManager, templateIds: string[]): Promise<Map<string, number>> {
  if (templateIds.length === 0) return new Map();
  const rows = (await em
    .getConnection()
    .execute(
      `select template_id, count(*) as n from rm_indicator where template_id in (${templateIds.map(() => '?').join(', ')}) group by template_id`,
      templateIds,
    )) as { template_id: string; n: number | string }[];
  return new Map(rows.map((r) => [r.template_id, Number(r.n)]));
}

function toTemplate(row: TemplateRow, usageCount: number): IndicatorTemplate {
  return {
    ...row,
    id: row.templateId,
    scope: row.scope as TemplateScope,
    level1: row.level1 as IndicatorLevel1,
    level2: row.level2 as IndicatorLevel2,
    operator: row.operator as IndicatorOperator,
    catalogueVersion: row.catalogueVersion as CatalogueVersion,
    usageCount,
  };
}

/** 指标库: add templates, search them. */
@Resolver(() => IndicatorTemplate)
export class TemplateResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => IndicatorTemplatePage, {
    description: '检索指标库：按文字、类别、行业、共性/个性 (Search the indicator library)',
  })
  async indicatorTemplates(
    @Arg('search', () => TemplateSearch, { nullable: true, description: '检索条件 (search)' }) search?: TemplateSearch,
    @Arg('page', () => PageInput, { nullable: true, description: '分页参数 (pagination)' }) page?: PageInput,
  ): Promise<IndicatorTemplatePage> {
    const s = search ?? {};
    const where: FilterQuery<TemplateRow> = {
      ...(s.level1 ? { level1: s.level1 } : {}),
      ...(s.level2 ? { level2: s.level2 } : {}),
      ...(s.sector ? { sector: s.sector } : {}),
      ...(s.scope ? { scope: s.scope } : {}),
      ...(s.text
        ? { $or: [{ name: { $like: containsPattern(s.text) } }, { description: { $like: containsPattern(s.text) } }] }
        : {}),
    };
    const em = this.deps.em();
    const [rows, totalCount] = await em.findAndCount(TemplateRowSchema, where, {
      orderBy: { level1: 'asc', level2: 'asc', name: 'asc' },
      ...pageOf(page),
    });
    const counts = await usageCounts(
      em,
      rows.map((r) => r.templateId),
    );
    return { nodes: rows.map((r) => toTemplate(r, counts.get(r.templateId) ?? 0)), totalCount };
  }

  @Mutation(() => IndicatorTemplate, { description: '新增指标库指标 (Add a template to the library)' })
  async addIndicatorTemplate(
    @Arg('input', { description: '命令参数 (command input)' }) input: AddIndicatorTemplateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<IndicatorTemplate> {
    const { commandId, ...template } = input;
    const templateId = newRecordId(commandId);
    await execute(
      this.deps,
      ctx,
      templateStreamId(templateId),
      templateDecider,
      { type: 'AddIndicatorTemplate', templateId, ...template },
      { commandId },
    );
    const em = this.deps.em();
    const row = await em.findOne(TemplateRowSchema, { templateId });
    if (!row) {
      throw new NotFoundError({
        zh: `指标库中没有模板 ${templateId}`,
        en: `The library has no template ${templateId}`,
      });
    }
    return toTemplate(row, (await usageCounts(em, [templateId])).get(templateId) ?? 0);
  }
}
