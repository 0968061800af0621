import {
  DISBURSEMENT_FACT_LABELS,
  DISBURSEMENT_FACTS,
  DISBURSEMENT_OUTCOME_LABELS,
  DISBURSEMENT_OUTCOMES,
  DISBURSEMENT_STATUS_LABELS,
  DISBURSEMENT_STATUSES,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const DisbursementStatus = registerCatalogEnum(DISBURSEMENT_STATUSES, {
  name: 'DisbursementStatus',
  description: { zh: '拨款申请状态', en: 'Status of a disbursement request' },
  labels: DISBURSEMENT_STATUS_LABELS,
});
export type DisbursementStatus = CatalogEnumValue<typeof DisbursementStatus>;

export const DisbursementOutcome = registerCatalogEnum(DISBURSEMENT_OUTCOMES, {
  name: 'DisbursementOutcome',
  description: { zh: '拨款审核结论', en: 'Outcome of the disbursement opinion' },
  labels: DISBURSEMENT_OUTCOME_LABELS,
});
export type DisbursementOutcome = CatalogEnumValue<typeof DisbursementOutcome>;

export const DisbursementFact = registerCatalogEnum(DISBURSEMENT_FACTS, {
  name: 'DisbursementFact',
  description: { zh: '审核意见表上可更正的事实', en: 'A fact of the opinion form the signer may correct' },
  labels: DISBURSEMENT_FACT_LABELS,
});
export type DisbursementFact = CatalogEnumValue<typeof DisbursementFact>;
