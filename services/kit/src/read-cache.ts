/**
 * A read cache in front of expensive queries (aggregates, review queues). An entry is keyed
 * by the query, its arguments, the caller's scope and the current version of every
 * projection the query reads, so a change to any of those projections makes the entry
 * unreachable: nothing is served from before a change the reader could already see.
 */
export interface ReadCache {
  read<T>(query: CachedQuery, compute: () => Promise<T>): Promise<T>;
}

export interface CachedQuery {
  /** The query's name, e.g. `goalCoverage`. */
  name: string;
  /** The projections (by name) whose tables the query reads. */
  projections: readonly string[];
  /** Everything else the answer depends on: arguments, the caller's role, unit and scope. JSON-serialisable. */
  key: unknown;
}

/** No cache: every read computes (tests, and services given no cache). */
export const noCache: ReadCache = { read: (_query, compute) => compute() };

/** Reads through the service's cache, or computes when it has none. */
export function readThrough<T>(
  cache: ReadCache | undefined,
  query: CachedQuery,
  compute: () => Promise<T>,
): Promise<T> {
  return (cache ?? noCache).read(query, compute);
}
