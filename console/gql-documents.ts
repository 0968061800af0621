import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * The console's `graphql(`…`)` calls, each replaced at build time by a module of its own holding the one
 * document it names. Codegen's `graphql()` looks a document up in a map of every operation of the
 * console (`src/gql/gql.ts`, keyed by the whole text), whose values all live in one module
 * (`src/gql/graphql.ts`): either way every page's queries would be in the first chunk the browser loads
 * and runs. The document is the one codegen generated (its text, fragments appended), as the same
 * kind of object (a `TypedDocumentString`, read with `toString()`).
 */

/** `query Goals(…` → `GoalsDocument`, `fragment ReviewableGoal on …` → `ReviewableGoalFragmentDoc`: codegen's names. */
export function documentExportOf(source: string): string | null {
  const operation = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/.exec(source);
  if (operation) return `${operation[1]}Document`;
  const fragment = /^\s*fragment\s+([A-Za-z_]\w*)\s+on\s/.exec(source);
  return fragment ? `${fragment[1]}FragmentDoc` : null;
}

/** A generated document: its text and codegen's second argument (a fragment's name), as source. */
export interface GeneratedDocument {
  text: string;
  meta: string | null;
}

/**
 * The documents `src/gql/graphql.ts` exports, by export name. Throws on a text with an escape or an
 * interpolation: read raw, it would not be the string codegen meant.
 */
export function generatedDocuments(generatedSource: string): Map<string, GeneratedDocument> {
  const exports = generatedSource.matchAll(
    /^export const (\w+(?:Document|FragmentDoc)) = new TypedDocumentString\(`([^`]*)`(?:, (\{[^}]*\}))?\) as unknown as /gm,
  );
  const documents = new Map<string, GeneratedDocument>();
  for (const [, name, text, meta] of exports) {
    if (/\\|\$\{/.test(text!)) throw new Error(`${name}: a document with an escape or \${} is not read here`);
    documents.set(name!, { text: text!, meta: meta ?? null });
  }
  for (const [, name] of generatedSource.matchAll(
    /^export const (\w+(?:Document|FragmentDoc)) = new TypedDocumentString\(/gm,
  ))
    if (!documents.has(name!)) throw new Error(`${name}: a document with an escape or \${} is not read here`);
  return documents;
}

/** Where the plugin's modules are imported from: one per document, and the class they share. */
export const DOCUMENT_MODULE = 'virtual:jixiao-gql/';
const RUNTIME = `${DOCUMENT_MODULE}TypedDocumentString`;

// `graphql(` then one template literal without `${…}` (codegen reads only those), then `)`
const CALL = /\bgraphql\(\s*`((?:[^`$\\]|\$(?!\{))*)`\s*\)/g;

/**
 * `code` with each `graphql(`…`)` replaced by its document's module; null when it has none. Throws on a
 * document codegen did not generate, as the build should: the page would otherwise run an empty query.
 */
export function inlineDocuments(code: string, generated: ReadonlyMap<string, GeneratedDocument>): string | null {
  const used = new Set<string>();
  const replaced = code.replace(CALL, (_call, source: string) => {
    const name = documentExportOf(source);
    if (!name || !generated.has(name))
      throw new Error(`graphql(): ${name ?? 'an unnamed document'} is not in src/gql/graphql.ts: npm run codegen`);
    used.add(name);
    return `__document_${name}`;
  });
  if (used.size === 0) return null;
  // after the code: an import is hoisted wherever it stands
  const imports = [...used].map((name) => `import __document_${name} from ${JSON.stringify(DOCUMENT_MODULE + name)};`);
  return `${replaced}\n${imports.join('\n')}\n`;
}

/** The source of a document's module, or of the class they share; null for another id. */
export function documentModule(id: string, generated: ReadonlyMap<string, GeneratedDocument>): string | null {
  if (id === RUNTIME)
    // codegen's TypedDocumentString (documentMode: 'string'), without its types
    return [
      'export class TypedDocumentString extends String {',
      '  constructor(value, meta) { super(value); this.value = value; this.__meta__ = meta; }',
      '  toString() { return this.value; }',
      '}',
    ].join('\n');
  if (!id.startsWith(DOCUMENT_MODULE)) return null;
  const document = generated.get(id.slice(DOCUMENT_MODULE.length));
  if (!document) return null;
  return [
    `import { TypedDocumentString } from ${JSON.stringify(RUNTIME)};`,
    `export default new TypedDocumentString(${JSON.stringify(document.text)}${document.meta ? `, ${document.meta}` : ''});`,
  ].join('\n');
}

/** The Vite plugin (build only; the dev server keeps codegen's `graphql()`), reading `src/gql/graphql.ts`. */
export function gqlDocuments(generatedFile: string): Plugin {
  let generated = new Map<string, GeneratedDocument>();
  return {
    name: 'jixiao-gql-documents',
    enforce: 'pre',
    apply: 'build',
    buildStart() {
      generated = generatedDocuments(readFileSync(generatedFile, 'utf8'));
    },
    resolveId: (id) => (id.startsWith(DOCUMENT_MODULE) ? `\0${id}` : null),
    load: (id) => (id.startsWith(`\0${DOCUMENT_MODULE}`) ? documentModule(id.slice(1), generated) : null),
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(')) return null;
      const next = inlineDocuments(code, generated);
      return next === null ? null : { code: next, map: null };
    },
  };
}
