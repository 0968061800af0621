import { z } from 'zod';
import { defineEvent } from './define';

/** What was read: an operation of the audit service, e.g. `Query.streamHistory` or `Goal.history`. */
export const SENSITIVE_RESOURCES = ['Query.streamHistory', 'Query.verifyStream', 'Goal.history'] as const;

export const SensitiveDataRead = defineEvent({
  type: 'SensitiveDataRead',
  context: 'access',
  description: '敏感数据已读取 — someone read an event history (who is in the metadata)',
  schemaVersion: 1,
  schema: z.object({
    resource: z.enum(SENSITIVE_RESOURCES),
    /** The stream that was read or verified. */
    streamId: z.string().min(1).max(300),
    /** How many events the reader received. */
    eventCount: z.number().int().min(0),
  }),
});

/** `access-<userId>`: one stream per reader, so an auditor can list what a person has read. */
export const accessStreamId = (userId: string): string => `access-${userId}`;

export const accessEvents = [SensitiveDataRead] as const;
