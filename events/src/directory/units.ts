import { z } from 'zod';
import { defineEvent } from '../catalog/define';
import { AssignmentGranted, AssignmentRevoked } from './assignments';

export const UNIT_LEVELS = ['FIRST', 'SECOND'] as const;

/**
 * 行业/领域 of a budget unit: a closed list, the same words the indicator library's individual
 * indicators carry as their `sector` (教育's units are offered 教育's indicators), so that figures
 * grouped by sector add up — free text would split one sector over spellings (卫健, 卫生健康, 卫生).
 * '' is a unit whose sector is not known (registered before units had one): shown as 未分类.
 */
export const UNIT_SECTORS = [
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
] as const;
export type UnitSector = (typeof UNIT_SECTORS)[number];

/** What users read for a unit without a sector (''). */
export const UNCLASSIFIED_SECTOR_LABEL = '未分类';

const sector = z.union([z.enum(UNIT_SECTORS), z.literal('')]);

export const BudgetUnitRegistered = defineEvent({
  type: 'BudgetUnitRegistered',
  context: 'directory',
  description: '预算单位已登记 — a budget unit was registered',
  schemaVersion: 2,
  schema: z.object({
    unitId: z.string().min(1),
    code: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    level: z.enum(UNIT_LEVELS),
    parentId: z.string().min(1).nullable(),
    divisionCode: z.string().regex(/^\d{6}$/),
    /** 行业/领域 (v2); '' = 未分类. */
    sector,
  }),
  // v1 → v2: units registered before sectors existed have none (未分类)
  upcasters: { 1: (data) => ({ ...(data as object), sector: '' }) },
});

export const BudgetUnitSectorChanged = defineEvent({
  type: 'BudgetUnitSectorChanged',
  context: 'directory',
  description: '预算单位行业已调整 — a budget unit was given another sector',
  schemaVersion: 1,
  schema: z.object({
    unitId: z.string().min(1),
    sector,
    previousSector: sector,
  }),
});

export const directoryEvents = [
  BudgetUnitRegistered,
  BudgetUnitSectorChanged,
  AssignmentGranted,
  AssignmentRevoked,
] as const;
