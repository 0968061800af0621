import { createHash } from 'node:crypto';
import type { AttachmentStore } from '@jixiao/service-kit';
import { sampleFiles } from '../testing/sample-files';

/** What every attachment store does, whichever keeps the bytes: run by each store's integration test. */
export function attachmentStoreBehaves(make: () => AttachmentStore) {
  const officer = { actorId: 'officer.a', unitId: 'unit-a' };
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  it('stores a file under a new UUID with the size and SHA-256 computed from its bytes', async () => {
    const store = make();
    const bytes = sampleFiles.pdf(2048);
    const before = Date.now();
    const meta = await store.put(
      { name: '拨款审批表（2023 年第 3 批）.pdf', contentType: 'application/pdf', bytes },
      officer,
    );
    expect(meta).toEqual({
      attachmentId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: '拨款审批表（2023 年第 3 批）.pdf',
      sizeBytes: 2048,
      contentType: 'application/pdf',
      sha256: sha256(bytes),
      uploadedBy: 'officer.a',
      unitId: 'unit-a',
      uploadedAt: expect.any(Date),
    });
    expect(meta.uploadedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const opened = await store.open(meta.attachmentId);
    expect(opened?.meta).toEqual(meta);
    expect(opened?.bytes.equals(bytes)).toBe(true);
  });

  it('describes those of the ids asked that exist, in the order asked', async () => {
    const store = make();
    const a = await store.put({ name: 'a.png', contentType: 'image/png', bytes: sampleFiles.png() }, officer);
    const b = await store.put(
      {
        name: 'b.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: sampleFiles.docx(),
      },
      { actorId: 'section.li', unitId: null },
    );
    const described = await store.describe([
      b.attachmentId,
      '3f1c1d9e-0000-4000-8000-000000000000',
      a.attachmentId,
      '../etc/passwd',
    ]);
    expect(described).toEqual([b, a]);
    expect(described[0]!.unitId).toBeNull();
    expect(await store.describe([])).toEqual([]);
  });

  it('opens nothing for an id it does not hold or that is no id at all', async () => {
    const store = make();
    expect(await store.open('3f1c1d9e-0000-4000-8000-000000000000')).toBeNull();
    expect(await store.open('../../jixiao.db')).toBeNull();
  });

  it('keeps two uploads of the same bytes apart, each with its own id and name', async () => {
    const store = make();
    const bytes = sampleFiles.jpeg();
    const first = await store.put({ name: '现场照片1.jpg', contentType: 'image/jpeg', bytes }, officer);
    const second = await store.put({ name: '现场照片2.jpg', contentType: 'image/jpeg', bytes }, officer);
    expect(second.attachmentId).not.toBe(first.attachmentId);
    expect(second.sha256).toBe(first.sha256);
    expect((await store.describe([first.attachmentId, second.attachmentId])).map((m) => m.name)).toEqual([
      '现场照片1.jpg',
      '现场照片2.jpg',
    ]);
  });
}
