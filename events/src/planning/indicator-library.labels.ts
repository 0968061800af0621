import type { ValueLabels } from '../catalog/define';
import type { TEMPLATE_SCOPES } from './indicator-library';

/** 指标类型. */
export const TEMPLATE_SCOPE_LABELS: ValueLabels<(typeof TEMPLATE_SCOPES)[number]> = {
  COMMON: { zh: '共性指标：中央或省级统一设置', en: 'common: set centrally or by the province' },
  INDIVIDUAL: { zh: '个性指标：按行业或项目类型设置', en: 'individual: for a sector or project type' },
};
