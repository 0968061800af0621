import {
  IllegalStateError,
  INDICATOR_CATEGORIES,
  invalid,
  type Decider,
  type EventOf,
  type FieldIssue,
  type IndicatorTemplateAdded as IndicatorTemplateAddedDef,
  issueIf,
  isBlank,
} from '@jixiao/events';
import { CATALOGUE_LEVEL1, LEVEL1_LABELS } from '../goal/goal.rules';

export type IndicatorTemplateAdded = EventOf<typeof IndicatorTemplateAddedDef>;
type Template = IndicatorTemplateAdded['data'];

/** 新增指标库指标. */
export interface AddIndicatorTemplate extends Template {
  type: 'AddIndicatorTemplate';
}

export interface TemplateState {
  template: Template | null;
}

/** `indicatortemplate-<id>`. */
export const templateStreamId = (id: string): string => `indicatortemplate-${id}`;

function templateIssues(t: Template): FieldIssue[] {
  const allowed: readonly string[] = INDICATOR_CATEGORIES[t.level1];
  return [
    ...issueIf(isBlank(t.name), 'name', '指标名称不能为空', 'The name is empty'),
    ...issueIf(
      !allowed.includes(t.level2),
      'level2',
      `二级指标「${t.level2}」不属于一级指标「${LEVEL1_LABELS[t.level1]}」`,
      `Level-2 category ${t.level2} does not belong to ${t.level1}`,
    ),
    ...issueIf(
      !CATALOGUE_LEVEL1[t.catalogueVersion].includes(t.level1),
      'level1',
      `${t.catalogueVersion} 版指标目录没有「${LEVEL1_LABELS[t.level1]}」一级指标`,
      `The ${t.catalogueVersion} catalogue has no ${t.level1} category`,
    ),
    ...issueIf(
      t.scope === 'INDIVIDUAL' && isBlank(t.sector),
      'sector',
      '个性指标须注明所属行业或领域',
      'An INDIVIDUAL indicator needs its sector',
    ),
    ...issueIf(
      t.operator !== 'QUALITATIVE' && isBlank(t.unit),
      'unit',
      '定量指标须填写计量单位',
      'A numeric indicator needs a unit',
    ),
  ];
}

/** An indicator template of the library (stream category `indicatortemplate`). */
export const templateDecider: Decider<AddIndicatorTemplate, IndicatorTemplateAdded, TemplateState> = {
  initialState: () => ({ template: null }),
  evolve: (_state, event) => ({ template: event.data }),
  decide(command, state) {
    if (state.template) {
      throw new IllegalStateError({ zh: '该指标已在指标库中', en: 'This template is already in the library' });
    }
    const { type: _t, ...template } = command;
    const issues = templateIssues(template);
    if (issues.length > 0) throw invalid(issues);
    return [{ type: 'IndicatorTemplateAdded', data: template }];
  },
};
