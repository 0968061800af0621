/** Quotes a schema name after checking it is a plain identifier. */
export function schemaIdent(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  return `"${schema}"`;
}

/** DDL of the PostgreSQL event store inside one schema; idempotent. */
export function postgresEventSchema(schema: string): string {
  const s = schemaIdent(schema);
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.events (
  global_position bigserial PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  data json NOT NULL,
  metadata json NOT NULL,
  recorded_at timestamptz NOT NULL,
  previous_hash text NOT NULL,
  hash text NOT NULL,
  command_id text,
  CONSTRAINT events_stream_version UNIQUE (stream_id, stream_version)
);
-- bodies are kept as the JSON text written (json, not jsonb): never queried inside by the store,
-- and jsonb's parse on insert and print on every read were most of PostgreSQL's work on both;
-- a store made before this converts once (a table rewrite)
DO $$ BEGIN
  IF (SELECT data_type FROM information_schema.columns
      WHERE table_schema = '${schema}' AND table_name = 'events' AND column_name = 'data') = 'jsonb' THEN
    ALTER TABLE ${s}.events ALTER COLUMN data TYPE json, ALTER COLUMN metadata TYPE json;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS events_commit_order ON ${s}.events (transaction_id, global_position);
CREATE TABLE IF NOT EXISTS ${s}.event_streams (
  stream_id text PRIMARY KEY,
  version integer NOT NULL,
  last_hash text NOT NULL
);
CREATE TABLE IF NOT EXISTS ${s}.event_commands (
  command_id text PRIMARY KEY,
  stream_id text NOT NULL,
  from_version integer NOT NULL,
  to_version integer NOT NULL
);
-- what command an id was, so the id reused for another command is refused; a store made before
-- gains the column (its commands keep a NULL type and are checked by stream only)
ALTER TABLE ${s}.event_commands ADD COLUMN IF NOT EXISTS command_type text;
-- transactional outbox (distributed mode): one row per event, written in the append's
-- transaction, deleted by the relay once Kafka has acknowledged the event
CREATE TABLE IF NOT EXISTS ${s}.event_outbox (
  outbox_id bigserial PRIMARY KEY,
  global_position bigint NOT NULL REFERENCES ${s}.events (global_position)
);
CREATE OR REPLACE FUNCTION ${s}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % refused on %', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE OR REPLACE FUNCTION ${s}.refuse_head_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.version <= OLD.version THEN
    RAISE EXCEPTION 'stream heads only move forward (append-only): % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_event_change();
CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_event_change();
CREATE OR REPLACE TRIGGER event_streams_forward_only BEFORE UPDATE OR DELETE ON ${s}.event_streams
  FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_head_rewind();
`;
}
