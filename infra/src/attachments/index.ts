export * from './content-type';
export * from './folder-attachment-store';
export * from './postgres-attachment-store';
export * from './open-attachments';
export * from './attachment-http';
export { isAttachmentId } from './stored-attachment';
