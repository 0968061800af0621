import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AttachmentStore, StoredAttachment } from '@jixiao/service-kit';
import { describeNew, isAttachmentId } from './stored-attachment';

type MetaFile = Omit<StoredAttachment, 'uploadedAt'> & { uploadedAt: string };

const missing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

/**
 * Embedded mode's attachment store: a folder (`<data dir>/attachments/`) holding each file as
 * `<id>.bin` with its description beside it in `<id>.json`. Each is written to a temporary file and
 * renamed into place, bytes first: a file is there once its description is, never half-written.
 */
export class FolderAttachmentStore implements AttachmentStore {
  constructor(readonly dir: string) {}

  async put(
    file: { name: string; contentType: string; bytes: Buffer },
    by: { actorId: string; unitId: string | null },
  ): Promise<StoredAttachment> {
    const meta = describeNew(file, by);
    await mkdir(this.dir, { recursive: true });
    await this.writeAtomically(`${meta.attachmentId}.bin`, file.bytes);
    await this.writeAtomically(`${meta.attachmentId}.json`, JSON.stringify(meta));
    return meta;
  }

  async describe(attachmentIds: readonly string[]): Promise<StoredAttachment[]> {
    const found = await Promise.all(attachmentIds.map((id) => this.meta(id)));
    return found.filter((meta): meta is StoredAttachment => meta !== null);
  }

  async open(attachmentId: string): Promise<{ meta: StoredAttachment; bytes: Buffer } | null> {
    const meta = await this.meta(attachmentId);
    if (!meta) return null;
    try {
      return { meta, bytes: await readFile(path.join(this.dir, `${attachmentId}.bin`)) };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  private async meta(attachmentId: string): Promise<StoredAttachment | null> {
    if (!isAttachmentId(attachmentId)) return null;
    try {
      const stored = JSON.parse(await readFile(path.join(this.dir, `${attachmentId}.json`), 'utf8')) as MetaFile;
      return { ...stored, uploadedAt: new Date(stored.uploadedAt) };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  private async writeAtomically(name: string, content: Buffer | string): Promise<void> {
    const temporary = path.join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, content, { flag: 'wx' });
      await rename(temporary, path.join(this.dir, name));
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}
