import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryRateLimiter } from '@jixiao/gateway';
import { tokenRefusal, type Identity } from '@jixiao/service-kit';
import { sampleFiles } from '../testing/sample-files';
import { attachmentRoutes, contentDisposition, mayDownload } from './attachment-http';
import { PDF, PNG } from './content-type';
import { FolderAttachmentStore } from './folder-attachment-store';

const MAX = 2048;
const allowAll = memoryRateLimiter(1_000_000);
/** Three requests a minute, for the one user whose budget the test spends. */
const hasty = memoryRateLimiter(3);
const ORIGIN = 'https://console.example.gov.cn';

/** Tokens are the callers' names here: `role:unit:user`; `down` plays the identity provider out of reach. */
async function verify(token: string): Promise<Identity> {
  if (token === 'down') throw tokenRefusal(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  if (token === 'expired') throw tokenRefusal(Object.assign(new Error('exp'), { code: 'ERR_JWT_EXPIRED' }));
  const [role, unit, user] = token.split(':');
  return { role: role as Identity['role'], unitId: unit || null, userId: user ?? 'someone' };
}

describe('the attachment routes on a plain node:http server', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'jixiao-attachment-http-'));
    const routes = attachmentRoutes({
      attachments: {
        store: new FolderAttachmentStore(path.join(dir, 'attachments')),
        limits: { maxBytes: MAX, contentTypes: [PDF, PNG] },
      },
      verify,
      corsOrigins: [ORIGIN],
      rateLimiter: { consume: (key) => (key === 'hasty' ? hasty.consume(key) : allowAll.consume(key)) },
    });
    server = createServer((req, res) => {
      void routes(req, res).then((answered) => {
        if (!answered) res.writeHead(418).end('next handler');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => {
    try {
      return readdirSync(path.join(dir, 'attachments'));
    } catch {
      return [];
    }
  };
  const formOf = (...files: { name: string; type: string; bytes: Buffer }[]) => {
    const form = new FormData();
    for (const file of files)
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    return form;
  };
  const post = (body: BodyInit, token: string | null, headers: Record<string, string> = {}) =>
    fetch(`${base}/attachments`, {
      method: 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
  const pdf = { name: 'a.pdf', type: PDF, bytes: sampleFiles.pdf() };

  it('leaves every other path to the next handler', async () => {
    expect((await fetch(`${base}/graphql`)).status).toBe(418);
    expect((await fetch(`${base}/attachmentsx`)).status).toBe(418);
    expect((await fetch(`${base}/console/attachments`)).status).toBe(418);
  });

  it('answers 503 with Retry-After while the identity provider cannot be reached, 401 for a refused token', async () => {
    const down = await post(formOf(pdf), 'down');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringContaining('身份认证服务'),
    });
    const expired = await fetch(`${base}/attachments/3f1c1d9e-0000-4000-8000-000000000000`, {
      headers: { authorization: 'Bearer expired' },
    });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');
    expect(await expired.json()).toEqual({
      code: 'UNAUTHENTICATED',
      message: '访问令牌已过期，请重新获取',
      messageEn: 'The token has expired; get a new one',
    });
  });

  it('takes one file only, from multipart/form-data only (400, 415), and names the methods it serves (405)', async () => {
    const unit = 'BUDGET_UNIT:unit-a:officer.a';
    const two = await post(formOf(pdf, pdf), unit);
    expect(two.status).toBe(400);
    expect(await two.json()).toMatchObject({ code: 'BAD_USER_INPUT', messageEn: 'Upload one file at a time' });
    const none = new FormData();
    none.append('purpose', '拨款');
    expect(await (await post(none, unit)).json()).toMatchObject({
      code: 'BAD_USER_INPUT',
      messageEn: 'The request holds no file',
    });
    const json = await post(JSON.stringify({ file: 'x' }), unit, { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    const put = await fetch(`${base}/attachments`, { method: 'PUT', headers: { authorization: `Bearer ${unit}` } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    expect(stored()).toEqual([]);
  });

  it('spends the user’s request budget, as /graphql does: past it 429 with Retry-After', async () => {
    const token = 'AUDITOR::hasty';
    const id = '3f1c1d9e-0000-4000-8000-000000000000';
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await fetch(`${base}/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } })).status,
      );
    expect(statuses).toEqual([404, 404, 404, 429]);
    const refused = await fetch(`${base}/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      code: 'RATE_LIMITED',
      messageEn: expect.stringMatching(/^Too many requests; retry in \d+ s$/),
    });
  });

  it('a BUDGET_UNIT token without a unit uploads nothing (403)', async () => {
    expect((await post(formOf(pdf), 'BUDGET_UNIT::x')).status).toBe(403);
  });

  it('refuses a chunked body past the limit without keeping it (413, connection closed)', async () => {
    const body = sampleFiles.pdf(MAX * 4);
    const boundary = 'jixiao-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      body,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    // no Content-Length: only reading tells the size
    const answer = await new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/attachments`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer BUDGET_UNIT:unit-a:a',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'transfer-encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      });
      req.on('error', reject);
      for (let at = 0; at < payload.length; at += 512) req.write(payload.subarray(at, at + 512));
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(stored()).toEqual([]);
  });

  it('answers a browser on an allowed origin with CORS headers (preflight 204), another origin with none', async () => {
    const preflight = await fetch(`${base}/attachments`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const uploaded = await post(
      formOf({ name: 'p.png', type: PNG, bytes: sampleFiles.png() }),
      'BUDGET_UNIT:unit-a:a',
      { origin: ORIGIN },
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await fetch(`${base}/attachments`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers HEAD with the headers of a download and no body', async () => {
    const { attachmentId } = (await (await post(formOf(pdf), 'BUDGET_UNIT:unit-a:a')).json()) as {
      attachmentId: string;
    };
    const head = await fetch(`${base}/attachments/${attachmentId}`, {
      method: 'HEAD',
      headers: { authorization: 'Bearer AUDITOR::auditor' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.bytes.length));
    expect(head.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await head.text()).toBe('');
    expect(
      (await fetch(`${base}/attachments/%E0%A4%A`, { headers: { authorization: 'Bearer AUDITOR::a' } })).status,
    ).toBe(404);
  });
});

describe('who may download a file', () => {
  const meta = {
    attachmentId: 'x',
    name: 'a.pdf',
    sizeBytes: 1,
    contentType: PDF,
    sha256: '',
    uploadedBy: 'officer.a',
    unitId: 'unit-a',
    uploadedAt: new Date(),
  };
  it.each([
    ['the uploader’s unit', { role: 'BUDGET_UNIT', unitId: 'unit-a', userId: 'colleague' }, true],
    ['another unit', { role: 'BUDGET_UNIT', unitId: 'unit-b', userId: 'officer.b' }, false],
    ['the uploader', { role: 'BUDGET_UNIT', unitId: 'unit-a', userId: 'officer.a' }, true],
    ['the supervising department', { role: 'DEPARTMENT', unitId: 'unit-a', userId: 'dept' }, false],
    ['the budget section', { role: 'BUDGET_SECTION', unitId: null, userId: 'b' }, true],
    ['an auditor', { role: 'AUDITOR', unitId: null, userId: 'c' }, true],
    ['an expert', { role: 'EXPERT', unitId: null, userId: 'd' }, false],
  ] as const)('%s', (_who, caller, may) => expect(mayDownload(caller as Identity, meta)).toBe(may));
});

describe('the download’s file name', () => {
  it('carries a Chinese name in RFC 5987 form beside an ASCII fallback', () => {
    expect(contentDisposition('审批表(终稿).pdf')).toBe(
      `attachment; filename="___(__).pdf"; filename*=UTF-8''%E5%AE%A1%E6%89%B9%E8%A1%A8%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
    expect(contentDisposition('a "b".pdf')).toBe(`attachment; filename="a _b_.pdf"; filename*=UTF-8''a%20%22b%22.pdf`);
  });
});
