import { accessEvents } from './access';
import { EventCatalog } from './define';
import { directoryEvents } from './directory';
import { planningEvents } from './planning';

export * from './access';
export * from './define';
export * from './directory';
export * from './planning';

/** The platform's catalog: every event type any context may append. */
export const catalog = new EventCatalog([...directoryEvents, ...planningEvents, ...accessEvents]);
