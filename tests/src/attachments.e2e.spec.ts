import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testing, DOCX, PDF, PNG } from '@jixiao/infra';
import { as, startTestPlatform } from './support/platform';

const { sampleFiles } = testing;
const MAX = 4096;

describe('attachments over HTTP beside /graphql (POST /attachments, GET /attachments/:id)', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let base: string;
  beforeAll(async () => {
    platform = await startTestPlatform({ attachments: { maxBytes: MAX, contentTypes: [PDF, PNG, DOCX] } });
    base = platform.url.replace(/\/graphql$/, '');
  });
  afterAll(() => platform.dispose());

  const unitA = as('BUDGET_UNIT', 'unit-a', 'officer.a');
  const unitB = as('BUDGET_UNIT', 'unit-b', 'officer.b');
  const tokenOf = async (caller: ReturnType<typeof as>) =>
    platform.mint(caller as { role: 'BUDGET_UNIT'; unitId: string; userId: string });
  const storedFiles = () => {
    try {
      return readdirSync(join(platform.dir, 'attachments')).filter((name) => !name.startsWith('.'));
    } catch {
      return [];
    }
  };

  async function upload(
    file: { name: string; type: string; bytes: Buffer },
    token: string | null,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const response = await fetch(`${base}/attachments`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
  const download = (id: string, token: string | null) =>
    fetch(`${base}/attachments/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('stores a unit’s PDF with the SHA-256 the server computed, and gives it back with its Chinese name', async () => {
    const bytes = sampleFiles.pdf(MAX);
    const { status, body } = await upload({ name: '拨款审批表 2023.pdf', type: PDF, bytes }, await tokenOf(unitA));
    expect(status).toBe(201);
    expect(body).toMatchObject({
      attachmentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '拨款审批表 2023.pdf',
      sizeBytes: MAX,
      contentType: PDF,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: 'officer.a',
      unitId: 'unit-a',
    });
    const id = body.attachmentId as string;
    // what a request's resolver reads: the description, by id
    expect(await platform.attachments.store.describe([id, '00000000-0000-4000-8000-000000000000'])).toEqual([
      expect.objectContaining({ attachmentId: id, sha256: body.sha256 }),
    ]);

    const own = await download(id, await tokenOf(unitA));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe(PDF);
    expect(own.headers.get('content-disposition')).toBe(
      `attachment; filename="_____ 2023.pdf"; filename*=UTF-8''${encodeURIComponent('拨款审批表 2023.pdf')}`,
    );
    expect(Buffer.from(await own.arrayBuffer()).equals(bytes)).toBe(true);

    // the bureau's reading roles see any unit's file
    for (const role of ['PERFORMANCE_SECTION', 'BUDGET_SECTION', 'AUDITOR', 'ADMIN'] as const)
      expect((await download(id, await platform.mint({ role }))).status).toBe(200);
  });

  it('refuses another unit’s download as not found, and a role that reads no attachments as forbidden', async () => {
    const { body } = await upload({ name: 'a.png', type: PNG, bytes: sampleFiles.png() }, await tokenOf(unitA));
    const id = body.attachmentId as string;
    const other = await download(id, await tokenOf(unitB));
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({
      code: 'NOT_FOUND',
      message: '附件不存在，或您无权查看',
      messageEn: 'No such attachment, or not one you may see',
    });
    const expert = await download(id, await platform.mint({ role: 'EXPERT' }));
    expect(expert.status).toBe(403);
    expect(await expert.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await download('not-an-id', await tokenOf(unitA))).status).toBe(404);
  });

  it('refuses a file of a refused type or whose bytes contradict its type (415) and stores nothing', async () => {
    const before = storedFiles();
    const token = await tokenOf(unitA);
    const exe = await upload({ name: 'setup.pdf', type: PDF, bytes: sampleFiles.exe() }, token);
    expect(exe.status).toBe(415);
    expect(exe.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('不接受此类文件'),
    });
    const xlsx = await upload(
      { name: '台账.xlsx', type: 'application/octet-stream', bytes: sampleFiles.xlsx() },
      token,
    );
    expect(xlsx.status).toBe(415);
    const disguised = await upload({ name: 'scan.pdf', type: PDF, bytes: sampleFiles.png() }, token);
    expect(disguised.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      messageEn: expect.stringContaining('does not match'),
    });
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file one byte over the limit (413) and stores nothing', async () => {
    const before = storedFiles();
    const { status, body } = await upload(
      { name: 'big.pdf', type: PDF, bytes: sampleFiles.pdf(MAX + 1) },
      await tokenOf(unitA),
    );
    expect(status).toBe(413);
    expect(body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: `附件超过大小上限 ${MAX} 字节`,
      messageEn: `The file is larger than the limit of ${MAX} bytes`,
    });
    // a body far over the limit is refused by its length, unread
    const huge = await upload(
      { name: 'huge.pdf', type: PDF, bytes: sampleFiles.pdf(1024 * 1024) },
      await tokenOf(unitA),
    );
    expect(huge.status).toBe(413);
    expect(storedFiles()).toEqual(before);
  });

  it('asks for the same token as /graphql: none or a bad one is 401, and only uploading roles upload (403)', async () => {
    const file = { name: 'a.pdf', type: PDF, bytes: sampleFiles.pdf() };
    const none = await upload(file, null);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    expect((await upload(file, 'not.a.token')).status).toBe(401);
    const expired = await platform.mint({ role: 'BUDGET_UNIT', unitId: 'unit-a' }, { expiresIn: -10 });
    expect((await upload(file, expired)).body).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageEn: expect.stringContaining('expired'),
    });
    expect((await download('00000000-0000-4000-8000-000000000000', null)).status).toBe(401);
    const auditor = await upload(file, await platform.mint({ role: 'AUDITOR' }));
    expect(auditor.status).toBe(403);
    expect(auditor.body).toMatchObject({ code: 'FORBIDDEN', message: '您的角色不能上传附件' });
  });

  it('leaves GraphQL and the console where they were', async () => {
    const { status, errors } = await platform.gql('{ __typename }', undefined, as('AUDITOR'));
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
  });
});
