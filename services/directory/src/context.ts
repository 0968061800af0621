import { directoryEvents } from '@jixiao/events';
import { unitsProjection } from '@jixiao/projections';
import type { ContextModule } from '@jixiao/service-kit';
import { directoryGenerator } from './generator';
import { directorySubgraph } from './index';
import { directoryPolicy } from './policy';

/** 单位目录 — the directory: budget units and their tree (later: officials, agencies, experts). */
export const directoryContext: ContextModule = {
  name: 'directory',
  title: { zh: '单位目录', en: 'Directory' },
  events: directoryEvents,
  streamCategories: ['unit'],
  projections: [unitsProjection],
  subgraph: directorySubgraph,
  policy: directoryPolicy,
  generator: directoryGenerator,
  audited: [{ type: 'BudgetUnit', streamCategory: 'unit', label: { zh: '预算单位', en: 'Budget unit' } }],
};
