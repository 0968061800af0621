import type { PolicyRows } from '@jixiao/service-kit';

/**
 * 评价统计 — the year's figures by sector: the bureau, auditors and congress over every unit; a
 * department over its tree, a budget unit over its own (the self-evaluations' readers, with the
 * same scopes: the figures are counted from the rows the caller may read).
 */
export const figuresPolicy: PolicyRows = {
  'Query.evaluationFigures': {
    PERFORMANCE_SECTION: 'ALL',
    BUDGET_SECTION: 'ALL',
    AUDITOR: 'ALL',
    NPC: 'ALL',
    BUDGET_UNIT: 'OWN_UNIT',
    DEPARTMENT: 'SUBORDINATES',
  },
};
