import { ErrorCode, EventCatalog, planningEvents, given, IllegalStateError, ValidationError } from '@jixiao/events';
import { templateDecider, templateStreamId, type AddIndicatorTemplate } from './template.decider';

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
  it('lives in indicatortemplate-<id>', () => {
    expect(templateStreamId('t1')).toBe('indicatortemplate-t1');
  });

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

  /** The refusal's code and issue paths, as a client sees them. */
  const refusal = (command: AddIndicatorTemplate) => {
    const error = given(templateDecider, []).when(command).thenThrows(ValidationError);
    return { code: error.code, paths: error.issues.map((i) => i.path) };
  };
  const added = (command: AddIndicatorTemplate) => {
    const { type: _type, ...data } = command;
    return given(templateDecider, [])
      .when(command)
      .then([{ type: 'IndicatorTemplateAdded', data }]);
  };

  describe('when the template is already in the library', () => {
    it('refuses to add it again as ILLEGAL_STATE, whatever the new command says', () => {
      const [event] = added(add);
      const error = given(templateDecider, [event!])
        .when({ ...add, name: '另一个名称' })
        .thenThrows(IllegalStateError, /已在指标库中/);
      expect(error.code).toBe(ErrorCode.ILLEGAL_STATE);
    });
  });

  describe('when the template is new', () => {
    it('records exactly the template the command gives', () => {
      added({ ...add, templateId: 't2', targetHint: '' });
    });

    it('refuses a blank name', () => {
      expect(refusal({ ...add, name: '  ' })).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['name'] });
    });

    it('takes every level-2 category under its level-1 one, and refuses one from another level-1', () => {
      added({ ...add, level1: 'OUTPUT', level2: 'COST' });
      added({ ...add, level1: 'SATISFACTION', level2: 'BENEFICIARY' });
      expect(refusal({ ...add, level1: 'SATISFACTION', level2: 'QUANTITY' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['level2'],
      });
    });

    it('takes the COST category from the 2021 catalogue, and refuses it from the 2020 one', () => {
      const cost = { ...add, level1: 'COST' as const, level2: 'SOCIAL_COST' };
      added({ ...cost, catalogueVersion: '2021' });
      expect(refusal({ ...cost, catalogueVersion: '2020' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['level1'],
      });
      added({ ...add, catalogueVersion: '2020' });
    });

    it('needs a sector for an INDIVIDUAL template only', () => {
      added({ ...add, scope: 'COMMON', sector: '' });
      expect(refusal({ ...add, scope: 'INDIVIDUAL', sector: ' ' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['sector'],
      });
    });

    it.each(['>=', '<=', '=', '>', '<'] as const)('needs a unit for a numeric (%s) template', (operator) => {
      expect(refusal({ ...add, operator, unit: ' ' })).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['unit'] });
    });

    it('takes a QUALITATIVE template without a unit', () => {
      added({ ...add, operator: 'QUALITATIVE', unit: '' });
    });

    it('names every problem at once', () => {
      expect(
        refusal({
          ...add,
          name: '',
          level1: 'COST',
          level2: 'QUANTITY',
          catalogueVersion: '2020',
          sector: '',
          unit: '',
        }),
      ).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['name', 'level2', 'level1', 'sector', 'unit'] });
    });
  });
});
