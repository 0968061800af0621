import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { readSupergraph } from './index';

/** The README's GraphQL examples, one document per operation, with the `<…>` placeholders filled. */
function readmeOperations(): { source: string; document: DocumentNode }[] {
  const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const operations = blocks.flatMap((block) =>
    block
      .replace(/<[^>]+>/g, 'x')
      .split(/\n(?=#|mutation|\{)/)
      .map((chunk) => chunk.replace(/^#.*$/gm, '').trim())
      .filter((chunk) => chunk.length > 0),
  );
  return operations.map((source) => ({ source, document: parse(source) }));
}

describe('the README’s first session', () => {
  const schema = buildSchema(readSupergraph(), { assumeValidSDL: true });
  const operations = readmeOperations();

  it('has examples to check', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it.each(operations.map((o) => [o.source.replace(/\s+/g, ' ').slice(0, 50), o.document] as const))(
    '%s is valid',
    (_first, document) => {
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    },
  );
});
