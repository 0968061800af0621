import { readFileSync } from 'node:fs';
import type { GatewayConfigSupergraph } from '@graphql-hive/gateway-runtime';
import { parse } from 'graphql';

/** Trusted documents by id (the hash a client build computed): `{ "<hash>": "query { … }" }`. */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** Options of {@link persistedDocumentsFor}. */
export interface PersistedDocumentsOptions {
  /** The store: documents a client may run by id, e.g. from {@link loadTrustedDocuments}. */
  documents: TrustedDocuments;
  /** Refuse any document sent as text; only ids of the store run (production). Default: false. */
  only?: boolean;
}

const refusal = (code: string, status: number, zh: string, en: string) => ({
  message: `${zh} (${en})`,
  extensions: { code, messageZh: zh, messageEn: en, http: { status } },
});

/**
 * Reads a trusted-documents file, the JSON object `{ "<id>": "<document>" }` that GraphQL Codegen's
 * client preset (`persistedDocuments: true`) writes as `persisted-documents.json`. Every document
 * must parse; a bad file is refused at start with what is wrong.
 */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  const bad = (why: string) => new Error(`可信查询文档文件 ${file} 有误 (trusted documents file ${file}: ${why})`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw bad((error as Error).message);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw bad('must be a JSON object { "<hash>": "<document>" }');
  }
  const documents = new Map<string, string>();
  for (const [id, document] of Object.entries(json)) {
    if (typeof document !== 'string') throw bad(`"${id}" must map to a GraphQL document as a string`);
    try {
      parse(document);
    } catch (error) {
      throw bad(`"${id}" is not a GraphQL document: ${(error as Error).message}`);
    }
    documents.set(id, document);
  }
  return documents;
}

/** The id a request names: `documentId` (GraphQL over HTTP) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function documentIdOf(params: { extensions?: Record<string, unknown> }, request: Request): string | null {
  const documentId =
    (params as { documentId?: unknown }).documentId ??
    (request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : null);
  if (typeof documentId === 'string' && documentId !== '') return documentId;
  const persisted = params.extensions?.['persistedQuery'] as { version?: unknown; sha256Hash?: unknown } | undefined;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/**
 * The runtime's `persistedDocuments` option over a store of trusted documents: a request naming an
 * id runs that id's document; an unknown id is refused (400 `PERSISTED_QUERY_NOT_IN_LIST`); with
 * `only`, a document sent as text is refused (400 `PERSISTED_QUERY_ID_REQUIRED`).
 */
export function persistedDocumentsFor(
  options: PersistedDocumentsOptions,
): GatewayConfigSupergraph['persistedDocuments'] {
  return {
    getPersistedOperation: (id: string) => options.documents.get(id) ?? null,
    extractPersistedOperationId: documentIdOf,
    allowArbitraryDocuments: !options.only,
    customErrors: {
      notFound: refusal(
        'PERSISTED_QUERY_NOT_IN_LIST',
        400,
        '该查询文档编号未登记为可信文档',
        'No trusted document has this id; register the document with the platform first',
      ),
      persistedQueryOnly: refusal(
        'PERSISTED_QUERY_ID_REQUIRED',
        400,
        '本平台只执行已登记的可信查询文档，请发送文档编号（documentId）而非查询语句',
        'This platform runs trusted documents only: send a documentId, not a query text',
      ),
      keyNotFound: refusal(
        'BAD_REQUEST',
        400,
        '请求既无查询语句，也无可信文档编号',
        'The request has neither a query nor a trusted document id',
      ),
    },
  };
}
