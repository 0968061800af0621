import { z } from 'zod';
import { defineEvent } from '../catalog/define';
import { LEVEL1, LEVEL2, OPERATORS, type Level1 } from './goal';
import { INDICATOR_CATALOGUE_VERSIONS } from './rule-profile';

/** COMMON: set centrally or by the province (共性); INDIVIDUAL: for one sector or project type (个性). */
export const TEMPLATE_SCOPES = ['COMMON', 'INDIVIDUAL'] as const;

export const IndicatorTemplateAdded = defineEvent({
  type: 'IndicatorTemplateAdded',
  context: 'planning',
  description: '指标库已新增指标 — an indicator template was added to the library',
  schemaVersion: 1,
  schema: z.object({
    templateId: z.string().min(1),
    scope: z.enum(TEMPLATE_SCOPES),
    /** Sector (行业/领域), e.g. 教育, 交通; empty for common indicators. */
    sector: z.string().max(50),
    level1: z.enum(LEVEL1 as [Level1, ...Level1[]]),
    level2: z.enum(LEVEL2),
    name: z.string().min(1).max(200),
    operator: z.enum(OPERATORS),
    unit: z.string().max(20),
    /** How targets are usually set, e.g. 「≥95」 or 「明显改善」. */
    targetHint: z.string().max(200),
    description: z.string().max(2000),
    catalogueVersion: z.enum(INDICATOR_CATALOGUE_VERSIONS),
  }),
});

export const indicatorLibraryEvents = [IndicatorTemplateAdded] as const;
