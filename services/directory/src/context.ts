import { directoryEvents } from '@jixiao/events';
import { assignmentsProjection, unitsProjection } from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { directoryGenerator } from './generator';
import { directorySubgraph } from './index';
import { directoryPolicy } from './policy';

/** 单位目录 — the directory: budget units and their tree, who is assigned to what (later: officials, agencies, experts). */
export const directoryContext: ContextModule = {
  name: 'directory',
  title: { zh: '单位目录', en: 'Directory' },
  events: directoryEvents,
  streamCategories: ['unit', 'assignment'],
  projections: [unitsProjection, assignmentsProjection],
  subgraph: directorySubgraph,
  policy: directoryPolicy,
  generator: directoryGenerator,
  audited: [{ type: 'BudgetUnit', streamCategory: 'unit', label: { zh: '预算单位', en: 'Budget unit' } }],
};
