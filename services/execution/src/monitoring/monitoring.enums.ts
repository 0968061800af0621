import {
  CORRECTION_KIND_LABELS,
  CORRECTION_KINDS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  WARNING_KIND_LABELS,
  WARNING_KINDS,
  WARNING_SEVERITIES,
  WARNING_SEVERITY_LABELS,
} from '@jixiao/events';
import { registerCatalogEnum, type CatalogEnumValue } from '@jixiao/service-kit';

export const MonitoringWarningKind = registerCatalogEnum(WARNING_KINDS, {
  name: 'MonitoringWarningKind',
  description: { zh: '监控预警类型', en: 'What raised a monitoring warning' },
  labels: WARNING_KIND_LABELS,
});
export type MonitoringWarningKind = CatalogEnumValue<typeof MonitoringWarningKind>;

export const MonitoringWarningSeverity = registerCatalogEnum(WARNING_SEVERITIES, {
  name: 'MonitoringWarningSeverity',
  description: { zh: '预警程度', en: 'How serious a monitoring warning is' },
  labels: WARNING_SEVERITY_LABELS,
});
export type MonitoringWarningSeverity = CatalogEnumValue<typeof MonitoringWarningSeverity>;

export const MonitoringCorrectionKind = registerCatalogEnum(CORRECTION_KINDS, {
  name: 'MonitoringCorrectionKind',
  description: { zh: '纠偏措施', en: 'A correction decided on a warning' },
  labels: CORRECTION_KIND_LABELS,
});
export type MonitoringCorrectionKind = CatalogEnumValue<typeof MonitoringCorrectionKind>;

export const CompletionLikelihood = registerCatalogEnum(LIKELIHOODS, {
  name: 'CompletionLikelihood',
  description: { zh: '指标完成可能性', en: 'How likely an indicator is to be met in the full year' },
  labels: LIKELIHOOD_LABELS,
});
export type CompletionLikelihood = CatalogEnumValue<typeof CompletionLikelihood>;
