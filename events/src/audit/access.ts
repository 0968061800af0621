import { z } from 'zod';
import { defineEvent } from '../catalog/define';

/**
 * What was read: an operation of the audit service — `Query.streamHistory`, `Query.verifyStream`,
 * `Query.inclusionProof` (it answers with the event), or
 * the `history` of an audited entity (`Goal.history`, `Project.history`, `BudgetUnit.history`, …).
 */
export const SENSITIVE_RESOURCE = /^(Query\.(streamHistory|verifyStream|inclusionProof)|[A-Z][A-Za-z0-9]*\.history)$/;

/** True when reading `operation` (`Type.field`) reads an event history. */
export const isSensitiveResource = (operation: string): boolean => SENSITIVE_RESOURCE.test(operation);

/** Streams one request may name in its access record: more than the gateway lets one request read. */
export const MAX_READS_PER_RECORD = 10_000;

const sensitiveRead = z.object({
  resource: z.string().regex(SENSITIVE_RESOURCE),
  /** The stream that was read or verified. */
  streamId: z.string().min(1).max(300),
  /** How many events the reader received. */
  eventCount: z.number().int().min(0),
});

/** v1 (one event per stream read), frozen: stored v1 events are upcast, never rewritten. */
type SensitiveDataReadV1 = z.infer<typeof sensitiveRead>;

export const SensitiveDataRead = defineEvent({
  type: 'SensitiveDataRead',
  context: 'access',
  description: '敏感数据已读取 — one request read event histories (who is in the metadata)',
  schemaVersion: 2,
  schema: z.object({
    /** Every stream the request read (by stream id), with how many events each returned. */
    reads: z.array(sensitiveRead).min(1).max(MAX_READS_PER_RECORD),
  }),
  upcasters: { 1: (data) => ({ reads: [data as SensitiveDataReadV1] }) },
});

/** `access-<userId>`: one stream per reader, so an auditor can list what a person has read. */
export const accessStreamId = (userId: string): string => `access-${userId}`;

export const accessEvents = [SensitiveDataRead] as const;
