import type { ValueLabels } from '../catalog/define';
import type { UNIT_LEVELS } from './units';

/** 预算单位级次. */
export const UNIT_LEVEL_LABELS: ValueLabels<(typeof UNIT_LEVELS)[number]> = {
  FIRST: { zh: '一级预算单位', en: 'first-level unit' },
  SECOND: { zh: '二级预算单位', en: 'second-level unit' },
};
