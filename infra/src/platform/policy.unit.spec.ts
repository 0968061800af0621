import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { readSupergraph } from '@jixiao/schema';
import { parsePolicyTable, POLICY, renderPolicyTable } from '@jixiao/service-kit';

/** `Type.field` for every field of every object type in the supergraph. */
function supergraphFields(): Set<string> {
  const fields = new Set<string>();
  for (const node of parse(readSupergraph()).definitions) {
    if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of node.fields ?? []) fields.add(`${node.name.value}.${field.name.value}`);
  }
  return fields;
}

describe('the authorization policy', () => {
  it('has a row for every Query and Mutation field of the supergraph', () => {
    const operations = [...supergraphFields()].filter((f) => /^(Query|Mutation|Subscription)\./.test(f));
    expect(operations.filter((operation) => !(operation in POLICY))).toEqual([]);
  });

  it('names only fields that exist', () => {
    const fields = supergraphFields();
    expect(Object.keys(POLICY).filter((operation) => !fields.has(operation))).toEqual([]);
  });

  it('is the role table in the README (paste renderPolicyTable() between the markers when it changes)', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    expect(parsePolicyTable(readme)).toEqual(POLICY);
    expect(readme).toContain(renderPolicyTable());
  });
});
