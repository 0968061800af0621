export { catalog } from '@jixiao/contexts';
export type { BatchAppend } from '@jixiao/events';

/** The stored columns of an event row (all but the position, which the table assigns). */
export const EVENT_COLUMNS_FOR_BENCH =
  'transaction_id, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, previous_hash, hash, command_id';
