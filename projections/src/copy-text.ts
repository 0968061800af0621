import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** COPY's text format: a backslash, tab, newline or carriage return inside a field is escaped. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text value as a field of `COPY … FROM STDIN` in text format. */
export const copyField = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;

/** Lines are handed to the connection in chunks of about this many characters. */
const CHUNK = 256 * 1024;

/**
 * Streams lines into `COPY <target> FROM STDIN` (text format) on `client`, inside whatever
 * transaction it is in. The lines are produced as the connection asks for more, so the work of
 * making them overlaps PostgreSQL's inserting; they are joined per chunk into one flat string
 * (a rope built with `+=` costs more to encode than the COPY).
 */
export async function copyLinesInto(client: ClientBase, target: string, lines: Iterable<string>): Promise<void> {
  function* chunked(): Generator<string> {
    let chunk: string[] = [];
    let size = 0;
    for (const line of lines) {
      chunk.push(line);
      size += line.length;
      if (size >= CHUNK) {
        yield chunk.join('');
        chunk = [];
        size = 0;
      }
    }
    if (size > 0) yield chunk.join('');
  }
  await pipeline(Readable.from(chunked(), { objectMode: false }), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
}
