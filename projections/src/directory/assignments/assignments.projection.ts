import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import type { AssignmentGranted, AssignmentKind, DataOf, RecordedEvent } from '@jixiao/events';
import { chunks, defineProjection, insertRows, type Versioned } from '../../projection';

/** One assigned record (its `assignment-<kind>-<subjectId>` stream): remembers the last version applied. */
export interface AssignmentRecordRow extends Versioned {
  kind: string;
  subjectId: string;
}

/** 指派读模型 — one row per user assigned to a record now; a revocation deletes the row. */
export interface AssignmentRow {
  streamId: string;
  assigneeUserId: string;
  kind: string;
  subjectId: string;
  reason: string;
  grantedBy: string;
  grantedAt: Date;
  /** The AssignmentGranted event, for the audit trail. */
  grantEventId: string;
}

export type AssignmentDoc = AssignmentRecordRow & { assignees: AssignmentRow[] };

export const AssignmentRecordRowSchema = new EntitySchema<AssignmentRecordRow>({
  name: 'AssignmentRecordRow',
  tableName: 'rm_assignment_record',
  properties: {
    streamId: { type: 'string', primary: true },
    lastVersion: { type: 'integer' },
    kind: { type: 'string' },
    subjectId: { type: 'string' },
  },
});

export const AssignmentRowSchema = new EntitySchema<AssignmentRow>({
  name: 'AssignmentRow',
  tableName: 'rm_assignment',
  // the port asks "what is this user assigned to" on every scoped request; a record's page asks who
  indexes: [{ properties: ['assigneeUserId', 'kind'] }, { properties: ['kind', 'subjectId'] }],
  properties: {
    streamId: { type: 'string', primary: true },
    assigneeUserId: { type: 'string', primary: true },
    kind: { type: 'string' },
    subjectId: { type: 'string' },
    reason: { type: 'text' },
    grantedBy: { type: 'string' },
    grantedAt: { type: 'datetime' },
    grantEventId: { type: 'string' },
  },
});

type Assignment = DataOf<typeof AssignmentGranted>;

/** Pure: one assignment event folded into the record's current assignees. */
export function evolveAssignments(doc: AssignmentDoc | null, event: RecordedEvent): AssignmentDoc | null {
  if (event.type !== 'AssignmentGranted' && event.type !== 'AssignmentRevoked') return doc;
  const d = event.data as Assignment;
  const base: AssignmentDoc = doc ?? {
    streamId: event.streamId,
    lastVersion: 0,
    kind: d.kind,
    subjectId: d.subjectId,
    assignees: [],
  };
  const others = base.assignees.filter((a) => a.assigneeUserId !== d.assigneeUserId);
  const granted: AssignmentRow = {
    streamId: event.streamId,
    assigneeUserId: d.assigneeUserId,
    kind: d.kind,
    subjectId: d.subjectId,
    reason: d.reason,
    grantedBy: event.metadata.actorId,
    grantedAt: new Date(event.recordedAt),
    grantEventId: event.eventId,
  };
  const assignees = event.type === 'AssignmentGranted' ? [...others, granted] : others;
  return { ...base, lastVersion: event.streamVersion, assignees };
}

/** 指派读模型 — who is assigned to which record now, as the row-scope port reads it. */
export const assignmentsProjection = defineProjection<AssignmentDoc>({
  name: 'directory.assignments',
  handles: ['AssignmentGranted', 'AssignmentRevoked'],
  entities: [AssignmentRecordRowSchema, AssignmentRowSchema],
  evolve: evolveAssignments,
  async loadMany(em, streamIds) {
    const docs = new Map<string, AssignmentDoc>();
    for (const ids of chunks(streamIds)) {
      const records = await em.find(
        AssignmentRecordRowSchema,
        { streamId: { $in: ids } },
        { disableIdentityMap: true },
      );
      const rows = records.length
        ? await em.find(
            AssignmentRowSchema,
            { streamId: { $in: records.map((r) => r.streamId) } },
            { disableIdentityMap: true },
          )
        : [];
      for (const record of records) docs.set(record.streamId, { ...record, assignees: [] });
      for (const row of rows) docs.get(row.streamId)?.assignees.push({ ...row });
    }
    return docs;
  },
  async saveMany(em, docs) {
    // replaced by primary key, as an upsert would; the record row keeps lastVersion when nobody is left assigned
    for (const part of chunks(docs)) {
      const streamIds = part.map((d) => d.streamId);
      await em.nativeDelete(AssignmentRecordRowSchema, { streamId: { $in: streamIds } });
      await em.nativeDelete(AssignmentRowSchema, { streamId: { $in: streamIds } });
    }
    await insertRows(
      em,
      AssignmentRecordRowSchema,
      docs.map(({ streamId, lastVersion, kind, subjectId }) => ({ streamId, lastVersion, kind, subjectId })),
    );
    await insertRows(
      em,
      AssignmentRowSchema,
      docs.flatMap((d) => d.assignees),
    );
  },
});

/** The records `userId` is assigned to now, per kind: the row-scope port's assignment source. */
export async function assignedTo(
  em: EntityManager,
  userId: string,
): Promise<Partial<Record<AssignmentKind, string[]>>> {
  const rows = await em.find(
    AssignmentRowSchema,
    { assigneeUserId: userId },
    { fields: ['kind', 'subjectId'], disableIdentityMap: true },
  );
  const byKind: Partial<Record<AssignmentKind, string[]>> = {};
  for (const row of rows) (byKind[row.kind as AssignmentKind] ??= []).push(row.subjectId);
  return byKind;
}

/** The users assigned to one record now, in the order they were granted. */
export async function assigneesOf(
  em: EntityManager,
  kind: AssignmentKind,
  subjectId: string,
): Promise<AssignmentRow[]> {
  return em.find(
    AssignmentRowSchema,
    { kind, subjectId },
    { orderBy: { grantedAt: 'asc', assigneeUserId: 'asc' }, disableIdentityMap: true },
  );
}

/** A user's assignments now, newest first, optionally of one kind. */
export async function assignmentsOf(
  em: EntityManager,
  userId: string,
  kind?: AssignmentKind,
): Promise<AssignmentRow[]> {
  return em.find(
    AssignmentRowSchema,
    { assigneeUserId: userId, ...(kind ? { kind } : {}) },
    { orderBy: { grantedAt: 'desc', subjectId: 'asc' }, disableIdentityMap: true },
  );
}
