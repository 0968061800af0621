import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { readSupergraph } from './index';

const ROOT = path.resolve(__dirname, '../..');

/** The README and every page under docs/, paths relative to the repository root. */
function documents(): string[] {
  const under = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? under(path.join(dir, entry.name))
        : entry.name.endsWith('.md')
          ? [path.join(dir, entry.name)]
          : [],
    );
  return ['README.md', ...under('docs')];
}

/** A document's GraphQL examples, one per operation, with the `<…>` placeholders filled. */
function graphqlExamples(file: string): { source: string; document: DocumentNode }[] {
  const markdown = readFileSync(path.join(ROOT, file), 'utf8');
  const blocks = [...markdown.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const operations = blocks.flatMap((block) =>
    block
      .replace(/<[^>]+>/g, 'x')
      .split(/\n(?=#|mutation|subscription|\{)/)
      .map((chunk) => chunk.replace(/^#.*$/gm, '').trim())
      .filter((chunk) => chunk.length > 0),
  );
  return operations.map((source) => ({ source, document: parse(source) }));
}

const examples = documents().flatMap((file) => graphqlExamples(file).map((example) => ({ file, ...example })));

describe('the GraphQL examples of the README and docs/', () => {
  const schema = buildSchema(readSupergraph(), { assumeValidSDL: true });

  it('are there to check: the README’s first session, the walkthrough and the subscriptions', () => {
    const count = (file: string) => examples.filter((e) => e.file === file).length;
    expect(count('README.md')).toBeGreaterThanOrEqual(2);
    expect(count(path.join('docs', 'walkthrough.md'))).toBeGreaterThanOrEqual(10);
    expect(count(path.join('docs', 'api.md'))).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((e) => [e.file, e.source.replace(/\s+/g, ' ').slice(0, 50), e.document] as const))(
    '%s: %s is valid',
    (_file, _first, document) => {
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    },
  );
});
