import path from 'node:path';
import { Pool } from 'pg';
import type { AttachmentLimits, Attachments } from '@jixiao/service-kit';
import type { ReadModelDatabase } from '../read-models/orm';
import { DEFAULT_ATTACHMENT_LIMITS } from './content-type';
import { FolderAttachmentStore } from './folder-attachment-store';
import { PostgresAttachmentStore } from './postgres-attachment-store';

/** The folder embedded mode keeps files in: `attachments/` beside the SQLite file (in the data dir). */
export const attachmentDirOf = (sqliteFile: string) => path.join(path.dirname(sqliteFile), 'attachments');

/**
 * The attachment store where the events are kept: a folder beside the SQLite file, or the
 * `attachments` table of the PostgreSQL schema — through `pool` when given (the event store's; not
 * closed here), else a small pool of its own that `close` ends.
 */
export function openAttachments(
  storage: ReadModelDatabase,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
  pool?: Pool,
): { attachments: Attachments; close(): Promise<void> } {
  if (storage.kind === 'sqlite') {
    return {
      attachments: { store: new FolderAttachmentStore(attachmentDirOf(storage.file)), limits },
      close: async () => {},
    };
  }
  const own = pool ? undefined : new Pool({ connectionString: storage.connectionString, max: 4 });
  own?.on('error', () => undefined);
  return {
    attachments: { store: new PostgresAttachmentStore(pool ?? own!, storage.schema), limits },
    close: async () => {
      await own?.end();
    },
  };
}
