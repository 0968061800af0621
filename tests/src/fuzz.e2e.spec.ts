import { readSupergraph } from '@jixiao/schema';
import { ROLES } from '@jixiao/service-kit';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { seedFixture, type Fixture } from './support/fixture';
import { fuzzSchema, random, rootField, text, type Random } from './support/fuzz';
import { startTestPlatform } from './support/platform';

const RUNS = 2500;
const SEED = Number(process.env['JIXIAO_FUZZ_SEED'] ?? 20241125);

/** One generated request: its raw HTTP body, and whether the gateway must refuse it outright. */
interface Case {
  kind: string;
  body: string;
  mustRefuse: boolean;
}

const json = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

function generate(r: Random, schema: GraphQLSchema, ids: string[]): Case {
  const roots = (['Query', 'Mutation'] as const).flatMap((name) => {
    const type = schema.getType(name);
    return isObjectType(type) ? Object.values(type.getFields()).map((field) => ({ name, field })) : [];
  });
  const operation = (wrong: number, depth: number) => {
    const { name, field } = r.pick(roots);
    const fields = [rootField(r, field, ids, wrong, depth)];
    return `${name === 'Mutation' ? 'mutation ' : ''}{ ${fields.join(' ')} }`;
  };
  const roll = r.next();
  if (roll < 0.45) return { kind: 'random', body: json(operation(0.08, 1 + r.int(4))), mustRefuse: false };
  if (roll < 0.55) {
    const n = 8 + r.int(60);
    const query = `{ budgetUnits { nodes { ${'parent { '.repeat(n)}id${' }'.repeat(n)} } } }`;
    return { kind: 'deep', body: json(query), mustRefuse: true };
  }
  if (roll < 0.65) {
    const n = 16 + r.int(300);
    const query = `{ ${Array.from({ length: n }, (_, i) => `a${i}: budgetUnits { totalCount }`).join(' ')} }`;
    return { kind: 'aliases', body: json(query), mustRefuse: true };
  }
  if (roll < 0.72) {
    const query = `{ budgetUnits { ${'totalCount '.repeat(2100 + r.int(3000))}} }`;
    return { kind: 'tokens', body: json(query), mustRefuse: true };
  }
  if (roll < 0.82) {
    const valid = operation(0, 3);
    const broken = r.chance(0.5) ? valid.slice(0, r.int(valid.length)) : text(r, r.int(200));
    return { kind: 'garbage', body: json(broken), mustRefuse: false };
  }
  if (roll < 0.92) {
    const huge = r.chance(0.5);
    const size = huge ? 300_000 + r.int(200_000) : 1_000 + r.int(60_000);
    const query = 'query($s: String!) { verifyStream(streamId: $s) { ok } }';
    return { kind: huge ? 'oversized' : 'large', body: json(query, { s: 'x'.repeat(size) }), mustRefuse: huge };
  }
  const bodies = ['not json', '[]', '{"query": 5}', '{}', '{"query":"{ budgetUnits { totalCount } }","variables":"x"}'];
  return { kind: 'http', body: r.pick(bodies), mustRefuse: false };
}

const STACK = /stacktrace|\bat .+\.(ts|js):\d+/;

/**
 * Thousands of generated requests, valid and malformed, as random roles: no 5xx, no stack trace, a
 * code on every error, over-limit requests refused, and nothing written by a refused request.
 */
describe(`fuzz: ${RUNS} generated requests through the gateway (seed ${SEED})`, () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
  });
  afterAll(async () => p.dispose());

  it('never fails inside, never leaks, and refused requests change nothing', async () => {
    const r = random(SEED);
    const schema = fuzzSchema(readSupergraph());
    const ids = [...Object.values(f.unitIds), ...Object.values(f.goalIds)];
    const tokens = await Promise.all(ROLES.map((role) => p.mint({ role, unitId: f.unitIds.A })));
    const violations: string[] = [];
    const tally: Record<string, number> = { refused: 0, answered: 0 };
    let known = (await p.allEvents()).length;
    for (let run = 0; run < RUNS && violations.length < 20; run++) {
      const c = generate(r, schema, ids);
      const token = r.chance(0.05) ? 'garbage' : r.pick(tokens);
      const response = await fetch(p.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: c.body,
      });
      const raw = await response.text();
      const where = `#${run} ${c.kind} ${c.body.slice(0, 160)}`;
      let parsed: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] } = {};
      try {
        parsed = JSON.parse(raw);
      } catch {
        violations.push(`${where}: not JSON (${response.status}) ${raw.slice(0, 120)}`);
      }
      const errors = parsed.errors ?? [];
      const codes = errors.map((e) => e.extensions?.code);
      const refused = errors.length > 0 && (parsed.data === undefined || parsed.data === null);
      tally[refused ? 'refused' : 'answered']!++;
      if (response.status >= 500) violations.push(`${where}: HTTP ${response.status}`);
      if (STACK.test(raw)) violations.push(`${where}: stack trace in ${raw.slice(0, 200)}`);
      if (codes.some((code) => typeof code !== 'string'))
        violations.push(`${where}: error without a code ${raw.slice(0, 200)}`);
      if (codes.includes('INTERNAL_SERVER_ERROR')) violations.push(`${where}: internal error ${raw.slice(0, 200)}`);
      if (c.mustRefuse && !refused) violations.push(`${where}: over a limit but not refused (${response.status})`);
      const fresh = await p.store.readAll({ fromPosition: known + 1 });
      if (refused && fresh.length > 0) violations.push(`${where}: refused, yet wrote ${fresh.map((e) => e.type)}`);
      known += fresh.length;
    }
    expect(violations).toEqual([]);
    // the run exercised both sides: plenty refused, plenty answered
    expect(tally['refused']).toBeGreaterThan(RUNS / 4);
    expect(tally['answered']).toBeGreaterThan(RUNS / 25);
  }, 300_000);
});
