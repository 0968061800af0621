import {
  INDICATOR_CATALOGUE_VERSION_LABELS,
  INDICATOR_CATALOGUE_VERSIONS,
  TEMPLATE_SCOPE_LABELS,
  TEMPLATE_SCOPES,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const TemplateScope = registerCatalogEnum(TEMPLATE_SCOPES, {
  name: 'TemplateScope',
  description: { zh: '指标类型', en: 'Template scope' },
  labels: TEMPLATE_SCOPE_LABELS,
});
export type TemplateScope = CatalogEnumValue<typeof TemplateScope>;

/** Catalogue versions are years; a GraphQL enum value cannot start with a digit: `CatalogueVersion.V2021 === '2021'`. */
export const CatalogueVersion = registerCatalogEnum(INDICATOR_CATALOGUE_VERSIONS, {
  name: 'CatalogueVersion',
  description: { zh: '指标目录版本', en: 'Indicator catalogue version' },
  labels: INDICATOR_CATALOGUE_VERSION_LABELS,
  names: { '2020': 'V2020', '2021': 'V2021' },
});
export type CatalogueVersion = CatalogEnumValue<typeof CatalogueVersion>;
