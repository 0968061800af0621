import { ensureInScope, inScope, unitScopeOf, unitWhere } from './scope';

const units = { childrenOf: async (id: string) => (id === 'A' ? ['A1', 'A2'] : []) };
const actor = (unitId: string | null) => ({ userId: 'u', role: 'DEPARTMENT', unitId });

describe('turning a policy scope into units', () => {
  it('gives ALL every unit, OWN_UNIT the caller’s, SUBORDINATES the caller’s and its children, ASSIGNED no unit', async () => {
    expect(await unitScopeOf('ALL', actor('A'), units)).toEqual({ all: true });
    expect(await unitScopeOf('OWN_UNIT', actor('A'), units)).toEqual({ all: false, unitIds: ['A'] });
    expect(await unitScopeOf('SUBORDINATES', actor('A'), units)).toEqual({ all: false, unitIds: ['A', 'A1', 'A2'] });
    expect(await unitScopeOf('ASSIGNED', actor('A'), units)).toEqual({ all: false, unitIds: [] });
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
