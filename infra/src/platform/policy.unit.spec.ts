import { POLICY } from '@jixiao/contexts';
import { publicSurface } from '@jixiao/gateway';
import { Kind, parse } from 'graphql';
import { readSupergraph } from '@jixiao/schema';
import { publicOperationsOf } from '@jixiao/service-kit';

/** `Type.field` for every field of every object type in the supergraph. */
function supergraphFields(): Set<string> {
  const fields = new Set<string>();
  for (const node of parse(readSupergraph()).definitions) {
    if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of node.fields ?? []) fields.add(`${node.name.value}.${field.name.value}`);
  }
  return fields;
}

/** The pages that show the policy, per context, are checked against it in infra/src/docs/policy-docs.unit.spec.ts. */
describe('the authorization policy', () => {
  it('has a row for every Query and Mutation field of the supergraph', () => {
    const operations = [...supergraphFields()].filter((f) => /^(Query|Mutation|Subscription)\./.test(f));
    expect(operations.filter((operation) => !(operation in POLICY))).toEqual([]);
  });

  it('names only fields that exist', () => {
    const fields = supergraphFields();
    expect(Object.keys(POLICY).filter((operation) => !fields.has(operation))).toEqual([]);
  });

  it('makes public (公开) only queries that reach types of their own: the gateway would not start otherwise', () => {
    const surface = publicSurface(readSupergraph(), publicOperationsOf(POLICY));
    expect([...surface].sort()).toEqual(['Query.publishedGoals', 'Query.publishedUnitYears']);
  });
});
