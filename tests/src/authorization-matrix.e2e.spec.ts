import { readPolicyDocs } from '@jixiao/infra';
import { ROLES, type OperationPolicy, type Scope } from '@jixiao/service-kit';
import { seedFixture, UNIT_KEYS, type Fixture, type UnitKey } from './support/fixture';
import { startTestPlatform } from './support/platform';
import { probeOutcome, PROBES, type Outcome } from './support/probes';

/** The policy tables of docs/policy/, one per context: what the platform must do, read from the very pages users read. */
const expected = readPolicyDocs();

/**
 * The scope a role showed, from which of the three fixture units' rows it reached. Every caller
 * works for unit A, whose subordinate is A1; B is unrelated — so each scope has its own signature.
 */
function observedScope(outcomes: Record<UnitKey, Outcome>): Scope | '—' | string {
  const values = Object.values(outcomes);
  if (values.every((o) => o === 'FORBIDDEN')) return '—';
  if (values.some((o) => !['ok', 'NOT_FOUND', 'NOT_LISTED'].includes(o)))
    return `UNEXPECTED ${JSON.stringify(outcomes)}`;
  const reached = UNIT_KEYS.filter((unit) => outcomes[unit] === 'ok').join(',');
  const byReach: Record<string, Scope> = {
    'A,A1,B': 'ALL',
    'A,A1': 'SUBORDINATES',
    A1: 'CHILD_UNITS',
    A: 'OWN_UNIT',
    '': 'ASSIGNED',
  };
  return byReach[reached] ?? `UNEXPECTED ${JSON.stringify(outcomes)}`;
}

describe('authorization matrix: every operation as every role, against the policy tables in docs/policy/', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
  });
  afterAll(async () => p.dispose());

  it('covers every row of the table with a probe', () => {
    expect(Object.keys(expected).filter((operation) => !PROBES[operation])).toEqual([]);
  });

  it('allows, scopes and refuses exactly as the table says', async () => {
    const observed: Record<string, OperationPolicy> = {};
    for (const [operation, probe] of Object.entries(PROBES)) {
      const row: Record<string, string> = {};
      for (const role of ROLES) {
        const caller = { role, unitId: f.unitIds.A, userId: `matrix.${role.toLowerCase()}` };
        const outcomes = {} as Record<UnitKey, Outcome>;
        for (const unit of UNIT_KEYS) outcomes[unit] = await probeOutcome(probe, p, f, caller, unit);
        const scope = observedScope(outcomes);
        if (scope !== '—') row[role] = scope;
      }
      observed[operation] = row as OperationPolicy;
    }
    expect(observed).toEqual(expected);
  }, 420_000); // 1,800 probes in sequence: minutes on a busy 2-core machine
});
