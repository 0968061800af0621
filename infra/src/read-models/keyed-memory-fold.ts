import type { EntityManager } from '@mikro-orm/core';
import type { EventCatalog, RecordedEvent } from '@jixiao/events';
import {
  applyKeyedSteps,
  chunks,
  keysOfSteps,
  loadStreamRecords,
  planKeyed,
  saveStreamRecords,
  type Keyed,
  type KeyedProjection,
  type ProjectionStreamRecord,
} from '@jixiao/projections';

/**
 * A keyed projection's documents and stream records folded in memory during a rebuild, as
 * `applyBatch` would fold them, and written to the shadow tables in one go. What was written
 * out earlier (`documentsInMemory` reached) is loaded again when a later event needs it.
 */
export class KeyedMemoryFold {
  private readonly records = new Map<string, ProjectionStreamRecord>();
  private readonly docs = new Map<string, Keyed | null>();
  private readonly touched = new Set<string>();
  private readonly changed = new Set<string>();
  /** Written out earlier: stream records, and document keys stored in the shadow tables. */
  private readonly writtenStreams = new Set<string>();
  private readonly storedKeys = new Set<string>();

  constructor(
    private readonly projection: KeyedProjection,
    private readonly catalog: EventCatalog,
    private readonly em: EntityManager,
    private readonly limit: number,
    private readonly parts: number,
  ) {}

  async add(events: readonly RecordedEvent[]): Promise<void> {
    const handles = new Set(this.projection.handles);
    const relevant = events.filter((e) => handles.has(e.type));
    if (relevant.length === 0) return;
    const streams = [...new Set(relevant.map((e) => e.streamId))].filter(
      (id) => !this.records.has(id) && this.writtenStreams.has(id),
    );
    if (streams.length > 0) {
      for (const [id, record] of await loadStreamRecords(this.em.fork(), this.projection.name, streams)) {
        this.records.set(id, record);
      }
    }
    const steps = await planKeyed(this.projection, this.catalog, relevant, this.records, this.touched);
    const keys = keysOfSteps(steps).filter((k) => !this.docs.has(k));
    const stored = keys.filter((k) => this.storedKeys.has(k));
    const loaded = stored.length > 0 ? await this.projection.loadMany(this.em.fork(), stored) : new Map();
    for (const key of keys) this.docs.set(key, loaded.get(key) ?? null);
    applyKeyedSteps(this.projection, steps, this.docs, this.changed);
    if (this.docs.size + this.records.size >= this.limit) await this.flush();
  }

  async flush(): Promise<void> {
    const keys = [...this.changed];
    const docs = keys.flatMap((k) => this.docs.get(k) ?? []);
    const gone = keys.filter((k) => this.docs.get(k) === null && this.storedKeys.has(k));
    const records = [...this.touched].map((id) => this.records.get(id)!);
    const size = (n: number) => Math.max(2000, Math.ceil(n / this.parts));
    // the shadow tables are nobody's until the swap: parts need not be atomic together
    if (gone.length > 0) await this.em.fork().transactional((tx) => this.projection.deleteMany(tx, gone));
    await Promise.all([
      ...chunks(docs, size(docs.length)).map((part) =>
        this.em.fork().transactional((tx) => this.projection.saveMany(tx, part)),
      ),
      ...chunks(records, size(records.length)).map((part) =>
        this.em.fork().transactional((tx) => saveStreamRecords(tx, part)),
      ),
    ]);
    for (const k of gone) this.storedKeys.delete(k);
    for (const d of docs) this.storedKeys.add(d.key);
    for (const id of this.records.keys()) this.writtenStreams.add(id);
    this.records.clear();
    this.docs.clear();
    this.touched.clear();
    this.changed.clear();
  }
}
