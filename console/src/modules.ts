import type { RouteObject } from 'react-router-dom';
import { auditModule } from './audit';
import { directoryModule } from './directory';
import { evaluationModule } from './evaluation';
import { executionModule } from './execution';
import { homeModule } from './home';
import { planningModule, planningPublicRoutes } from './planning';
import type { ConsoleModule } from './shell/modules';

/** The console's parts, in menu order: each context's folder adds one (`src/<context>/index.tsx`). */
export const CONSOLE_MODULES: ConsoleModule[] = [
  homeModule,
  directoryModule,
  planningModule,
  executionModule,
  evaluationModule,
  auditModule,
];

/** Pages anyone may read without signing in (公开). */
export const PUBLIC_ROUTES: RouteObject[] = [...planningPublicRoutes];
