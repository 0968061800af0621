import { PROCUREMENT_METHOD_LABELS, PROCUREMENT_METHODS } from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const ProcurementMethod = registerCatalogEnum(PROCUREMENT_METHODS, {
  name: 'ProcurementMethod',
  description: { zh: '政府采购方式', en: 'How an agency was bought in' },
  labels: PROCUREMENT_METHOD_LABELS,
});
export type ProcurementMethod = CatalogEnumValue<typeof ProcurementMethod>;
