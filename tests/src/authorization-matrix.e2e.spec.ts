import { readPolicyDocs } from '@jixiao/infra';
import { POLICY_COLUMNS, PUBLIC, type OperationPolicy, type Role, type Scope } from '@jixiao/service-kit';
import { seedFixture, UNIT_KEYS, type Fixture, type UnitKey } from './support/fixture';
import { startTestPlatform, type TestPlatform } from './support/platform';
import { probeOutcome, PROBES, type Outcome } from './support/probes';

/** The policy tables of docs/policy/, one per context: what the platform must do, read from the very pages users read. */
const expected = readPolicyDocs();

/**
 * The scope a role showed, from which of the three fixture units' rows it reached. Every caller
 * works for unit A, whose subordinate is A1; B is unrelated — so each scope has its own signature.
 */
function observedScope(outcomes: Record<UnitKey, Outcome>, anonymous: boolean): Scope | '—' | string {
  const values = Object.values(outcomes);
  // without a token, the gateway refuses what is not public (the subgraph's own refusal is FORBIDDEN)
  const refused = anonymous ? ['UNAUTHENTICATED', 'FORBIDDEN'] : ['FORBIDDEN'];
  if (values.every((o) => refused.includes(o))) return '—';
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

/**
 * The platform as a caller without a token reaches it: the PUBLIC column's probes send no token (a
 * subscription connects without one); every other caller of a probe's preparation keeps theirs.
 */
function withoutToken(p: TestPlatform): TestPlatform {
  return {
    ...p,
    gql: (query, variables, caller, headers) =>
      p.gql(
        query,
        variables,
        'role' in caller && caller.role === (PUBLIC as never) ? { token: null } : caller,
        headers,
      ),
    mint: async (caller, options) => (caller.role === (PUBLIC as never) ? (null as never) : p.mint(caller, options)),
  };
}

describe('authorization matrix: every operation as every role and without a token, against the policy tables in docs/policy/', () => {
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
      for (const role of POLICY_COLUMNS) {
        const anonymous = role === PUBLIC;
        // PUBLIC is no role a token carries: withoutToken() sends such a caller's requests with none
        const caller = {
          role: role as Role,
          unitId: anonymous ? null : f.unitIds.A,
          userId: `matrix.${role.toLowerCase()}`,
        };
        const outcomes = {} as Record<UnitKey, Outcome>;
        for (const unit of UNIT_KEYS) {
          outcomes[unit] = await probeOutcome(probe, anonymous ? withoutToken(p) : p, f, caller, unit);
        }
        const scope = observedScope(outcomes, anonymous);
        if (scope !== '—') row[role] = scope;
      }
      observed[operation] = row as OperationPolicy;
    }
    expect(observed).toEqual(expected);
  }, 600_000); // 2,000 probes in sequence: minutes on a busy 2-core machine
});
