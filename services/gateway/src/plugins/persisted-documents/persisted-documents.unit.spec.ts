import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrustedDocuments } from './persisted-documents';

describe('loadTrustedDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-trusted-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the { hash: document } file a client build writes', () => {
    const documents = loadTrustedDocuments(file('ok.json', JSON.stringify({ abc: 'query Units { units { id } }' })));

    expect([...documents]).toEqual([['abc', 'query Units { units { id } }']]);
  });

  it.each([
    ['not JSON', '{', /trusted documents file .*not\.json: /],
    ['an array', '["query { a }"]', /must be a JSON object/],
    ['a document that is not text', '{"abc": 1}', /"abc" must map to a GraphQL document as a string/],
    ['a document that does not parse', '{"abc": "query {"}', /"abc" is not a GraphQL document: Syntax Error/],
  ])('refuses %s, naming the file in both languages', (_, text, reason) => {
    const path = file('not.json', text);

    expect(() => loadTrustedDocuments(path)).toThrow(reason);
    expect(() => loadTrustedDocuments(path)).toThrow(`可信查询文档文件 ${path} 有误`);
  });

  it('refuses a file that does not exist', () => {
    expect(() => loadTrustedDocuments(join(dir, 'missing.json'))).toThrow(/ENOENT/);
  });
});
