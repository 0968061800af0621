import {
  documentExportOf,
  documentModule,
  DOCUMENT_MODULE,
  generatedDocuments,
  inlineDocuments,
} from './gql-documents';

// the shape codegen's client preset writes (documentMode: 'string'), an operation and a fragment
const GENERATED = [
  'export class TypedDocumentString<TResult, TVariables> extends String {}',
  'export const GoalsDocument = new TypedDocumentString(`',
  '    query Goals($filter: GoalFilter, $page: PageInput) {',
  '  goals(filter: $filter, page: $page) {',
  '    totalCount',
  '  }',
  '}',
  '    `) as unknown as TypedDocumentString<GoalsQuery, GoalsQueryVariables>;',
  'export const ReviewableGoalFragmentDoc = new TypedDocumentString(`',
  '    fragment ReviewableGoal on Goal {',
  '  id',
  '}',
  '    `, {"fragmentName":"ReviewableGoal"}) as unknown as TypedDocumentString<ReviewableGoalFragment, unknown>;',
  'export const SubmitDraftDocument = new TypedDocumentString(`',
  '    mutation SubmitDraft($id: ID!) {',
  '  submitGoal(id: $id) {',
  '    id',
  '  }',
  '}',
  '    `) as unknown as TypedDocumentString<SubmitDraftMutation, SubmitDraftMutationVariables>;',
].join('\n');

describe('the console build: a document per graphql() call', () => {
  const generated = generatedDocuments(GENERATED);

  it('names the export codegen gives an operation and a fragment', () => {
    expect(documentExportOf('\n  query Goals($filter: GoalFilter) {')).toBe('GoalsDocument');
    expect(documentExportOf('mutation SubmitDraft($id: ID!) {')).toBe('SubmitDraftDocument');
    expect(documentExportOf('  subscription GoalStateChanged {')).toBe('GoalStateChangedDocument');
    expect(documentExportOf('\n  fragment ReviewableGoal on Goal {')).toBe('ReviewableGoalFragmentDoc');
    expect(documentExportOf('{ goals { totalCount } }')).toBeNull();
    expect(documentExportOf('query { goals { totalCount } }')).toBeNull();
  });

  it('reads every document of the generated file, with its text and a fragment its name', () => {
    expect([...generated.keys()]).toEqual(['GoalsDocument', 'ReviewableGoalFragmentDoc', 'SubmitDraftDocument']);
    expect(generated.get('GoalsDocument')).toEqual({
      text: '\n    query Goals($filter: GoalFilter, $page: PageInput) {\n  goals(filter: $filter, page: $page) {\n    totalCount\n  }\n}\n    ',
      meta: null,
    });
    expect(generated.get('ReviewableGoalFragmentDoc')?.meta).toBe('{"fragmentName":"ReviewableGoal"}');
  });

  it('refuses a generated text it would not read as codegen meant it', () => {
    const escaped = GENERATED.replace('totalCount', 'totalCount # a \\` quote');
    expect(() => generatedDocuments(escaped)).toThrow('GoalsDocument: a document with an escape');
    const interpolated = GENERATED.replace('totalCount', '${fields}');
    expect(() => generatedDocuments(interpolated)).toThrow('GoalsDocument');
  });

  it('replaces each call by its document, variables ($) and all, and imports each document once', () => {
    const source = [
      "import { graphql } from '../gql';",
      'const A = graphql(`',
      '  query Goals($filter: GoalFilter, $page: PageInput) {',
      '    goals(filter: $filter, page: $page) { totalCount }',
      '  }',
      '`);',
      'const B = graphql(`mutation SubmitDraft($id: ID!) { submitGoal(id: $id) { id } }`);',
      'const C = graphql(`query Goals { goals { totalCount } }`);',
    ].join('\n');
    const out = inlineDocuments(source, generated)!;
    expect(out).not.toContain('graphql(`');
    expect(out).toContain('const A = __document_GoalsDocument;');
    expect(out).toContain('const B = __document_SubmitDraftDocument;');
    expect(out).toContain('const C = __document_GoalsDocument;');
    const imports = out.split('\n').filter((line) => line.startsWith('import __document_'));
    expect(imports).toEqual([
      `import __document_GoalsDocument from "${DOCUMENT_MODULE}GoalsDocument";`,
      `import __document_SubmitDraftDocument from "${DOCUMENT_MODULE}SubmitDraftDocument";`,
    ]);
    expect(out.split('\n')[0]).toBe("import { graphql } from '../gql';");
  });

  it('leaves a file without a document alone, and an interpolated template to codegen', () => {
    expect(inlineDocuments("import { Card } from 'antd';\nexport const x = 1;", generated)).toBeNull();
    expect(inlineDocuments('const A = graphql(`query Goals { ${fields} }`);', generated)).toBeNull();
  });

  it('fails the build on a document codegen did not generate, or one without a name', () => {
    expect(() => inlineDocuments('graphql(`query Missing { goals { totalCount } }`)', generated)).toThrow(
      'graphql(): MissingDocument is not in src/gql/graphql.ts',
    );
    expect(() => inlineDocuments('graphql(`{ goals { totalCount } }`)', generated)).toThrow('an unnamed document');
  });

  it("makes a document's module: codegen's object, whose toString() is the generated text", async () => {
    const source = documentModule(`${DOCUMENT_MODULE}GoalsDocument`, generated)!;
    const runtime = documentModule(`${DOCUMENT_MODULE}TypedDocumentString`, generated)!;
    // run the two modules as a bundle would: the class, then the document made with it
    const body = `${runtime.replace('export class', 'class')}\n${source
      .split('\n')
      .filter((line) => !line.startsWith('import'))
      .join('\n')
      .replace('export default', 'return')}`;
    const document = new Function(body)() as { toString(): string; __meta__?: unknown };
    expect(document.toString()).toBe(generated.get('GoalsDocument')!.text);
    expect(document.__meta__).toBeUndefined();
    const fragment = documentModule(`${DOCUMENT_MODULE}ReviewableGoalFragmentDoc`, generated)!;
    expect(fragment).toContain(', {"fragmentName":"ReviewableGoal"});');
    expect(documentModule(`${DOCUMENT_MODULE}Missing`, generated)).toBeNull();
    expect(documentModule('react', generated)).toBeNull();
  });
});
