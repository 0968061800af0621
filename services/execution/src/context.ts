import { executionEvents } from '@jixiao/events';
import { contextFromParts, type ContextModule } from '@jixiao/service-kit';
import { disbursementPart } from './disbursement/disbursement.part';
import { monitoringPart } from './monitoring/monitoring.part';

/** 预算执行 — execution: disbursement review with the performance opinion (拨款审核) and dual monitoring with computed warnings (双监控); monitoring's year after disbursement's. */
export const executionContext: ContextModule = contextFromParts(
  {
    name: 'execution',
    title: { zh: '预算执行', en: 'Execution' },
    events: executionEvents,
    streamCategories: ['disbursement', 'monitoringround', 'monitoring'],
  },
  [disbursementPart, monitoringPart],
);
