import { ensureInScope, inScope, NO_ROWS, scopedRows, unitScopeOf, unitWhere, where } from './scope';

const units = { childrenOf: async (id: string) => (id === 'A' ? ['A1', 'A2'] : []) };
const actor = (unitId: string | null) => ({ userId: 'u', role: 'DEPARTMENT', unitId });

describe('turning a policy scope into units', () => {
  it('gives ALL every unit, OWN_UNIT the caller’s, SUBORDINATES the caller’s and its children, ASSIGNED no unit', async () => {
    expect(await unitScopeOf('ALL', actor('A'), units)).toEqual({ all: true });
    expect(await unitScopeOf('OWN_UNIT', actor('A'), units)).toEqual({ all: false, unitIds: ['A'] });
    expect(await unitScopeOf('SUBORDINATES', actor('A'), units)).toEqual({ all: false, unitIds: ['A', 'A1', 'A2'] });
    expect(await unitScopeOf('ASSIGNED', actor('A'), units)).toEqual({ all: false, unitIds: [], assigned: {} });
  });

  it('gives a caller without a unit no unit-scoped rows', async () => {
    expect(await unitScopeOf('OWN_UNIT', actor(null), units)).toEqual({ all: false, unitIds: [] });
    expect(await unitScopeOf('SUBORDINATES', actor(null), units)).toEqual({ all: false, unitIds: [] });
  });

  it('filters lists and treats an out-of-scope row as not found', () => {
    const scope = { all: false, unitIds: ['A'] } as const;
    expect(unitWhere(scope)).toEqual({ unitId: { $in: ['A'] } });
    expect(unitWhere({ all: true })).toEqual({});
    expect(inScope(scope, 'B')).toBe(false);
    expect(() => ensureInScope(scope, 'B', () => new Error('goal g does not exist'))).toThrow('goal g does not exist');
  });
});

describe('the row-scope port: units plus assignments', () => {
  const expert = { userId: 'e1', role: 'EXPERT', unitId: null };
  const assignments = {
    assignedTo: async (userId: string) => (userId === 'e1' ? { PRE_ASSESSMENT: ['p1', 'p2'], LEDGER: ['l1'] } : {}),
  };
  const rows = scopedRows<{ id: string; unitId: string }>({
    unit: 'unitId',
    assignment: { kind: 'PRE_ASSESSMENT', column: 'id' },
  });

  it('resolves ASSIGNED to exactly the records assigned to the caller, of every kind, and no unit', async () => {
    expect(await unitScopeOf('ASSIGNED', expert, { units, assignments })).toEqual({
      all: false,
      unitIds: [],
      assigned: { PRE_ASSESSMENT: ['p1', 'p2'], LEDGER: ['l1'] },
    });
    expect(await unitScopeOf('ASSIGNED', { ...expert, userId: 'e2' }, { units, assignments })).toEqual({
      all: false,
      unitIds: [],
      assigned: {},
    });
  });

  it('reads no assignment for the unit scopes, and keeps their units as before', async () => {
    expect(await unitScopeOf('OWN_UNIT', { ...expert, unitId: 'A' }, { units, assignments })).toEqual({
      all: false,
      unitIds: ['A'],
    });
    expect(await unitScopeOf('SUBORDINATES', actor('A'), { units, assignments })).toEqual({
      all: false,
      unitIds: ['A', 'A1', 'A2'],
    });
    expect(await unitScopeOf('ALL', expert, { units, assignments })).toEqual({ all: true });
  });

  it('gives ASSIGNED nothing when no assignment source is wired', async () => {
    expect(await unitScopeOf('ASSIGNED', expert, units)).toEqual({ all: false, unitIds: [], assigned: {} });
  });

  it('reaches an assigned record and not one assigned to someone else, nor one of another kind with the same id', async () => {
    const scope = await unitScopeOf('ASSIGNED', expert, { assignments });
    expect(rows.reaches(scope, { id: 'p1', unitId: 'A' })).toBe(true);
    expect(rows.reaches(scope, { id: 'p3', unitId: 'A' })).toBe(false);
    expect(inScope(scope, { unitId: 'A', assignment: { kind: 'PRE_ASSESSMENT', id: 'p2' } })).toBe(true);
    expect(inScope(scope, { unitId: 'A', assignment: { kind: 'KEY_EVALUATION', id: 'p1' } })).toBe(false);
    expect(inScope(scope, 'A')).toBe(false);
    expect(() =>
      ensureInScope(scope, { assignment: { kind: 'PRE_ASSESSMENT', id: 'p3' } }, () => new Error('nf')),
    ).toThrow('nf');
  });

  it('reaches a unit’s rows by unit and not by an assignment it lacks; ALL reaches every row', () => {
    const unitScope = { all: false, unitIds: ['A'] } as const;
    expect(rows.reaches(unitScope, { id: 'p9', unitId: 'A' })).toBe(true);
    expect(rows.reaches(unitScope, { id: 'p1', unitId: 'B' })).toBe(false);
    expect(rows.reaches({ all: true }, { id: 'p9', unitId: 'B' })).toBe(true);
  });

  it('filters a list by units, by assignments, by both, or to nothing', () => {
    expect(rows.where({ all: true })).toEqual({});
    expect(rows.where({ all: false, unitIds: ['A'] })).toEqual({ unitId: { $in: ['A'] } });
    expect(rows.where({ all: false, unitIds: [], assigned: { PRE_ASSESSMENT: ['p1'] } })).toEqual({
      id: { $in: ['p1'] },
    });
    expect(rows.where({ all: false, unitIds: ['A'], assigned: { PRE_ASSESSMENT: ['p1'] } })).toEqual({
      $or: [{ unitId: { $in: ['A'] } }, { id: { $in: ['p1'] } }],
    });
    // assigned to records of another kind only: nothing of this read model
    expect(rows.where({ all: false, unitIds: [], assigned: { LEDGER: ['l1'] } })).toEqual({ unitId: { $in: [] } });
    expect(where(NO_ROWS, { assignment: { kind: 'LEDGER', column: 'ledgerId' } })).toEqual({ ledgerId: { $in: [] } });
  });
});
