import { createHash, randomUUID } from 'node:crypto';
import type { StoredAttachment } from '@jixiao/service-kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string is an attachment id (a lower-case UUID): nothing else reaches a file name or a query. */
export const isAttachmentId = (id: string) => UUID.test(id);

/** The description of a file about to be stored: a new id, its size and SHA-256 computed here from the bytes. */
export function describeNew(
  file: { name: string; contentType: string; bytes: Buffer },
  by: { actorId: string; unitId: string | null },
  now: Date = new Date(),
): StoredAttachment {
  return {
    attachmentId: randomUUID(),
    name: file.name,
    sizeBytes: file.bytes.length,
    contentType: file.contentType,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploadedBy: by.actorId,
    unitId: by.unitId,
    uploadedAt: now,
  };
}
