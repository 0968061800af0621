import { z } from 'zod';
import { defineEvent } from '../catalog/define';
import { AssignmentGranted, AssignmentRevoked } from './assignments';

export const UNIT_LEVELS = ['FIRST', 'SECOND'] as const;

export const BudgetUnitRegistered = defineEvent({
  type: 'BudgetUnitRegistered',
  context: 'directory',
  description: '预算单位已登记 — a budget unit was registered',
  schemaVersion: 1,
  schema: z.object({
    unitId: z.string().min(1),
    code: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    level: z.enum(UNIT_LEVELS),
    parentId: z.string().min(1).nullable(),
    divisionCode: z.string().regex(/^\d{6}$/),
  }),
});

export const directoryEvents = [BudgetUnitRegistered, AssignmentGranted, AssignmentRevoked] as const;
