/** What the platform accepts as an attachment (its configuration, not a rule profile's). */
export interface AttachmentLimits {
  /** The largest file accepted, in bytes (a file of exactly this size is accepted). */
  maxBytes: number;
  /** The MIME types accepted; the type is checked against the bytes, not only the declared type. */
  contentTypes: readonly string[];
}

/** One stored file's description: what a disbursement request's documents name. */
export interface StoredAttachment {
  /** A UUID the store gives it. */
  attachmentId: string;
  /** The file's name as uploaded. */
  name: string;
  sizeBytes: number;
  /** The type detected from the bytes (one of the accepted types). */
  contentType: string;
  /** The SHA-256 of the bytes, hex, computed by the server. */
  sha256: string;
  /** The actor who uploaded it. */
  uploadedBy: string;
  /** The uploader's unit (null for a finance-bureau role). */
  unitId: string | null;
  uploadedAt: Date;
}

/** Keeps uploaded files: a folder in embedded mode, PostgreSQL in distributed mode. */
export interface AttachmentStore {
  put(
    file: { name: string; contentType: string; bytes: Buffer },
    by: { actorId: string; unitId: string | null },
  ): Promise<StoredAttachment>;
  /** Those of the ids that exist, in the order asked. */
  describe(attachmentIds: readonly string[]): Promise<StoredAttachment[]>;
  open(attachmentId: string): Promise<{ meta: StoredAttachment; bytes: Buffer } | null>;
}

/** The platform's attachment store and the limits it accepts files under. */
export interface Attachments {
  store: AttachmentStore;
  limits: AttachmentLimits;
}
