export * from './persisted-documents';
