import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { testing } from '@jixiao/infra';

/**
 * Resolves once the workers' batch journal (`JIXIAO_BATCH_JOURNAL`) ends with a `begin`: a batch
 * transaction is open at that moment. Gives up quietly after `limitMs` (the caller kills anyway).
 */
export async function batchTransactionOpen(journal: string, limitMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (lastLine(journal).startsWith('begin ')) return true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return false;
}

function lastLine(file: string): string {
  if (!existsSync(file)) return '';
  const size = statSync(file).size;
  const tail = Buffer.alloc(Math.min(size, 256));
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    closeSync(fd);
  }
  return tail.toString().trimEnd().split('\n').pop() ?? '';
}

/**
 * The batch transactions the journal shows begun but never ended (no `commit`, no `failed`), with
 * PostgreSQL's verdict on each (`pg_xact_status`): `aborted` is a transaction the worker process
 * died inside, which PostgreSQL rolled back; `committed`, one it died just after committing.
 */
export async function cutTransactions(journal: string): Promise<{ begun: number; cut: Record<string, number> }> {
  const begun = new Set<string>();
  let total = 0;
  for (const line of existsSync(journal) ? readFileSync(journal, 'utf8').split('\n') : []) {
    const [what, xid] = line.split(' ');
    if (what === 'begin') {
      total++;
      begun.add(xid!);
    } else if (what === 'commit' || what === 'failed') begun.delete(xid!);
  }
  const cut: Record<string, number> = {};
  if (begun.size > 0) {
    const { rows } = await testing.withPgClient((c) =>
      c.query<{ status: string }>(`SELECT pg_xact_status(x::xid8) AS status FROM unnest($1::text[]) AS x`, [
        [...begun],
      ]),
    );
    for (const { status } of rows) cut[status] = (cut[status] ?? 0) + 1;
  }
  return { begun: total, cut };
}
