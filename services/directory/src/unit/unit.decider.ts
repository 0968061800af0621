import {
  IllegalStateError,
  invalid,
  NotFoundError,
  UNIT_SECTORS,
  type Decider,
  type FieldIssue,
  isBlank,
} from '@jixiao/events';
import type { BudgetUnitRegistered, UnitEvent } from './unit.events';

type UnitData = BudgetUnitRegistered['data'];

/** 登记预算单位 — register a budget unit; a SECOND-level unit names its FIRST-level parent. */
export interface RegisterBudgetUnit {
  type: 'RegisterBudgetUnit';
  unitId: string;
  code: string;
  name: string;
  level: UnitData['level'];
  parentId: string | null;
  divisionCode: string;
  /** 行业/领域: one of UNIT_SECTORS, or '' / absent for 未分类. */
  sector?: string | null;
  /** Name of the unit already registered under this code, as the directory read model shows it. */
  codeInUseBy?: string | null;
  /** Level of the named parent, as the read model shows it; a parent must be a FIRST-level unit. */
  parentLevel?: UnitData['level'] | null;
}

/** 调整单位行业 — give a registered unit its sector (行业/领域), or another one. */
export interface ChangeBudgetUnitSector {
  type: 'ChangeBudgetUnitSector';
  unitId: string;
  /** One of UNIT_SECTORS, or '' for 未分类. */
  sector: string;
}

export type UnitCommand = RegisterBudgetUnit | ChangeBudgetUnitSector;

export type UnitState = { status: 'NONE' } | ({ status: 'REGISTERED' } & UnitData);

/** `unit-<unitId>`: the stream that holds one budget unit. */
export const unitStreamId = (unitId: string): string => `unit-${unitId}`;

const isSector = (value: string): value is UnitData['sector'] =>
  value === '' || (UNIT_SECTORS as readonly string[]).includes(value);

/** The sector as given, trimmed; an issue naming the closed list when it is not on it. */
function sectorIssues(sector: string): FieldIssue[] {
  if (isSector(sector)) return [];
  return [
    {
      path: 'sector',
      zh: `行业「${sector}」不在行业目录中，应为：${UNIT_SECTORS.join('、')}（或留空为未分类）`,
      en: `Sector "${sector}" is not in the list of sectors: ${UNIT_SECTORS.join(', ')} (or empty for unclassified)`,
    },
  ];
}

function registrationIssues(command: RegisterBudgetUnit): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (isBlank(command.unitId)) {
    issues.push({ path: 'unitId', zh: '单位标识不能为空', en: 'unitId must not be empty' });
  }
  if (isBlank(command.code)) {
    issues.push({
      path: 'code',
      zh: '单位编码不能为空，请填写预算单位编码',
      en: 'Code is empty; enter the budget unit code',
    });
  }
  if (isBlank(command.name)) {
    issues.push({
      path: 'name',
      zh: '单位名称不能为空，请填写单位全称',
      en: 'Name is empty; enter the full unit name',
    });
  }
  if (command.level === 'SECOND' && isBlank(command.parentId)) {
    issues.push({
      path: 'parentId',
      zh: '二级预算单位必须指定上级一级预算单位',
      en: 'A second-level unit needs a parent; choose its first-level unit',
    });
  }
  if (command.level === 'FIRST' && command.parentId !== null) {
    issues.push({
      path: 'parentId',
      zh: '一级预算单位没有上级单位，请清空上级单位',
      en: 'A first-level unit has no parent; remove the parent',
    });
  }
  if (!/^\d{6}$/.test(command.divisionCode)) {
    issues.push({
      path: 'divisionCode',
      zh: `行政区划代码「${command.divisionCode}」应为 6 位数字，如 429006`,
      en: `Division code "${command.divisionCode}" must be 6 digits, e.g. 429006`,
    });
  }
  issues.push(...sectorIssues((command.sector ?? '').trim()));
  return issues;
}

function register(command: RegisterBudgetUnit, state: UnitState): UnitEvent[] {
  if (state.status === 'REGISTERED') {
    throw new IllegalStateError({
      zh: `预算单位 ${state.unitId}（${state.name}）已登记，不能重复登记`,
      en: `Budget unit ${state.unitId} (${state.name}) is already registered; it cannot be registered twice`,
    });
  }
  if (command.codeInUseBy) {
    throw new IllegalStateError({
      zh: `单位编码 ${command.code} 已被「${command.codeInUseBy}」使用，请核对编码`,
      en: `Unit code ${command.code} is already used by ${command.codeInUseBy}; check the code`,
    });
  }
  const issues = registrationIssues(command);
  if (command.level === 'SECOND' && command.parentId && command.parentLevel && command.parentLevel !== 'FIRST') {
    issues.push({
      path: 'parentId',
      zh: '上级单位须为一级预算单位',
      en: 'The parent must be a first-level budget unit',
    });
  }
  if (issues.length > 0) throw invalid(issues);
  const data: UnitData = {
    unitId: command.unitId,
    code: command.code.trim(),
    name: command.name.trim(),
    level: command.level,
    parentId: command.level === 'SECOND' ? command.parentId : null,
    divisionCode: command.divisionCode,
    sector: (command.sector ?? '').trim() as UnitData['sector'],
  };
  return [{ type: 'BudgetUnitRegistered', data }];
}

function changeSector(command: ChangeBudgetUnitSector, state: UnitState): UnitEvent[] {
  if (state.status !== 'REGISTERED') {
    throw new NotFoundError({
      zh: `预算单位 ${command.unitId} 不存在`,
      en: `Budget unit ${command.unitId} does not exist`,
    });
  }
  const sector = command.sector.trim();
  const issues = sectorIssues(sector);
  if (issues.length > 0) throw invalid(issues);
  // the same sector again changes nothing: no event
  if (sector === state.sector) return [];
  return [
    {
      type: 'BudgetUnitSectorChanged',
      data: { unitId: state.unitId, sector: sector as UnitData['sector'], previousSector: state.sector },
    },
  ];
}

function evolve(state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'BudgetUnitRegistered':
      return { status: 'REGISTERED', ...event.data };
    case 'BudgetUnitSectorChanged':
      return state.status === 'REGISTERED' ? { ...state, sector: event.data.sector } : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

function decide(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'RegisterBudgetUnit':
      return register(command, state);
    case 'ChangeBudgetUnitSector':
      return changeSector(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown unit command ${String((_exhaustive as { type?: unknown }).type)}`);
    }
  }
}

/** The budget unit aggregate (stream category `unit`). */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve,
  decide,
};
