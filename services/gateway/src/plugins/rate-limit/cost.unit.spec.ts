import { buildSchema, parse } from 'graphql';
import { readSupergraph } from '@jixiao/schema';
import { historyReads } from './cost';

describe('the cost of an operation in event histories read', () => {
  const schema = buildSchema(readSupergraph());
  const reads = (query: string, variables?: Record<string, unknown>) => historyReads(schema, parse(query), variables);

  it('is nothing for queries of read models only', () => {
    expect(reads('{ goals(page: { first: 200 }) { nodes { id indicators { name } } totalCount } }')).toBe(0);
  });

  it('counts one per history, times the page size of the list above it (the default page when none is asked)', () => {
    expect(reads('{ goals(page: { first: 200 }) { nodes { history { type } } } }')).toBe(200);
    expect(reads('query($n: Int!) { goals(page: { first: $n }) { nodes { history { type } } } }', { n: 50 })).toBe(50);
    expect(reads('{ goals { nodes { history { type } } } }')).toBe(20);
    expect(reads('{ goal(id: "g1") { history { type } } }')).toBe(1);
  });

  it('adds the audit queries and every alias', () => {
    const query = `{
      a: streamHistory(streamId: "goal-g1") { type }
      b: verifyStream(streamId: "goal-g1") { ok }
      c: goals(page: { first: 100 }) { nodes { history { type } } }
      d: goals(page: { first: 100 }) { nodes { history { type } } }
    }`;
    expect(reads(query)).toBe(202);
  });
});
