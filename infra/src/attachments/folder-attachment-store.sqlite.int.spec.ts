import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleFiles } from '../testing/sample-files';
import { attachmentStoreBehaves } from './attachment-store.behaviour';
import { FolderAttachmentStore } from './folder-attachment-store';

describe('the folder attachment store (embedded mode)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jixiao-attachments-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  attachmentStoreBehaves(() => new FolderAttachmentStore(path.join(dir, 'attachments')));

  it('keeps each file as <id>.bin beside its description <id>.json, no temporary file left', async () => {
    const folder = path.join(dir, 'own');
    const meta = await new FolderAttachmentStore(folder).put(
      { name: 'x.pdf', contentType: 'application/pdf', bytes: sampleFiles.pdf() },
      { actorId: 'a', unitId: null },
    );
    expect(readdirSync(folder).sort()).toEqual([`${meta.attachmentId}.bin`, `${meta.attachmentId}.json`]);
  });

  it('takes a file whose description is missing (a write cut short) as not there', async () => {
    const folder = path.join(dir, 'cut');
    const store = new FolderAttachmentStore(folder);
    const meta = await store.put(
      { name: 'x.pdf', contentType: 'application/pdf', bytes: sampleFiles.pdf() },
      { actorId: 'a', unitId: null },
    );
    rmSync(path.join(folder, `${meta.attachmentId}.json`));
    expect(await store.open(meta.attachmentId)).toBeNull();
    expect(await store.describe([meta.attachmentId])).toEqual([]);
  });
});
