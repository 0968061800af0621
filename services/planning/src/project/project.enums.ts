import {
  GATE_CONDITION_LABELS,
  GATE_CONDITIONS,
  LIBRARY_STATUS_LABELS,
  LIBRARY_STATUSES,
  PROJECT_CATEGORIES,
  PROJECT_CATEGORY_LABELS,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const ProjectCategory = registerCatalogEnum(PROJECT_CATEGORIES, {
  name: 'ProjectCategory',
  description: { zh: '项目类别', en: 'Project category' },
  labels: PROJECT_CATEGORY_LABELS,
});
export type ProjectCategory = CatalogEnumValue<typeof ProjectCategory>;

export const LibraryStatus = registerCatalogEnum(LIBRARY_STATUSES, {
  name: 'LibraryStatus',
  description: { zh: '项目库状态', en: 'Project library status' },
  labels: LIBRARY_STATUS_LABELS,
});
export type LibraryStatus = CatalogEnumValue<typeof LibraryStatus>;

export const GateCondition = registerCatalogEnum(GATE_CONDITIONS, {
  name: 'GateCondition',
  description: { zh: '入库条件', en: 'A condition of the project-library gate' },
  labels: GATE_CONDITION_LABELS,
});
export type GateCondition = CatalogEnumValue<typeof GateCondition>;
