import { EventCatalog, planningEvents, given, IllegalStateError, ValidationError } from '@jixiao/events';
import { templateDecider, type AddIndicatorTemplate } from './template.decider';

const catalog = new EventCatalog(planningEvents);

const add: AddIndicatorTemplate = {
  type: 'AddIndicatorTemplate',
  templateId: 't1',
  scope: 'INDIVIDUAL',
  sector: '交通',
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  name: '新改建农村公路里程',
  operator: '>=',
  unit: '公里',
  targetHint: '按年度计划',
  description: '年度内完成新建和改建的农村公路里程',
  catalogueVersion: '2021',
};

describe('indicator library template', () => {
  it('is added once and fits the catalog', () => {
    const [event] = given(templateDecider, [])
      .when(add)
      .then([expect.objectContaining({ type: 'IndicatorTemplateAdded' })]);
    expect(() => catalog.validate(event!)).not.toThrow();
    given(templateDecider, [event!]).when(add).thenThrows(IllegalStateError);
  });

  it.each([
    ['sector', { sector: '' }],
    ['level2', { level2: 'SOCIAL' }],
    ['level1', { level1: 'COST' as const, level2: 'ECONOMIC_COST', catalogueVersion: '2020' as const }],
    ['unit', { unit: '' }],
  ])('refuses a template with a wrong %s', (path, change) => {
    const error = given(templateDecider, [])
      .when({ ...add, ...change })
      .thenThrows(ValidationError);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });
});
