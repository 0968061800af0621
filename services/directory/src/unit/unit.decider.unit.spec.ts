import {
  EventCatalog,
  directoryEvents,
  ErrorCode,
  given,
  IllegalStateError,
  NotFoundError,
  UNIT_SECTORS,
  ValidationError,
  type RecordedEvent,
} from '@jixiao/events';
import { unitDecider, unitStreamId, type ChangeBudgetUnitSector, type RegisterBudgetUnit } from './unit.decider';
import type { BudgetUnitRegistered, UnitEvent } from './unit.events';

const catalog = new EventCatalog(directoryEvents);

const registerFinanceBureau: RegisterBudgetUnit = {
  type: 'RegisterBudgetUnit',
  unitId: 'u-finance',
  code: '101',
  name: '天门市财政局',
  level: 'FIRST',
  parentId: null,
  divisionCode: '429006',
};

const financeBureauRegistered: BudgetUnitRegistered = {
  type: 'BudgetUnitRegistered',
  data: {
    unitId: 'u-finance',
    code: '101',
    name: '天门市财政局',
    level: 'FIRST',
    parentId: null,
    divisionCode: '429006',
    sector: '',
  },
};

const registerTreasuryCentre: RegisterBudgetUnit = {
  ...registerFinanceBureau,
  unitId: 'u-treasury',
  code: '101001',
  name: '天门市国库集中支付中心',
  level: 'SECOND',
  parentId: 'u-finance',
};

const unit = (history: UnitEvent[] = []) => given(unitDecider, history);

describe('budget unit', () => {
  it('lives in the stream unit-<unitId>', () => {
    expect(unitStreamId('u-finance')).toBe('unit-u-finance');
  });

  describe('when the unit is new', () => {
    it('refuses a code another unit already uses, naming that unit', () => {
      unit()
        .when({ ...registerFinanceBureau, codeInUseBy: '天门市税务局' })
        .thenThrows(IllegalStateError, /已被「天门市税务局」使用/);
    });

    it('refuses a second-level unit whose parent is itself second-level', () => {
      const error = unit()
        .when({ ...registerTreasuryCentre, parentLevel: 'SECOND' })
        .thenThrows(ValidationError, /一级预算单位/);
      expect(error.issues.map((i) => i.path)).toEqual(['parentId']);
    });

    it('accepts a second-level unit under a first-level parent', () => {
      unit()
        .when({ ...registerTreasuryCentre, parentLevel: 'FIRST' })
        .then([expect.objectContaining({ type: 'BudgetUnitRegistered' })]);
    });

    it('registers a first-level unit without a parent', () => {
      const [event] = unit().when(registerFinanceBureau).then([financeBureauRegistered]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it('registers a second-level unit under its parent', () => {
      unit()
        .when(registerTreasuryCentre)
        .then([
          {
            type: 'BudgetUnitRegistered',
            data: {
              unitId: 'u-treasury',
              code: '101001',
              name: '天门市国库集中支付中心',
              level: 'SECOND',
              parentId: 'u-finance',
              divisionCode: '429006',
              sector: '',
            },
          },
        ]);
    });

    it('trims code and name', () => {
      const [event] = unit()
        .when({ ...registerFinanceBureau, code: ' 101 ', name: ' 天门市财政局\n' })
        .then([financeBureauRegistered]);
      expect(event?.data).toMatchObject({ name: '天门市财政局' });
    });

    it('refuses a second-level unit without a parent', () => {
      const error = unit()
        .when({ ...registerTreasuryCentre, parentId: null })
        .thenThrows(ValidationError, /上级/);
      expect(error.issues.map((i) => i.path)).toEqual(['parentId']);
    });

    it('refuses a second-level unit whose parent is blank', () => {
      unit()
        .when({ ...registerTreasuryCentre, parentId: '  ' })
        .thenThrows(ValidationError, /parentId/);
    });

    it('refuses a first-level unit with a parent', () => {
      const error = unit()
        .when({ ...registerFinanceBureau, parentId: 'u-other' })
        .thenThrows(ValidationError);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'parentId', zh: expect.stringContaining('一级预算单位') }),
      ]);
    });

    it.each([
      ['code', { code: '  ' }],
      ['name', { name: '' }],
      ['unitId', { unitId: ' ' }],
      ['divisionCode', { divisionCode: '42900' }],
      ['divisionCode', { divisionCode: '42900A' }],
      ['divisionCode', { divisionCode: '4290061' }],
      ['divisionCode', { divisionCode: 'x429006' }],
    ])('refuses a blank or malformed %s', (path, change) => {
      const error = unit()
        .when({ ...registerFinanceBureau, ...change })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual([path]);
    });

    it('reports every problem at once', () => {
      const error = unit()
        .when({ ...registerTreasuryCentre, code: '', name: ' ', parentId: null, divisionCode: 'x' })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual(['code', 'name', 'parentId', 'divisionCode']);
    });
  });

  describe('when the unit is already registered', () => {
    it('refuses to register it again', () => {
      unit([financeBureauRegistered])
        .when(registerFinanceBureau)
        .thenThrows(IllegalStateError, /已登记.*already registered/);
    });
  });

  describe('refusals, by code and issue path', () => {
    const invalid = (command: RegisterBudgetUnit) => {
      const error = unit().when(command).thenThrows(ValidationError);
      return { code: error.code, paths: error.issues.map((i) => i.path) };
    };

    it('refuses a registered unit and a code in use as ILLEGAL_STATE', () => {
      const again = unit([financeBureauRegistered])
        .when({ ...registerFinanceBureau, unitId: 'u-finance' })
        .thenThrows(IllegalStateError);
      expect(again.code).toBe(ErrorCode.ILLEGAL_STATE);
      const taken = unit()
        .when({ ...registerFinanceBureau, codeInUseBy: '天门市税务局' })
        .thenThrows(IllegalStateError);
      expect(taken.code).toBe(ErrorCode.ILLEGAL_STATE);
    });

    it('takes a code no unit uses, whether the read model says null or an empty name', () => {
      unit()
        .when({ ...registerFinanceBureau, codeInUseBy: null })
        .then([financeBureauRegistered]);
      unit()
        .when({ ...registerFinanceBureau, codeInUseBy: '' })
        .then([financeBureauRegistered]);
    });

    it('names a missing parent once, whatever level the read model gives for it', () => {
      expect(invalid({ ...registerTreasuryCentre, parentId: null, parentLevel: 'SECOND' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['parentId'],
      });
    });

    it('takes a second-level unit whose parent level the read model does not know', () => {
      unit()
        .when({ ...registerTreasuryCentre, parentLevel: null })
        .then([expect.objectContaining({ type: 'BudgetUnitRegistered' })]);
    });

    it('does not ask a first-level unit for its parent level', () => {
      unit()
        .when({ ...registerFinanceBureau, parentLevel: 'SECOND' })
        .then([financeBureauRegistered]);
    });

    it('refuses a second-level parent with BAD_USER_INPUT on parentId, with the other problems', () => {
      expect(invalid({ ...registerTreasuryCentre, name: ' ', parentLevel: 'SECOND' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['name', 'parentId'],
      });
    });

    it('refuses an empty parent id for a first-level unit: it must have none', () => {
      expect(invalid({ ...registerFinanceBureau, parentId: '' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['parentId'],
      });
    });

    it('names a parent given to a first-level unit once, whatever level the read model gives for it', () => {
      expect(invalid({ ...registerFinanceBureau, parentId: 'u-treasury', parentLevel: 'SECOND' })).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        paths: ['parentId'],
      });
    });

    it('keeps its state through an event it does not know', () => {
      const state = unitDecider.evolve(unitDecider.initialState(), financeBureauRegistered);
      expect(unitDecider.evolve(state, { type: 'BudgetUnitRenamed' } as unknown as BudgetUnitRegistered)).toBe(state);
    });

    it('refuses a command it does not know', () => {
      expect(() =>
        unitDecider.decide({ type: 'RenameBudgetUnit' } as unknown as RegisterBudgetUnit, unitDecider.initialState()),
      ).toThrow(/unknown unit command/);
    });
  });

  describe('sector (行业/领域)', () => {
    it('registers a unit with a sector of the list, trimmed', () => {
      const [event] = unit()
        .when({ ...registerFinanceBureau, sector: ' 综合 ' })
        .then([{ ...financeBureauRegistered, data: { ...financeBureauRegistered.data, sector: '综合' } }]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it.each([[undefined], [null], [''], ['  ']])(
      'registers a unit without a sector (%p) as 未分类, sector ""',
      (sector) => {
        unit()
          .when({ ...registerFinanceBureau, sector })
          .then([financeBureauRegistered]);
      },
    );

    it('takes every sector of the list', () => {
      for (const sector of UNIT_SECTORS) {
        const [event] = unit()
          .when({ ...registerFinanceBureau, sector })
          .then([expect.anything()]);
        expect(event?.data).toMatchObject({ sector });
      }
    });

    it('refuses a sector not on the list, naming the list, with the other problems', () => {
      const error = unit()
        .when({ ...registerFinanceBureau, name: '', sector: '卫健' })
        .thenThrows(ValidationError, /卫健.*不在行业目录中/);
      expect(error.issues.map((i) => i.path)).toEqual(['name', 'sector']);
      expect(error.issues[1]).toMatchObject({
        zh: expect.stringContaining('卫生健康'),
        en: expect.stringContaining('卫生健康'),
      });
    });

    const change = (sector: string): ChangeBudgetUnitSector => ({
      type: 'ChangeBudgetUnitSector',
      unitId: 'u-finance',
      sector,
    });

    it('gives a registered unit another sector, naming the one before', () => {
      unit([financeBureauRegistered])
        .when(change('综合'))
        .then([{ type: 'BudgetUnitSectorChanged', data: { unitId: 'u-finance', sector: '综合', previousSector: '' } }]);
    });

    it('takes the sector changed last as the one before', () => {
      const changed: UnitEvent = {
        type: 'BudgetUnitSectorChanged',
        data: { unitId: 'u-finance', sector: '综合', previousSector: '' },
      };
      const [event] = unit([financeBureauRegistered, changed])
        .when(change(' 教育 '))
        .then([
          { type: 'BudgetUnitSectorChanged', data: { unitId: 'u-finance', sector: '教育', previousSector: '综合' } },
        ]);
      expect(() => catalog.validate(event!)).not.toThrow();
    });

    it('can take a unit back to 未分类', () => {
      const classified: UnitEvent = {
        ...financeBureauRegistered,
        data: { ...financeBureauRegistered.data, sector: '水利' },
      };
      unit([classified])
        .when(change(''))
        .then([{ type: 'BudgetUnitSectorChanged', data: { unitId: 'u-finance', sector: '', previousSector: '水利' } }]);
    });

    it('records nothing when the sector is the one the unit has', () => {
      const classified: UnitEvent = {
        ...financeBureauRegistered,
        data: { ...financeBureauRegistered.data, sector: '水利' },
      };
      unit([classified]).when(change('水利 ')).then([]);
    });

    it('refuses a sector not on the list', () => {
      const error = unit([financeBureauRegistered]).when(change('财政')).thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual(['sector']);
    });

    it('refuses a unit that was never registered as NOT_FOUND', () => {
      unit()
        .when(change('教育'))
        .thenThrows(NotFoundError, /u-finance.*不存在/);
    });
  });

  describe('BudgetUnitRegistered v1 (before sectors)', () => {
    it('is read as v2 with sector "" (未分类), the rest as stored', () => {
      const stored = { type: 'BudgetUnitRegistered', schemaVersion: 1, data: { ...financeBureauRegistered.data } };
      delete (stored.data as Partial<typeof stored.data>).sector;
      const upcast = catalog.upcast(stored as unknown as RecordedEvent);
      expect(upcast).toMatchObject({ schemaVersion: 2, data: financeBureauRegistered.data });
      expect(() => catalog.validate({ type: upcast.type, data: upcast.data })).not.toThrow();
    });

    it('leaves a v2 event as it is', () => {
      const stored = {
        type: 'BudgetUnitRegistered',
        schemaVersion: 2,
        data: { ...financeBureauRegistered.data, sector: '教育' },
      } as unknown as RecordedEvent;
      expect(catalog.upcast(stored)).toBe(stored);
    });
  });
});
