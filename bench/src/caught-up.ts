import Database from 'better-sqlite3';
import { allProjections } from '@jixiao/contexts';

/** Waits until every read model's checkpoint has reached the store's last event (read from the file, read-only). */
export async function caughtUp(file: string): Promise<void> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (;;) {
      const last = (db.prepare('SELECT COALESCE(MAX(global_position), 0) AS p FROM events').get() as { p: number }).p;
      const { p: reached, n } = db
        .prepare('SELECT MIN(global_position) AS p, COUNT(*) AS n FROM rm_projection_checkpoint')
        .get() as { p: number | null; n: number };
      if (n >= allProjections.length && reached !== null && reached >= last) return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  } finally {
    db.close();
  }
}
