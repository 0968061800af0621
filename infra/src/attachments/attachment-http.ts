import type { IncomingMessage, ServerResponse } from 'node:http';
import busboy from 'busboy';
import { UnauthenticatedError } from '@jixiao/events';
import { CORS_ALLOWED_HEADERS, type RateLimiter } from '@jixiao/gateway';
import { missingToken, type Attachments, type Identity, type Role, type StoredAttachment } from '@jixiao/service-kit';
import { AttachmentRefused, baseName, checkAttachment, tooLarge } from './content-type';
import { isAttachmentId } from './stored-attachment';

/**
 * Who may upload: a budget unit (its files belong to its unit), the section that signs opinions, and a key
 * evaluation's evaluator — an agency (its token's unit is its agency) or a department — for evidence and reports.
 */
export const ATTACHMENT_UPLOADERS: readonly Role[] = ['BUDGET_UNIT', 'PERFORMANCE_SECTION', 'AGENCY', 'DEPARTMENT'];
/** Uploaders whose files belong to the unit (or agency) their token names: without one they upload nothing. */
const UNIT_BOUND_UPLOADERS: readonly Role[] = ['BUDGET_UNIT', 'AGENCY', 'DEPARTMENT'];

/** Who may download any unit's file: the finance bureau's roles that read execution. */
export const ATTACHMENT_READERS: readonly Role[] = ['PERFORMANCE_SECTION', 'BUDGET_SECTION', 'AUDITOR', 'ADMIN'];

/** Options of {@link attachmentRoutes}. */
export interface AttachmentRoutesOptions {
  attachments: Attachments;
  /** The gateway's bearer token check (the one /graphql uses); throws UnauthenticatedError. */
  verify(token: string): Promise<Identity>;
  /** Exact origins whose browsers get CORS answers, as for /graphql (`JIXIAO_CORS_ORIGINS`); default none. */
  corsOrigins?: readonly string[];
  /** The user's request budget /graphql spends too (`JIXIAO_RATE_LIMIT_PER_MINUTE`): one point per request. Default: none. */
  rateLimiter?: RateLimiter;
}

/** Response headers a browser script on an allowed origin may read. */
const EXPOSED_HEADERS = ['retry-after', 'content-disposition', 'location'];

/**
 * CORS as /graphql answers it: a request from an allowed origin gets `Access-Control-Allow-Origin`
 * with that origin (no credentials: the token travels in `Authorization`), any other none; a preflight
 * is answered 204. True when the request was a preflight, now answered.
 */
function answerCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  const allowed = origin !== undefined && origins.includes(origin);
  if (origins.length > 0) res.setHeader('vary', 'Origin');
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'GET, HEAD, POST');
    res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS.join(', '));
    res.setHeader('access-control-max-age', '600');
  }
  res.writeHead(204).end();
  return true;
}

/** A multipart body may carry this much beyond the file (boundaries, part headers) before it is refused unread. */
const MULTIPART_OVERHEAD = 64 * 1024;

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const PATH = /^\/attachments(?:\/([^/?#]*))?\/?(?:[?#].*)?$/;

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${zh} (${en})`);
  }
}

function answerJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Errors in the API's style: `{ code, message (中文), messageEn }`. */
function answerError(res: ServerResponse, error: unknown) {
  if (error instanceof HttpRefusal || error instanceof AttachmentRefused) {
    const headers = error instanceof HttpRefusal ? error.headers : {};
    return answerJson(res, error.status, { code: error.code, message: error.zh, messageEn: error.en }, headers);
  }
  console.error(`attachment request failed: ${(error as Error).message}`);
  answerJson(res, 500, {
    code: 'INTERNAL_SERVER_ERROR',
    message: '服务器内部错误，请稍后重试',
    messageEn: 'Internal server error; try again later',
  });
}

/**
 * The caller of a request, by the same bearer token as /graphql: 401 without a valid one, 503 while the
 * provider is away; then one point of the user's request budget, 429 when it is spent.
 */
async function callerOf(req: IncomingMessage, options: AttachmentRoutesOptions): Promise<Identity> {
  const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
  let caller: Identity;
  try {
    if (!token) throw missingToken();
    caller = await options.verify(token);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    if (error.reason === 'PROVIDER_UNAVAILABLE')
      throw new HttpRefusal(503, 'SERVICE_UNAVAILABLE', error.zh, error.en, { 'retry-after': '5' });
    throw new HttpRefusal(401, 'UNAUTHENTICATED', error.zh, error.en, { 'www-authenticate': 'Bearer' });
  }
  const budget = await options.rateLimiter?.consume(caller.userId);
  if (budget && !budget.allowed) {
    const seconds = Math.max(1, Math.ceil(budget.retryAfterMs / 1000));
    throw new HttpRefusal(
      429,
      'RATE_LIMITED',
      `请求过于频繁，请 ${seconds} 秒后重试`,
      `Too many requests; retry in ${seconds} s`,
      { 'retry-after': String(seconds) },
    );
  }
  return caller;
}

const forbidden = (zh: string, en: string) => new HttpRefusal(403, 'FORBIDDEN', zh, en);
const notFound = () =>
  new HttpRefusal(404, 'NOT_FOUND', '附件不存在，或您无权查看', 'No such attachment, or not one you may see');

/** Whether the caller may download a file: a reader role, its uploader, or a user of the uploader's unit. */
export function mayDownload(caller: Identity, meta: StoredAttachment): boolean {
  if (ATTACHMENT_READERS.includes(caller.role)) return true;
  if (caller.userId === meta.uploadedBy) return true;
  return caller.role === 'BUDGET_UNIT' && caller.unitId !== null && caller.unitId === meta.unitId;
}

/** Reads the one file of a multipart/form-data body, keeping at most `maxBytes` of it. */
function readOneFile(
  req: IncomingMessage,
  attachments: Attachments,
): Promise<{ name: string; contentType: string; bytes: Buffer }> {
  const { limits } = attachments;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        // one byte past the limit is what tells a file over it from one exactly at it
        limits: { files: 1, fileSize: limits.maxBytes + 1, fields: 10, fieldSize: 1024, parts: 11 },
      });
    } catch {
      return reject(
        new HttpRefusal(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          '请以 multipart/form-data 上传一个文件',
          'Upload one file as multipart/form-data',
        ),
      );
    }
    let file: { name: string; contentType: string; bytes: Buffer } | null = null;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      reject(error);
    };
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        chunks.length = 0;
        fail(tooLarge(limits));
      });
      stream.on('end', () => {
        if (failed) return;
        file = { name: baseName(info.filename ?? ''), contentType: info.mimeType ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () =>
      fail(new HttpRefusal(400, 'BAD_USER_INPUT', '一次只能上传一个文件', 'Upload one file at a time')),
    );
    parser.on('error', (error: Error) =>
      fail(
        new HttpRefusal(
          400,
          'BAD_USER_INPUT',
          `上传内容无法解析：${error.message}`,
          `Malformed upload: ${error.message}`,
        ),
      ),
    );
    parser.on('close', () => {
      if (failed) return;
      if (!file) return fail(new HttpRefusal(400, 'BAD_USER_INPUT', '请求中没有文件', 'The request holds no file'));
      resolve(file);
    });
    req.on('error', (error) => fail(error));
    req.pipe(parser);
  });
}

async function upload(req: IncomingMessage, res: ServerResponse, options: AttachmentRoutesOptions) {
  const caller = await callerOf(req, options);
  if (!ATTACHMENT_UPLOADERS.includes(caller.role) || (UNIT_BOUND_UPLOADERS.includes(caller.role) && !caller.unitId))
    throw forbidden('您的角色不能上传附件', 'Your role may not upload attachments');
  const { attachments } = options;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > attachments.limits.maxBytes + MULTIPART_OVERHEAD)
    throw tooLarge(attachments.limits);
  const file = await readOneFile(req, attachments);
  const contentType = checkAttachment(file, attachments.limits);
  const stored = await attachments.store.put(
    { ...file, contentType },
    { actorId: caller.userId, unitId: caller.unitId },
  );
  answerJson(
    res,
    201,
    { ...stored, uploadedAt: stored.uploadedAt.toISOString() },
    {
      location: `/attachments/${stored.attachmentId}`,
    },
  );
}

/** `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>` (RFC 6266 with RFC 5987 for Chinese names). */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

async function download(req: IncomingMessage, res: ServerResponse, id: string, options: AttachmentRoutesOptions) {
  const caller = await callerOf(req, options);
  if (!ATTACHMENT_READERS.includes(caller.role) && !ATTACHMENT_UPLOADERS.includes(caller.role))
    throw forbidden('您的角色不能下载附件', 'Your role may not download attachments');
  const found = isAttachmentId(id) ? await options.attachments.store.open(id) : null;
  // another unit's file is answered as none: its existence is not told
  if (!found || !mayDownload(caller, found.meta)) throw notFound();
  res.writeHead(200, {
    'content-type': found.meta.contentType,
    'content-length': String(found.bytes.length),
    'content-disposition': contentDisposition(found.meta.name),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    etag: `"${found.meta.sha256}"`,
  });
  res.end(req.method === 'HEAD' ? undefined : found.bytes);
}

/** A path segment decoded, or as it came when it is not valid percent-encoding (it then names no attachment). */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads and drops the rest of a request body; false (and stops reading) once more than `maxBytes` came. */
function drainBody(req: IncomingMessage, maxBytes: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = (ended: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (!ended) req.pause();
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) done(false);
    };
    const onEnd = () => done(true);
    const onError = () => done(false);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.resume();
  });
}

/**
 * `POST /attachments` (multipart/form-data, one file) and `GET /attachments/:id`, with the same bearer
 * token as /graphql: served beside the console and GraphQL. Answers true for a request it handled,
 * false to leave it to the next handler.
 */
export function attachmentRoutes(options: AttachmentRoutesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = PATH.exec(req.url ?? '');
    if (!match) return false;
    if (answerCors(req, res, options.corsOrigins ?? [])) return true;
    const id = match[1] ? safeDecode(match[1]) : undefined;
    try {
      if (id === undefined && req.method === 'POST') await upload(req, res, options);
      else if (id !== undefined && (req.method === 'GET' || req.method === 'HEAD'))
        await download(req, res, id, options);
      else
        throw new HttpRefusal(
          405,
          'METHOD_NOT_ALLOWED',
          '请以 POST /attachments 上传，以 GET /attachments/{id} 下载',
          'Upload with POST /attachments, download with GET /attachments/{id}',
          { allow: id === undefined ? 'POST' : 'GET, HEAD' },
        );
    } catch (error) {
      // a refused upload's rest is read and dropped before the answer, up to what an upload may be: a client
      // still sending its body (Node 24's fetch among them) would otherwise fail with EPIPE instead of reading
      // the refusal; a body too large is not read on, and the connection closes after the answer
      if (req.method === 'POST' && !req.readableEnded) {
        const most = options.attachments.limits.maxBytes + MULTIPART_OVERHEAD;
        const declared = Number(req.headers['content-length']);
        const tooLong =
          declared > most ||
          ((error instanceof HttpRefusal || error instanceof AttachmentRefused) && error.status === 413);
        const drained = !tooLong && (await drainBody(req, most));
        if (!drained) res.setHeader('connection', 'close');
      }
      answerError(res, error);
    }
    return true;
  };
}
